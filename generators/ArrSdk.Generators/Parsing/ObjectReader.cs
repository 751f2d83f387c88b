using System;
using System.Collections.Generic;
using ArrSdk.Generators.Diagnostics;
using ArrSdk.Generators.Json;

namespace ArrSdk.Generators.Parsing;

/// <summary>
/// Reads the members of one spec object against the keys it allows: unknown keys (with the nearest valid key
/// suggested), duplicate keys and wrong value types are reported where they are.
/// </summary>
internal sealed class ObjectReader
{
    private readonly SpecParseContext _context;
    private readonly Dictionary<string, JsonProperty> _members = new(StringComparer.Ordinal);

    public ObjectReader(SpecParseContext context, JsonObject node, string description, params string[] allowedKeys)
    {
        _context = context;
        Node = node;
        Description = description;
        foreach (var property in node.Properties)
        {
            if (Array.IndexOf(allowedKeys, property.Name) < 0)
            {
                var nearest = Nearest(property.Name, allowedKeys);
                context.ReportNonFatal(
                    SpecDiagnostics.UnknownKey,
                    property.NameSpan,
                    property.Name,
                    description,
                    nearest is null ? $"; valid keys are {string.Join(", ", allowedKeys)}" : $"; did you mean '{nearest}'?");
                continue;
            }

            if (_members.ContainsKey(property.Name))
            {
                context.ReportNonFatal(SpecDiagnostics.DuplicateName, property.NameSpan, "Key", property.Name, $" in {description}");
                continue;
            }

            _members.Add(property.Name, property);
        }
    }

    public JsonObject Node { get; }

    public string Description { get; }

    public JsonProperty? Member(string key) => _members.TryGetValue(key, out var member) ? member : null;

    public string? GetString(string key, string? requiredBecause = null)
    {
        var member = Require(key, requiredBecause);
        if (member is null)
        {
            return null;
        }

        if (member.Value is JsonString text)
        {
            return text.Value;
        }

        WrongType(member, "a string");
        return null;
    }

    public bool? GetBoolean(string key)
    {
        var member = Member(key);
        if (member is null)
        {
            return null;
        }

        if (member.Value is JsonBoolean flag)
        {
            return flag.Value;
        }

        WrongType(member, "true or false");
        return null;
    }

    public JsonObject? GetObject(string key, string? requiredBecause = null)
    {
        var member = Require(key, requiredBecause);
        if (member is null)
        {
            return null;
        }

        if (member.Value is JsonObject obj)
        {
            return obj;
        }

        WrongType(member, "an object");
        return null;
    }

    public JsonArray? GetArray(string key)
    {
        var member = Member(key);
        if (member is null)
        {
            return null;
        }

        if (member.Value is JsonArray array)
        {
            return array;
        }

        WrongType(member, "an array");
        return null;
    }

    private JsonProperty? Require(string key, string? requiredBecause)
    {
        var member = Member(key);
        if (member is null && requiredBecause is not null)
        {
            _context.Report(SpecDiagnostics.MissingKey, Node.Span.Length > 0 ? new Microsoft.CodeAnalysis.Text.TextSpan(Node.Span.Start, 1) : Node.Span, Capitalize(Description), key, requiredBecause);
        }

        return member;
    }

    private void WrongType(JsonProperty member, string expected)
        => _context.Report(SpecDiagnostics.WrongValueType, member.Value.Span, member.Name, expected, SpecParseContext.Describe(member.Value));

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);

    /// <summary>The allowed key closest to a misspelt one, if any is close enough to be a likely typo.</summary>
    internal static string? Nearest(string key, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(key.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = candidate;
            }
        }

        return best is not null && bestDistance <= Math.Max(2, best.Length / 3) ? best : null;
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
