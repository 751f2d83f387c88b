using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using ArrSdk.Generators.Diagnostics;
using ArrSdk.Generators.Json;
using ArrSdk.Generators.Model;
using Microsoft.CodeAnalysis.Text;

namespace ArrSdk.Generators.Parsing;

/// <summary>
/// Turns the text of one spec file into an equatable <see cref="SpecModel"/> plus located diagnostics.
/// Nothing from the compilation is used, so the result can feed the pre-compilation phase. Broken elements are
/// reported and left out, so one mistake never turns into a cascade of unrelated C# errors.
/// </summary>
internal static class SpecParser
{
    public static SpecParseResult Parse(string filePath, SourceText? text, CancellationToken cancellationToken)
        => Parse(filePath, text, EquatableArray<DeclaredType>.Empty, cancellationToken);

    /// <summary>Parses a spec whose types may refer to types that other spec files of the project declare.</summary>
    public static SpecParseResult Parse(string filePath, SourceText? text, EquatableArray<DeclaredType> projectTypes, CancellationToken cancellationToken)
    {
        text ??= SourceText.From(string.Empty);
        var context = new SpecParseContext(filePath, text);
        try
        {
            var spec = ParseRoot(context, text.ToString(), projectTypes, cancellationToken);
            return new SpecParseResult(context.ErrorCount == 0 || spec is not null ? spec : null, context.Diagnostics.ToEquatableArray());
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception exception)
        {
            // A bug of ours must still surface as a located diagnostic, never as a generator crash.
            context.Report(SpecDiagnostics.InternalError, new TextSpan(0, 0), exception.GetType().Name + ": " + exception.Message);
            return new SpecParseResult(null, context.Diagnostics.ToEquatableArray());
        }
    }

    /// <summary>
    /// The types a spec declares, by the same naming rules as a full parse, without diagnostics (the full parse reports
    /// them). Feeds the project-wide index that lets specs refer to each other's types.
    /// </summary>
    public static EquatableArray<DeclaredType> ReadDeclarations(string filePath, SourceText? text, CancellationToken cancellationToken)
    {
        try
        {
            text ??= SourceText.From(string.Empty);
            if (JsonTextParser.Parse(text.ToString()) is not JsonObject root)
            {
                return EquatableArray<DeclaredType>.Empty;
            }

            var context = new SpecParseContext(filePath, text);
            var (ns, contextName, _) = ReadNames(context, new ObjectReader(context, root, "the spec", RootKeys));
            var typesNode = root.Properties.FirstOrDefault(p => p.Name == "types")?.Value as JsonObject;
            var resolver = new TypeResolver(EquatableArray<DeclaredType>.Empty);
            TypeParser.Declare(context, typesNode, ns, resolver, new HashSet<string>(StringComparer.Ordinal) { contextName });
            cancellationToken.ThrowIfCancellationRequested();
            return resolver.Declared.Select(d => new DeclaredType(filePath, d.Key, d.Value.CSharpName, d.Value.IsValueType)).ToEquatableArray();
        }
        catch (JsonSyntaxException)
        {
            return EquatableArray<DeclaredType>.Empty;
        }
    }

    private static readonly string[] RootKeys = { "$schema", "namespace", "description", "jsonContext", "services", "types" };

    private static SpecModel? ParseRoot(SpecParseContext context, string content, EquatableArray<DeclaredType> projectTypes, CancellationToken cancellationToken)
    {
        JsonNode root;
        try
        {
            root = JsonTextParser.Parse(content);
        }
        catch (JsonSyntaxException syntax)
        {
            context.Report(SpecDiagnostics.SyntaxError, syntax.Span, syntax.Message);
            return null;
        }

        if (root is not JsonObject rootObject)
        {
            context.Report(SpecDiagnostics.WrongValueType, root.Span, "spec", "an object", SpecParseContext.Describe(root));
            return null;
        }

        var reader = new ObjectReader(context, rootObject, "the spec", RootKeys);
        var (ns, contextName, sourceName) = ReadNames(context, reader);
        var takenTypeNames = new HashSet<string>(StringComparer.Ordinal) { contextName };
        var resolver = new TypeResolver(new EquatableArray<DeclaredType>(projectTypes.Where(t => t.FilePath != context.FilePath).ToImmutableArray()));
        var typesNode = reader.GetObject("types");
        var typeDeclarations = TypeParser.Declare(context, typesNode, ns, resolver, takenTypeNames);
        var types = TypeParser.ParseAll(context, typeDeclarations, resolver, cancellationToken);

        var services = new List<ServiceModel>();
        var servicesNode = reader.GetObject("services");
        if (servicesNode is not null)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var member in servicesNode.Properties)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!seen.Add(member.Name))
                {
                    context.Report(SpecDiagnostics.DuplicateName, member.NameSpan, "Service", member.Name, string.Empty);
                    continue;
                }

                var service = ServiceParser.Parse(context, member, resolver, takenTypeNames, types);
                if (service is not null)
                {
                    services.Add(service);
                }
            }
        }

        return new SpecModel(sourceName, ns, contextName, services.ToEquatableArray(), types.ToEquatableArray());
    }

    private static (string Namespace, string ContextName, string SourceName) ReadNames(SpecParseContext context, ObjectReader reader)
    {
        var ns = reader.GetString("namespace", "the C# namespace of the generated code, for example \"Contoso.Api\"");
        if (ns is not null && !CSharpNames.IsValidNamespace(ns))
        {
            context.Report(SpecDiagnostics.InvalidValue, reader.Member("namespace")!.Value.Span, "namespace", ns, "use dot-separated C# identifiers such as \"Contoso.Api\"");
            ns = null;
        }

        ns ??= "ArrSdk.Generated";
        var sourceName = CSharpNames.ToPascal(Path.GetFileNameWithoutExtension(Path.GetFileNameWithoutExtension(context.FilePath)), "Spec");
        var contextName = sourceName + "JsonContext";
        var jsonContext = reader.GetString("jsonContext");
        if (jsonContext is not null)
        {
            var candidate = CSharpNames.ToPascal(jsonContext, contextName);
            if (candidate != jsonContext)
            {
                context.Report(SpecDiagnostics.InvalidValue, reader.Member("jsonContext")!.Value.Span, "jsonContext", jsonContext, $"it must be a C# type name, for example \"{candidate}\"");
            }
            else
            {
                contextName = candidate;
            }
        }

        return (ns, contextName, sourceName);
    }
}
