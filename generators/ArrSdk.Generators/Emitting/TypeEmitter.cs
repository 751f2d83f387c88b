using ArrSdk.Generators.Model;

namespace ArrSdk.Generators.Emitting;

/// <summary>
/// Emits DTOs as sealed classes (not records: a record's ToString would print secrets such as tokens) and string
/// enums as extensible structs, so a value a newer service sends never breaks deserialization.
/// Properties have setters, not init: System.Text.Json's source generator fills init-only and C# <c>required</c>
/// properties only through its constructor path, which buffers the object and boxes every value-type property on each
/// read. So a type the client only reads checks its required properties itself after the read (a missing one still
/// fails deserialization, naming it); a type callers build and send (a request body, or part of one) keeps C#
/// <c>required</c>, so leaving a property out is a compile error, and pays the slower read where it is also received.
/// </summary>
internal static class TypeEmitter
{
    public static string Emit(SpecModel spec, TypeModel type, bool isReadOnly)
    {
        var writer = new SourceWriter();
        if (type.Kind == TypeKind.StringEnum)
        {
            EmitEnum(writer, type);
        }
        else
        {
            EmitObject(writer, spec, type, isReadOnly);
        }

        return SourceWriter.Header(spec.Namespace) + writer;
    }

    private static void EmitObject(SourceWriter writer, SpecModel spec, TypeModel type, bool isReadOnly)
    {
        var checkedAfterRead = new System.Collections.Generic.List<PropertyModel>();
        foreach (var property in type.Properties)
        {
            if (isReadOnly && IsCheckedAfterRead(spec, property))
            {
                checkedAfterRead.Add(property);
            }
        }

        writer.Summary(type.Description);
        writer.Line(SourceWriter.GeneratedCodeAttribute);
        var callback = checkedAfterRead.Count > 0 ? " : global::System.Text.Json.Serialization.IJsonOnDeserialized" : string.Empty;
        writer.Open($"public sealed partial class {type.Name}{callback}");
        var first = true;
        foreach (var property in type.Properties)
        {
            if (!first)
            {
                writer.Line();
            }

            first = false;
            writer.Summary(property.Description);
            writer.Line($"[global::System.Text.Json.Serialization.JsonPropertyName({SourceWriter.Literal(property.WireName)})]");
            if (property.IsNullable)
            {
                // A nullable property carries null on the wire ("error": null): never dropped by an ignore-null policy.
                writer.Line("[global::System.Text.Json.Serialization.JsonIgnore(Condition = global::System.Text.Json.Serialization.JsonIgnoreCondition.Never)]");
            }

            var typeName = property.IsNullable || !property.IsRequired ? property.Type.NullableName : property.Type.CSharpName;
            if (property.IsRequired && isReadOnly)
            {
                if (!checkedAfterRead.Contains(property))
                {
                    // Missing and default cannot be told apart afterwards (an int, a nullable): the serializer checks it.
                    writer.Line("[global::System.Text.Json.Serialization.JsonRequired]");
                }

                var initializer = property.IsNullable || property.Type.IsValueType ? string.Empty : " = null!;";
                writer.Line($"public {typeName} {property.CSharpName} {{ get; set; }}{initializer}");
            }
            else
            {
                var required = property.IsRequired ? "required " : string.Empty;
                writer.Line($"public {required}{typeName} {property.CSharpName} {{ get; set; }}");
            }
        }

        if (checkedAfterRead.Count > 0)
        {
            EmitRequiredCheck(writer, type, checkedAfterRead);
        }

        writer.Close();
    }

    // A required property that reads as null (a reference) or as no value (an extensible enum) was missing or null on
    // the wire. Checking that once after the read costs nothing per object, where [JsonRequired] makes the serializer
    // allocate a bit set for every object it reads.
    private static bool IsCheckedAfterRead(SpecModel spec, PropertyModel property)
        => property.IsRequired && !property.IsNullable && (!property.Type.IsValueType || IsOwnEnum(spec, property.Type));

    private static bool IsOwnEnum(SpecModel spec, TypeReference reference)
    {
        foreach (var candidate in spec.Types)
        {
            if (candidate.Kind == TypeKind.StringEnum && SourceWriter.Is(reference.CSharpName, $"global::{spec.Namespace}.{candidate.Name}"))
            {
                return true;
            }
        }

        return false;
    }

    private static void EmitRequiredCheck(SourceWriter writer, TypeModel type, System.Collections.Generic.List<PropertyModel> properties)
    {
        writer.Line();
        writer.Line("/// <summary>Rejects a reply that lacks a property the spec requires, naming it.</summary>");
        writer.Open("void global::System.Text.Json.Serialization.IJsonOnDeserialized.OnDeserialized()");
        foreach (var property in properties)
        {
            var missing = property.Type.IsValueType ? $"!{property.CSharpName}.HasWireValue" : $"{property.CSharpName} is null";
            var message = SourceWriter.Literal($"The {type.Name} in the reply has no '{property.WireName}', which the spec requires (missing or null).");
            writer.Open($"if ({missing})");
            writer.Line($"throw new global::System.Text.Json.JsonException({message});");
            writer.Close();
        }

        writer.Close();
    }

    private static void EmitEnum(SourceWriter writer, TypeModel type)
    {
        var name = type.Name;
        writer.Summary((type.Description ?? name) + "\nAn extensible string enum: values the spec does not list are kept, never rejected.");
        writer.Line(SourceWriter.GeneratedCodeAttribute);
        writer.Line($"[global::System.Text.Json.Serialization.JsonConverter(typeof({name}.JsonConverter))]");
        writer.Open($"public readonly partial struct {name} : global::System.IEquatable<{name}>");
        writer.Line("private readonly string? _value;");
        writer.Line();
        writer.Line($"/// <summary>Creates a value from its wire text.</summary>");
        writer.Line("/// <param name=\"value\">The value as sent on the wire.</param>");
        writer.Line($"public {name}(string value) => _value = value ?? throw new global::System.ArgumentNullException(nameof(value));");
        foreach (var value in type.Values)
        {
            writer.Line();
            writer.Line($"/// <summary>The value <c>{SourceWriter.Xml(value.WireValue)}</c>.</summary>");
            writer.Line($"public static {name} {value.CSharpName} {{ get; }} = new({SourceWriter.Literal(value.WireValue)});");
        }

        writer.Line();
        writer.Line("/// <summary>The value as sent on the wire.</summary>");
        writer.Line("public string Value => _value ?? string.Empty;");
        writer.Line();
        writer.Line("/// <summary>Whether a value was set or read, unlike <c>default</c>; a required property is checked with it.</summary>");
        writer.Line("internal bool HasWireValue => _value is not null;");
        writer.Line();
        writer.Line("/// <summary>Whether the value is one that the spec lists.</summary>");
        var known = type.Values.Count == 0 ? "false" : string.Join(" || ", System.Linq.Enumerable.Select(type.Values, v => $"string.Equals(Value, {SourceWriter.Literal(v.WireValue)}, global::System.StringComparison.Ordinal)"));
        writer.Line($"public bool IsKnown => {known};");
        writer.Line();
        writer.Line($"/// <summary>Compares two values by their wire text.</summary>");
        writer.Line($"public static bool operator ==({name} left, {name} right) => left.Equals(right);");
        writer.Line();
        writer.Line($"/// <summary>Compares two values by their wire text.</summary>");
        writer.Line($"public static bool operator !=({name} left, {name} right) => !left.Equals(right);");
        writer.Line();
        writer.Line($"/// <summary>Converts wire text to a value.</summary>");
        writer.Line($"public static implicit operator {name}(string value) => new(value);");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line($"public bool Equals({name} other) => string.Equals(Value, other.Value, global::System.StringComparison.Ordinal);");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line($"public override bool Equals(object? obj) => obj is {name} other && Equals(other);");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line("public override int GetHashCode() => global::System.StringComparer.Ordinal.GetHashCode(Value);");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line("public override string ToString() => Value;");
        writer.Line();
        writer.Line("/// <summary>Reads and writes the value as a JSON string.</summary>");
        writer.Open($"public sealed class JsonConverter : global::System.Text.Json.Serialization.JsonConverter<{name}>");
        writer.Line("/// <inheritdoc/>");
        writer.Line($"public override {name} Read(ref global::System.Text.Json.Utf8JsonReader reader, global::System.Type typeToConvert, global::System.Text.Json.JsonSerializerOptions options)");
        // No message of our own: System.Text.Json then writes one that names the type, the JSON path and the position.
        writer.Line($"    => reader.TokenType == global::System.Text.Json.JsonTokenType.String ? new {name}(reader.GetString()!) : throw new global::System.Text.Json.JsonException();");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line($"public override void Write(global::System.Text.Json.Utf8JsonWriter writer, {name} value, global::System.Text.Json.JsonSerializerOptions options)");
        writer.Line("    => writer.WriteStringValue(value.Value);");
        writer.Close();
        writer.Close();
    }
}
