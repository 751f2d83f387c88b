using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ArrSdk.Generators.Diagnostics;
using ArrSdk.Generators.Json;
using ArrSdk.Generators.Model;

namespace ArrSdk.Generators.Parsing;

/// <summary>Parses the <c>types</c> section: first every name (so types may refer to each other), then every body.</summary>
internal static class TypeParser
{
    // Members every generated class inherits from object: a property with one of these names would hide it (CS0108).
    private static readonly string[] ObjectMemberNames = { "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "ReferenceEquals", "Finalize" };

    // Members the generated enum struct declares itself (see TypeEmitter); neither a value nor the struct may take them.
    private static readonly string[] EnumMemberNames = { "Value", "IsKnown", "JsonConverter", "Equals", "GetHashCode", "ToString" };

    public static List<(JsonProperty Member, string CSharpName)> Declare(
        SpecParseContext context, JsonObject? typesNode, string ns, TypeResolver resolver, HashSet<string> takenTypeNames)
    {
        var declarations = new List<(JsonProperty, string)>();
        if (typesNode is null)
        {
            return declarations;
        }

        foreach (var member in typesNode.Properties)
        {
            if (resolver.IsDeclared(member.Name))
            {
                context.Report(SpecDiagnostics.DuplicateName, member.NameSpan, "Type", member.Name, string.Empty);
                continue;
            }

            var isEnum = member.Value is JsonObject obj && HasKey(obj, "values");
            var candidate = CSharpNames.ToPascal(member.Name, "Type");

            // A type cannot declare a member with its own name (CS0542), and an enum struct declares fixed members.
            if (isEnum && Array.IndexOf(EnumMemberNames, candidate) >= 0)
            {
                candidate += "Enum";
            }

            var name = CSharpNames.MakeUnique(candidate, takenTypeNames);
            resolver.Declare(member.Name, $"global::{ns}.{name}", isEnum);
            declarations.Add((member, name));
        }

        return declarations;
    }

    public static List<TypeModel> ParseAll(
        SpecParseContext context, List<(JsonProperty Member, string CSharpName)> declarations, TypeResolver resolver, CancellationToken cancellationToken)
    {
        var types = new List<TypeModel>();
        foreach (var (member, name) in declarations)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (member.Value is not JsonObject body)
            {
                context.Report(SpecDiagnostics.WrongValueType, member.Value.Span, member.Name, "an object", SpecParseContext.Describe(member.Value));
                continue;
            }

            var reader = new ObjectReader(context, body, $"type '{member.Name}'", "description", "properties", "values");
            var description = reader.GetString("description");
            if (reader.Member("values") is not null)
            {
                types.Add(new TypeModel(name, TypeKind.StringEnum, description, EquatableArray<PropertyModel>.Empty, ParseValues(context, reader, name)));
            }
            else
            {
                types.Add(new TypeModel(name, TypeKind.Object, description, ParseProperties(context, reader, name, resolver), EquatableArray<EnumValueModel>.Empty));
            }
        }

        return types;
    }

    private static EquatableArray<PropertyModel> ParseProperties(SpecParseContext context, ObjectReader typeReader, string typeName, TypeResolver resolver)
    {
        var properties = new List<PropertyModel>();
        var node = typeReader.GetObject("properties");
        if (node is null)
        {
            return properties.ToEquatableArray();
        }

        // A member may not share its enclosing type's name in C#.
        var taken = new HashSet<string>(ObjectMemberNames, StringComparer.Ordinal) { typeName };
        var wireNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in node.Properties)
        {
            if (!wireNames.Add(member.Name))
            {
                context.Report(SpecDiagnostics.DuplicateName, member.NameSpan, "Property", member.Name, $" in {typeReader.Description}");
                continue;
            }

            if (member.Value is not JsonObject body)
            {
                context.Report(SpecDiagnostics.WrongValueType, member.Value.Span, member.Name, "an object such as { \"type\": \"string\" }", SpecParseContext.Describe(member.Value));
                continue;
            }

            var reader = new ObjectReader(context, body, $"property '{member.Name}'", "type", "required", "nullable", "description");
            var type = ResolveType(context, reader, resolver, "a property needs a type, for example \"string\"");
            if (type is null)
            {
                continue;
            }

            var name = CSharpNames.MakeUnique(CSharpNames.ToPascal(member.Name, "Value"), taken);
            properties.Add(new PropertyModel(name, member.Name, type, reader.GetBoolean("required") ?? false, reader.GetBoolean("nullable") ?? false, reader.GetString("description")));
        }

        return properties.ToEquatableArray();
    }

    private static EquatableArray<EnumValueModel> ParseValues(SpecParseContext context, ObjectReader reader, string typeName)
    {
        var values = new List<EnumValueModel>();
        var array = reader.GetArray("values");
        if (array is null)
        {
            return values.ToEquatableArray();
        }

        var taken = new HashSet<string>(EnumMemberNames.Concat(ObjectMemberNames), StringComparer.Ordinal) { typeName };
        var wire = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in array.Items)
        {
            if (item is not JsonString text)
            {
                context.Report(SpecDiagnostics.WrongValueType, item.Span, "values", "an array of strings", "an array holding " + SpecParseContext.Describe(item));
                continue;
            }

            if (!wire.Add(text.Value))
            {
                context.Report(SpecDiagnostics.DuplicateName, item.Span, "Enum value", text.Value, $" in {reader.Description}");
                continue;
            }

            values.Add(new EnumValueModel(CSharpNames.MakeUnique(CSharpNames.ToPascal(text.Value, "Empty"), taken), text.Value, null));
        }

        return values.ToEquatableArray();
    }

    internal static TypeReference? ResolveType(SpecParseContext context, ObjectReader reader, TypeResolver resolver, string? requiredBecause, string defaultType = "string")
    {
        var typeName = reader.GetString("type", requiredBecause);
        if (typeName is null)
        {
            return requiredBecause is null ? resolver.Resolve(defaultType) : null;
        }

        var type = resolver.Resolve(typeName);
        if (type is null)
        {
            context.Report(SpecDiagnostics.UnknownType, reader.Member("type")!.Value.Span, typeName, TypeResolver.BuiltInNames);
        }

        return type;
    }

    private static bool HasKey(JsonObject obj, string key)
    {
        foreach (var property in obj.Properties)
        {
            if (property.Name == key)
            {
                return true;
            }
        }

        return false;
    }
}
