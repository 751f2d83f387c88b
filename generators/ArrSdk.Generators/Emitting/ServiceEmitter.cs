using System;
using System.Collections.Generic;
using System.Linq;
using ArrSdk.Generators.Model;
using ArrSdk.Generators.Parsing;

namespace ArrSdk.Generators.Emitting;

/// <summary>
/// Emits a service's Refit interface, plus a static class with its base URL, the response header names it exposes and
/// helpers that compose templated values (such as an Authorization header built from an id and a key).
/// </summary>
internal static class ServiceEmitter
{
    public static string Emit(SpecModel spec, ServiceModel service)
    {
        var writer = new SourceWriter();
        writer.Summary(service.Description);
        writer.Line(SourceWriter.GeneratedCodeAttribute);
        writer.Open($"public partial interface {service.InterfaceName}");
        var first = true;
        foreach (var operation in service.Operations)
        {
            if (!first)
            {
                writer.Line();
            }

            first = false;
            EmitOperation(writer, operation);
        }

        writer.Close();
        writer.Line();
        EmitCompanion(writer, service);
        return SourceWriter.Header(spec.Namespace) + writer;
    }

    private static void EmitOperation(SourceWriter writer, OperationModel operation)
    {
        var sent = operation.Parameters.Where(p => p.Location != ParameterLocation.Argument && !p.IsConstant).ToList();
        writer.Summary(operation.Description);
        foreach (var parameter in sent)
        {
            writer.Param(parameter.CSharpName, parameter.IsTemplated ? Describe(parameter) : parameter.Description);
        }

        if (operation.Body is not null)
        {
            writer.Param(operation.Body.CSharpName, operation.Body.Description);
        }

        writer.Line("/// <param name=\"cancellationToken\">Cancels the request.</param>");
        writer.Line($"/// <returns>The response with its status code and headers{ResponseDoc(operation)}.</returns>");
        writer.Line($"[global::Refit.{operation.HttpMethod}({SourceWriter.Literal(operation.RefitPath)})]");
        var constantHeaders = operation.Parameters.Where(p => p.Location == ParameterLocation.Header && p.IsConstant).ToList();
        if (constantHeaders.Count > 0)
        {
            writer.Line($"[global::Refit.Headers({string.Join(", ", constantHeaders.Select(h => SourceWriter.Literal(h.WireName + ": " + h.ConstantValue)))})]");
        }

        var arguments = new List<string>();
        foreach (var parameter in sent.Where(p => p.IsRequired))
        {
            arguments.Add(Declare(parameter, optional: false));
        }

        if (operation.Body is not null)
        {
            var type = operation.Body.IsRequired ? operation.Body.Type.CSharpName : operation.Body.Type.NullableName;
            arguments.Add($"[global::Refit.Body] {type} {operation.Body.CSharpName}{(operation.Body.IsRequired ? string.Empty : " = default")}");
        }

        foreach (var parameter in sent.Where(p => !p.IsRequired))
        {
            arguments.Add(Declare(parameter, optional: true));
        }

        arguments.Add("global::System.Threading.CancellationToken cancellationToken = default");
        var returns = operation.SuccessBodyType is null
            ? "global::System.Threading.Tasks.Task<global::Refit.IApiResponse>"
            : $"global::System.Threading.Tasks.Task<global::Refit.IApiResponse<{operation.SuccessBodyType.CSharpName}>>";
        writer.Line($"{returns} {operation.MethodName}({string.Join(", ", arguments)});");
        if (operation.Paging is { } paging)
        {
            EmitPagedOperation(writer, operation, paging, sent);
        }
    }

    private static void EmitPagedOperation(SourceWriter writer, OperationModel operation, PagingModel paging, List<ParameterModel> sent)
    {
        writer.Line();
        writer.Summary((operation.Description is null ? string.Empty : operation.Description + "\n")
                       + "Enumerates every item across all pages; the next page is requested only when needed, and only from the same origin.");
        foreach (var parameter in sent.Where(p => p.IsRequired))
        {
            writer.Param(parameter.CSharpName, parameter.Description);
        }

        writer.Line("/// <returns>A lazy sequence of the items, or of the pages with AsPages().</returns>");
        writer.Line($"[global::Refit.{operation.HttpMethod}({SourceWriter.Literal(operation.RefitPath)})]");
        writer.Line($"[global::Refit.Paged(Items = {SourceWriter.Literal(paging.ItemsProperty)}, Next = {SourceWriter.Literal(paging.NextLinkProperty)}, SameOrigin = true)]");
        var arguments = sent.Where(p => p.IsRequired).Select(p => Declare(p, optional: false));
        writer.Line($"global::Refit.PagedEnumerable<{paging.PageType}, {paging.ItemType}> {paging.MethodName}({string.Join(", ", arguments)});");
    }

    private static string Declare(ParameterModel parameter, bool optional)
    {
        var attribute = parameter.Location switch
        {
            ParameterLocation.Header => $"[global::Refit.Header({SourceWriter.Literal(parameter.WireName)})] ",
            ParameterLocation.Query => $"[global::Refit.AliasAs({SourceWriter.Literal(parameter.WireName)})] ",
            _ => string.Empty,
        };
        var type = optional ? parameter.Type.NullableName : parameter.Type.CSharpName;
        return $"{attribute}{type} {parameter.CSharpName}{(optional ? " = default" : string.Empty)}";
    }

    private static void EmitCompanion(SourceWriter writer, ServiceModel service)
    {
        writer.Line($"/// <summary>Constants and helpers for <see cref=\"{service.InterfaceName}\"/>.</summary>");
        writer.Line(SourceWriter.GeneratedCodeAttribute);
        writer.Open($"public static partial class {service.Name}");

        // Members come from different spec names (base URL, response headers, templated parameters), so they can clash
        // with each other or with the class itself; the first keeps its name, later ones get a number.
        var members = new HashSet<string>(StringComparer.Ordinal) { service.Name };
        if (service.BaseUrl is not null)
        {
            writer.Line("/// <summary>The service's default base address, as the spec gives it.</summary>");
            writer.Line($"public const string {CSharpNames.MakeUnique("DefaultBaseUrl", members)} = {SourceWriter.Literal(service.BaseUrl)};");
        }

        var headers = service.Operations.SelectMany(o => o.Responses).SelectMany(r => r.Headers)
            .GroupBy(h => (h.CSharpName, h.WireName)).Select(g => g.First()).ToList();
        foreach (var header in headers)
        {
            writer.Line();
            writer.Summary($"Name of the response header '{header.WireName}'." + (header.Description is null ? string.Empty : " " + header.Description));
            writer.Line($"public const string {CSharpNames.MakeUnique(header.CSharpName + "Header", members)} = {SourceWriter.Literal(header.WireName)};");
        }

        foreach (var operation in service.Operations)
        {
            foreach (var templated in operation.Parameters.Where(p => p.IsTemplated))
            {
                writer.Line();
                EmitTemplateHelper(writer, operation, templated, members);
            }
        }

        writer.Close();
    }

    private static void EmitTemplateHelper(SourceWriter writer, OperationModel operation, ParameterModel templated, HashSet<string> members)
    {
        var inputs = templated.Template.Where(p => p.ParameterCSharpName is not null).Select(p => p.ParameterCSharpName!).Distinct().ToList();
        // Constants are not C# parameters, so their names are not made unique and may repeat another parameter's.
        var byName = operation.Parameters.Where(p => !p.IsConstant).ToDictionary(p => p.CSharpName);
        writer.Summary($"Builds the value of '{templated.WireName}' for {operation.MethodName}: {Template(templated)}.");
        foreach (var input in inputs)
        {
            writer.Param(input, byName[input].Description);
        }

        writer.Line("/// <returns>The composed value; treat it as a secret when any input is one.</returns>");
        var name = CSharpNames.MakeUnique(operation.MethodName.Substring(0, operation.MethodName.Length - "Async".Length) + SourceWriter.Capitalize(templated.CSharpName.TrimStart('@')), members);
        var parameters = string.Join(", ", inputs.Select(i => $"{byName[i].Type.CSharpName} {i}"));
        var concatenation = string.Join(", ", templated.Template.Select(part => part.Literal is not null
            ? SourceWriter.Literal(part.Literal)
            : byName[part.ParameterCSharpName!].Type.CSharpName == "string"
                ? part.ParameterCSharpName!
                : $"global::System.Convert.ToString({part.ParameterCSharpName}, global::System.Globalization.CultureInfo.InvariantCulture)"));
        writer.Line($"public static string {name}({parameters}) => string.Concat({concatenation});");
    }

    private static string Describe(ParameterModel parameter)
        => (parameter.Description is null ? string.Empty : parameter.Description + " ") + $"Compose it with the helper for {Template(parameter)}.";

    private static string Template(ParameterModel parameter)
        => "\"" + string.Concat(parameter.Template.Select(p => p.Literal ?? "{" + p.ParameterCSharpName!.TrimStart('@') + "}")) + "\"";

    private static string ResponseDoc(OperationModel operation)
    {
        var codes = operation.Responses.Select(r => r.StatusCode).ToList();
        return codes.Count == 0 ? string.Empty : "; the spec lists " + string.Join(", ", codes);
    }
}
