using ArrSdk.Generators.Model;

namespace ArrSdk.Generators.Emitting;

/// <summary>
/// Emits DTOs as sealed classes (not records: a record's ToString would print secrets such as tokens) and string
/// enums as extensible structs, so a value a newer service sends never breaks deserialization.
/// Properties have setters, not init: System.Text.Json's source generator fills init-only and C# <c>required</c>
/// properties only through its constructor path, which buffers the object and boxes every value-type property on each
/// read. So a type the client reads marks required properties with <c>[JsonRequired]</c> (a missing one still fails
/// deserialization), and only a type the client never reads, a request body, keeps C# <c>required</c> for its callers.
/// </summary>
internal static class TypeEmitter
{
    public static string Emit(SpecModel spec, TypeModel type, bool isRead)
    {
        var writer = new SourceWriter();
        if (type.Kind == TypeKind.StringEnum)
        {
            EmitEnum(writer, type);
        }
        else
        {
            EmitObject(writer, type, isRead);
        }

        return SourceWriter.Header(spec.Namespace) + writer;
    }

    private static void EmitObject(SourceWriter writer, TypeModel type, bool isRead)
    {
        writer.Summary(type.Description);
        writer.Line(SourceWriter.GeneratedCodeAttribute);
        writer.Open($"public sealed partial class {type.Name}");
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
            if (property.IsRequired && isRead)
            {
                writer.Line("[global::System.Text.Json.Serialization.JsonRequired]");
                var initializer = property.IsNullable || property.Type.IsValueType ? string.Empty : " = null!;";
                writer.Line($"public {typeName} {property.CSharpName} {{ get; set; }}{initializer}");
            }
            else
            {
                var required = property.IsRequired ? "required " : string.Empty;
                writer.Line($"public {required}{typeName} {property.CSharpName} {{ get; set; }}");
            }
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
        writer.Line($"    => reader.TokenType == global::System.Text.Json.JsonTokenType.String ? new {name}(reader.GetString()!) : throw new global::System.Text.Json.JsonException(\"Expected a string for {name}.\");");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line($"public override void Write(global::System.Text.Json.Utf8JsonWriter writer, {name} value, global::System.Text.Json.JsonSerializerOptions options)");
        writer.Line("    => writer.WriteStringValue(value.Value);");
        writer.Close();
        writer.Close();
    }
}
