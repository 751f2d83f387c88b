using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using ArrSdk.Generators.Diagnostics;
using ArrSdk.Generators.Json;
using ArrSdk.Generators.Model;
using Microsoft.CodeAnalysis.Text;

namespace ArrSdk.Generators.Parsing;

/// <summary>Parses one operation: method, path, parameters, body and responses.</summary>
internal static class OperationParser
{
    private static readonly string[] Methods = { "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS" };

    private static readonly string[] Locations = { "path", "query", "header", "argument" };

    public static OperationModel? Parse(SpecParseContext context, JsonProperty member, TypeResolver resolver, IReadOnlyList<TypeModel> types)
    {
        if (member.Value is not JsonObject body)
        {
            context.Report(SpecDiagnostics.WrongValueType, member.Value.Span, member.Name, "an object", SpecParseContext.Describe(member.Value));
            return null;
        }

        var errorsBefore = context.FatalErrorCount;
        var reader = new ObjectReader(context, body, $"operation '{member.Name}'", "description", "method", "path", "parameters", "body", "responses", "paging");
        var method = ParseMethod(context, reader);
        var path = reader.GetString("path", "the request path, for example \"/items/{id}\"");
        var pathSpan = reader.Member("path")?.Value.Span ?? default;
        var placeholders = path is null ? new List<string>() : ParsePlaceholders(context, path, pathSpan);
        if (path is not null && !path.StartsWith("/", StringComparison.Ordinal))
        {
            context.Report(SpecDiagnostics.InvalidValue, pathSpan, "path", path, "a path starts with '/'");
        }

        var taken = new HashSet<string>(StringComparer.Ordinal) { "cancellationToken" };
        var parameters = ParseParameters(context, reader, resolver, taken);
        CheckPathParameters(context, parameters, placeholders, path, pathSpan);
        var requestBody = ParseBody(context, reader, resolver, taken);
        var responses = ParseResponses(context, reader, resolver);

        var successBody = responses.Where(r => r.IsSuccess && r.BodyType is not null).Select(r => r.BodyType).FirstOrDefault();
        var methodName = CSharpNames.ToPascal(member.Name, "Operation") + "Async";
        var paging = ParsePaging(context, reader, successBody, types, methodName);
        if (method is null || path is null || context.FatalErrorCount != errorsBefore)
        {
            return null;
        }
        var ordered = parameters.Select(p => p.Model)
            .OrderBy(p => p.Location == ParameterLocation.Path ? placeholders.IndexOf(p.WireName) : int.MaxValue)
            .ThenBy(p => p.IsRequired ? 0 : 1)
            .ToEquatableArray();
        return new OperationModel(
            methodName,
            method,
            BuildRefitPath(path, ordered),
            reader.GetString("description"),
            ordered,
            requestBody,
            successBody,
            responses.ToEquatableArray(),
            paging);
    }

    private static PagingModel? ParsePaging(SpecParseContext context, ObjectReader operation, TypeReference? successBody, IReadOnlyList<TypeModel> types, string methodName)
    {
        var node = operation.GetObject("paging");
        if (node is null)
        {
            return null;
        }

        var reader = new ObjectReader(context, node, "paging", "items", "nextLink", "methodName");
        var items = reader.GetString("items", "the page property that holds the items, for example \"sessions\"");
        var nextLink = reader.GetString("nextLink", "the page property that holds the absolute URL of the next page, for example \"@nextLink\"");
        var page = successBody is null ? null : types.FirstOrDefault(t => successBody.CSharpName.EndsWith("." + t.Name, StringComparison.Ordinal) && t.Kind == TypeKind.Object);
        if (page is null)
        {
            context.Report(SpecDiagnostics.InvalidValue, node.Span.Length > 0 ? new TextSpan(node.Span.Start, 1) : node.Span, "paging", "(paging)", "a paged operation needs a 2xx response whose body is an object type declared under 'types'");
            return null;
        }

        if (items is null || nextLink is null)
        {
            return null;
        }

        var itemsProperty = page.Properties.FirstOrDefault(p => p.WireName == items);
        const string ListPrefix = "global::System.Collections.Generic.IReadOnlyList<";
        if (itemsProperty is null || !itemsProperty.Type.CSharpName.StartsWith(ListPrefix, StringComparison.Ordinal))
        {
            context.Report(SpecDiagnostics.InvalidValue, reader.Member("items")!.Value.Span, "paging items", items, $"'{page.Name}' needs an array property with this wire name");
            return null;
        }

        var nextProperty = page.Properties.FirstOrDefault(p => p.WireName == nextLink);
        if (nextProperty is null || nextProperty.Type.CSharpName != "string" || (nextProperty.IsRequired && !nextProperty.IsNullable))
        {
            context.Report(SpecDiagnostics.InvalidValue, reader.Member("nextLink")!.Value.Span, "paging nextLink", nextLink, $"'{page.Name}' needs an optional string property with this wire name");
            return null;
        }

        var itemType = itemsProperty.Type.CSharpName.Substring(ListPrefix.Length, itemsProperty.Type.CSharpName.Length - ListPrefix.Length - 1);
        var pagedName = reader.GetString("methodName") is { } custom
            ? CSharpNames.ToPascal(custom, "Paged")
            : methodName.Substring(0, methodName.Length - "Async".Length) + "AllAsync";
        return new PagingModel(pagedName, successBody!.CSharpName, itemType, itemsProperty.CSharpName, nextProperty.CSharpName);
    }

    private static string? ParseMethod(SpecParseContext context, ObjectReader reader)
    {
        var method = reader.GetString("method", "the HTTP method, for example \"GET\"");
        if (method is null)
        {
            return null;
        }

        var upper = method.ToUpperInvariant();
        if (Array.IndexOf(Methods, upper) < 0)
        {
            context.Report(SpecDiagnostics.InvalidValue, reader.Member("method")!.Value.Span, "method", method, "use one of " + string.Join(", ", Methods));
            return null;
        }

        return upper.Substring(0, 1) + upper.Substring(1).ToLowerInvariant();
    }

    private static List<string> ParsePlaceholders(SpecParseContext context, string path, TextSpan span)
    {
        var names = new List<string>();
        var index = 0;
        while (index < path.Length)
        {
            var open = path.IndexOf('{', index);
            var stray = path.IndexOf('}', index);
            if (stray >= 0 && (open < 0 || stray < open))
            {
                context.Report(SpecDiagnostics.InvalidValue, span, "path", path, "it has a '}' without a matching '{'");
                return names;
            }

            if (open < 0)
            {
                break;
            }

            var close = path.IndexOf('}', open + 1);
            if (close < 0)
            {
                context.Report(SpecDiagnostics.InvalidValue, span, "path", path, "it has a '{' without a matching '}'");
                return names;
            }

            var name = path.Substring(open + 1, close - open - 1);
            if (name.Length == 0 || name.IndexOf('{') >= 0)
            {
                context.Report(SpecDiagnostics.InvalidValue, span, "path", path, "a placeholder must name a parameter, as in \"{id}\"");
                return names;
            }

            names.Add(name);
            index = close + 1;
        }

        if (path.IndexOf('?') >= 0 || path.IndexOf('#') >= 0)
        {
            context.Report(SpecDiagnostics.InvalidValue, span, "path", path, "declare query values as parameters with \"in\": \"query\" instead of writing them into the path");
        }

        return names;
    }

    private sealed class ParsedParameter
    {
        public ParsedParameter(ParameterModel model, TextSpan nameSpan, List<(string Name, TextSpan Span)> templateNames)
        {
            Model = model;
            NameSpan = nameSpan;
            TemplateNames = templateNames;
        }

        public ParameterModel Model { get; set; }

        public TextSpan NameSpan { get; }

        public List<(string Name, TextSpan Span)> TemplateNames { get; }
    }

    private static List<ParsedParameter> ParseParameters(SpecParseContext context, ObjectReader operation, TypeResolver resolver, HashSet<string> taken)
    {
        var parsed = new List<ParsedParameter>();
        var node = operation.GetObject("parameters");
        if (node is null)
        {
            return parsed;
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        var bySpecName = new Dictionary<string, ParsedParameter>(StringComparer.Ordinal);
        foreach (var member in node.Properties)
        {
            if (!keys.Add(member.Name))
            {
                context.Report(SpecDiagnostics.DuplicateName, member.NameSpan, "Parameter", member.Name, $" in {operation.Description}");
                continue;
            }

            if (member.Value is not JsonObject body)
            {
                context.Report(SpecDiagnostics.WrongValueType, member.Value.Span, member.Name, "an object such as { \"in\": \"query\" }", SpecParseContext.Describe(member.Value));
                continue;
            }

            var reader = new ObjectReader(context, body, $"parameter '{member.Name}'", "in", "name", "type", "required", "value", "description", "sensitive");
            var location = ParseLocation(context, reader);
            if (location is null)
            {
                continue;
            }

            var type = TypeParser.ResolveType(context, reader, resolver, requiredBecause: null);
            if (type is null)
            {
                continue;
            }

            var wireName = reader.GetString("name") ?? member.Name;
            var value = reader.GetString("value");
            var valueSpan = reader.Member("value")?.Value.Span ?? default;
            var templateNames = new List<(string, TextSpan)>();
            var parts = new List<TemplatePart>();
            string? constant = null;
            if (value is not null)
            {
                if (location == ParameterLocation.Header && (value.IndexOf('\r') >= 0 || value.IndexOf('\n') >= 0))
                {
                    context.Report(SpecDiagnostics.InvalidValue, valueSpan, "header value", value.Replace("\r", "\\r").Replace("\n", "\\n"), "a header value cannot contain a line break");
                    continue;
                }

                if (location == ParameterLocation.Path)
                {
                    context.Report(SpecDiagnostics.InvalidValue, valueSpan, "value", value, "a path parameter cannot have a fixed value; write the text into the path instead");
                    continue;
                }

                if (!ParseTemplate(context, value, valueSpan, parts, templateNames))
                {
                    continue;
                }

                if (templateNames.Count == 0)
                {
                    constant = value;
                    parts.Clear();
                }
            }

            if (location == ParameterLocation.Header && !IsToken(wireName))
            {
                context.Report(SpecDiagnostics.InvalidValue, reader.Member("name")?.Value.Span ?? member.NameSpan, "header name", wireName, "a header name is a token of letters, digits and !#$%&'*+-.^_`|~");
                continue;
            }

            var required = location == ParameterLocation.Path || (reader.GetBoolean("required") ?? false) || templateNames.Count > 0;
            var csharpName = constant is null
                ? CSharpNames.MakeUnique(CSharpNames.ToCamel(member.Name, "value"), taken)
                : CSharpNames.ToCamel(member.Name, "value");
            var model = new ParameterModel(
                csharpName,
                wireName,
                location.Value,
                type,
                required,
                reader.GetString("description"),
                constant,
                parts.ToEquatableArray(),
                reader.GetBoolean("sensitive") ?? false);
            var entry = new ParsedParameter(model, member.NameSpan, templateNames);
            parsed.Add(entry);
            bySpecName[member.Name] = entry;
        }

        // Template placeholders name other parameters by their spec key; resolve them to C# names now.
        foreach (var entry in parsed.Where(p => p.TemplateNames.Count > 0).ToList())
        {
            var resolved = new List<TemplatePart>();
            var ok = true;
            foreach (var part in entry.Model.Template)
            {
                if (part.ParameterCSharpName is null)
                {
                    resolved.Add(part);
                    continue;
                }

                if (!bySpecName.TryGetValue(part.ParameterCSharpName, out var target) || target.Model.IsTemplated || target.Model.IsConstant)
                {
                    var span = entry.TemplateNames.First(t => t.Name == part.ParameterCSharpName).Span;
                    context.Report(SpecDiagnostics.InvalidValue, span, "template placeholder", part.ParameterCSharpName, "it must name another parameter of this operation (add one with \"in\": \"argument\" for a value that is only used here)");
                    ok = false;
                    continue;
                }

                resolved.Add(new TemplatePart(null, target.Model.CSharpName));
            }

            if (ok)
            {
                entry.Model = entry.Model with { Template = resolved.ToEquatableArray() };
            }
            else
            {
                parsed.Remove(entry);
            }
        }

        return parsed;
    }

    private static ParameterLocation? ParseLocation(SpecParseContext context, ObjectReader reader)
    {
        var location = reader.GetString("in", "where the parameter goes: \"path\", \"query\", \"header\" or \"argument\"");
        if (location is null)
        {
            return null;
        }

        var index = Array.IndexOf(Locations, location.ToLowerInvariant());
        if (index < 0)
        {
            context.Report(SpecDiagnostics.InvalidValue, reader.Member("in")!.Value.Span, "\"in\"", location, "use one of " + string.Join(", ", Locations));
            return null;
        }

        return (ParameterLocation)index;
    }

    private static bool ParseTemplate(SpecParseContext context, string value, TextSpan valueSpan, List<TemplatePart> parts, List<(string, TextSpan)> names)
    {
        var literal = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '}')
            {
                context.Report(SpecDiagnostics.InvalidValue, valueSpan, "value", value, "it has a '}' without a matching '{'");
                return false;
            }

            if (c != '{')
            {
                literal.Append(c);
                continue;
            }

            var close = value.IndexOf('}', i + 1);
            if (close < 0)
            {
                context.Report(SpecDiagnostics.InvalidValue, valueSpan, "value", value, "it has a '{' without a matching '}'");
                return false;
            }

            if (literal.Length > 0)
            {
                parts.Add(new TemplatePart(literal.ToString(), null));
                literal.Clear();
            }

            var name = value.Substring(i + 1, close - i - 1);
            parts.Add(new TemplatePart(null, name));
            names.Add((name, valueSpan));
            i = close;
        }

        if (literal.Length > 0)
        {
            parts.Add(new TemplatePart(literal.ToString(), null));
        }

        return true;
    }

    private static void CheckPathParameters(SpecParseContext context, List<ParsedParameter> parameters, List<string> placeholders, string? path, TextSpan pathSpan)
    {
        if (path is null)
        {
            return;
        }

        foreach (var placeholder in placeholders.Distinct())
        {
            if (!parameters.Any(p => p.Model.Location == ParameterLocation.Path && p.Model.WireName == placeholder))
            {
                context.Report(SpecDiagnostics.PlaceholderWithoutParameter, pathSpan, placeholder);
            }
        }

        foreach (var parameter in parameters.Where(p => p.Model.Location == ParameterLocation.Path))
        {
            if (!placeholders.Contains(parameter.Model.WireName))
            {
                context.Report(SpecDiagnostics.PathParameterNotInPath, parameter.NameSpan, parameter.Model.WireName, path);
            }
        }
    }

    private static RequestBodyModel? ParseBody(SpecParseContext context, ObjectReader operation, TypeResolver resolver, HashSet<string> taken)
    {
        var node = operation.GetObject("body");
        if (node is null)
        {
            return null;
        }

        var reader = new ObjectReader(context, node, "the request body", "type", "required", "description");
        var type = TypeParser.ResolveType(context, reader, resolver, "the type of the JSON body");
        return type is null
            ? null
            : new RequestBodyModel(CSharpNames.MakeUnique("body", taken), type, reader.GetBoolean("required") ?? true, reader.GetString("description"));
    }

    private static List<ResponseModel> ParseResponses(SpecParseContext context, ObjectReader operation, TypeResolver resolver)
    {
        var responses = new List<ResponseModel>();
        var node = operation.GetObject("responses", "the responses by status code, for example { \"200\": { \"body\": \"Item\" } }");
        if (node is null)
        {
            return responses;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in node.Properties)
        {
            if (!IsStatusCode(member.Name))
            {
                context.Report(SpecDiagnostics.InvalidValue, member.NameSpan, "status code", member.Name, "use a three-digit status code from 100 to 599, or \"default\"");
                continue;
            }

            if (!seen.Add(member.Name))
            {
                context.Report(SpecDiagnostics.DuplicateName, member.NameSpan, "Status code", member.Name, $" in {operation.Description}");
                continue;
            }

            if (member.Value is not JsonObject body)
            {
                context.Report(SpecDiagnostics.WrongValueType, member.Value.Span, member.Name, "an object", SpecParseContext.Describe(member.Value));
                continue;
            }

            var reader = new ObjectReader(context, body, $"response '{member.Name}'", "description", "body", "headers");
            TypeReference? bodyType = null;
            var bodyName = reader.GetString("body");
            if (bodyName is not null)
            {
                bodyType = resolver.Resolve(bodyName);
                if (bodyType is null)
                {
                    context.Report(SpecDiagnostics.UnknownType, reader.Member("body")!.Value.Span, bodyName, TypeResolver.BuiltInNames);
                    continue;
                }
            }

            responses.Add(new ResponseModel(member.Name, reader.GetString("description"), bodyType, ParseResponseHeaders(context, reader)));
        }

        return responses;
    }

    private static EquatableArray<ResponseHeaderModel> ParseResponseHeaders(SpecParseContext context, ObjectReader response)
    {
        var headers = new List<ResponseHeaderModel>();
        var node = response.GetObject("headers");
        if (node is null)
        {
            return headers.ToEquatableArray();
        }

        var taken = new HashSet<string>(StringComparer.Ordinal);
        var wire = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var member in node.Properties)
        {
            if (!wire.Add(member.Name))
            {
                context.Report(SpecDiagnostics.DuplicateName, member.NameSpan, "Header", member.Name, $" in {response.Description}");
                continue;
            }

            if (!IsToken(member.Name))
            {
                context.Report(SpecDiagnostics.InvalidValue, member.NameSpan, "header name", member.Name, "a header name is a token of letters, digits and !#$%&'*+-.^_`|~");
                continue;
            }

            if (member.Value is not JsonObject body)
            {
                context.Report(SpecDiagnostics.WrongValueType, member.Value.Span, member.Name, "an object such as { \"description\": \"...\" }", SpecParseContext.Describe(member.Value));
                continue;
            }

            var reader = new ObjectReader(context, body, $"header '{member.Name}'", "description", "name");
            var name = CSharpNames.MakeUnique(CSharpNames.ToPascal(reader.GetString("name") ?? member.Name, "Header"), taken);
            headers.Add(new ResponseHeaderModel(member.Name, name, reader.GetString("description")));
        }

        return headers.ToEquatableArray();
    }

    private static string BuildRefitPath(string path, EquatableArray<ParameterModel> parameters)
    {
        var builder = new StringBuilder(path);
        foreach (var parameter in parameters.Where(p => p.Location == ParameterLocation.Path))
        {
            // Refit matches placeholders to C# parameter names; the wire name stays in the spec only.
            builder.Replace("{" + parameter.WireName + "}", "{" + parameter.CSharpName.TrimStart('@') + "}");
        }

        var separator = '?';
        foreach (var constant in parameters.Where(p => p.Location == ParameterLocation.Query && p.IsConstant))
        {
            builder.Append(separator).Append(Uri.EscapeDataString(constant.WireName)).Append('=').Append(Uri.EscapeDataString(constant.ConstantValue!));
            separator = '&';
        }

        return builder.ToString();
    }

    private static bool IsStatusCode(string text)
        => text == "default" || (text.Length == 3 && text[0] >= '1' && text[0] <= '5' && char.IsDigit(text[1]) && char.IsDigit(text[2]));

    private static bool IsToken(string name)
        => name.Length > 0 && name.All(c => c < 127 && (char.IsLetterOrDigit(c) || "!#$%&'*+-.^_`|~".IndexOf(c) >= 0));
}
