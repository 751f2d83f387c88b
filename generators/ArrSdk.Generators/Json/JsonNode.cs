using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;

namespace ArrSdk.Generators.Json;

/// <summary>The kind of a JSON value, as written in a spec file.</summary>
internal enum JsonKind
{
    Object,
    Array,
    String,
    Number,
    Boolean,
    Null,
}

/// <summary>A JSON value together with the span it covers in the spec text, so every problem can be located.</summary>
internal abstract class JsonNode
{
    protected JsonNode(TextSpan span) => Span = span;

    public TextSpan Span { get; }

    public abstract JsonKind Kind { get; }
}

internal sealed class JsonObject : JsonNode
{
    public JsonObject(TextSpan span, IReadOnlyList<JsonProperty> properties)
        : base(span) => Properties = properties;

    public IReadOnlyList<JsonProperty> Properties { get; }

    public override JsonKind Kind => JsonKind.Object;
}

/// <summary>One <c>"name": value</c> member of an object, in source order (duplicates are kept so they can be reported).</summary>
internal sealed class JsonProperty
{
    public JsonProperty(string name, TextSpan nameSpan, JsonNode value)
    {
        Name = name;
        NameSpan = nameSpan;
        Value = value;
    }

    public string Name { get; }

    public TextSpan NameSpan { get; }

    public JsonNode Value { get; }
}

internal sealed class JsonArray : JsonNode
{
    public JsonArray(TextSpan span, IReadOnlyList<JsonNode> items)
        : base(span) => Items = items;

    public IReadOnlyList<JsonNode> Items { get; }

    public override JsonKind Kind => JsonKind.Array;
}

internal sealed class JsonString : JsonNode
{
    public JsonString(TextSpan span, string value)
        : base(span) => Value = value;

    public string Value { get; }

    public override JsonKind Kind => JsonKind.String;
}

/// <summary>A number kept as its source text; the spec parser decides which numeric type it must be.</summary>
internal sealed class JsonNumber : JsonNode
{
    public JsonNumber(TextSpan span, string text)
        : base(span) => Text = text;

    public string Text { get; }

    public override JsonKind Kind => JsonKind.Number;
}

internal sealed class JsonBoolean : JsonNode
{
    public JsonBoolean(TextSpan span, bool value)
        : base(span) => Value = value;

    public bool Value { get; }

    public override JsonKind Kind => JsonKind.Boolean;
}

internal sealed class JsonNull : JsonNode
{
    public JsonNull(TextSpan span)
        : base(span)
    {
    }

    public override JsonKind Kind => JsonKind.Null;
}
