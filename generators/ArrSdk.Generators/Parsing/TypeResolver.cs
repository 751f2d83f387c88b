using System;
using System.Collections.Generic;
using ArrSdk.Generators.Model;

namespace ArrSdk.Generators.Parsing;

/// <summary>Maps spec type names (<c>string</c>, <c>date-time</c>, <c>Session[]</c>, <c>map&lt;string&gt;</c>, a declared type) to C#.</summary>
internal sealed class TypeResolver
{
    private static readonly Dictionary<string, TypeReference> BuiltIns = new(StringComparer.Ordinal)
    {
        ["string"] = new("string", false),
        ["integer"] = new("int", true),
        ["int32"] = new("int", true),
        ["int64"] = new("long", true),
        ["number"] = new("double", true),
        ["boolean"] = new("bool", true),
        ["date-time"] = new("global::System.DateTimeOffset", true),
        ["duration"] = new("global::System.TimeSpan", true),
        ["uuid"] = new("global::System.Guid", true),
        ["json"] = new("global::System.Text.Json.JsonElement", true),
    };

    private readonly Dictionary<string, TypeReference> _declared = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TypeReference> _project = new(StringComparer.Ordinal);

    /// <summary>Creates a resolver that also knows the types other spec files of the project declare.</summary>
    public TypeResolver(EquatableArray<DeclaredType> projectTypes)
    {
        foreach (var type in projectTypes)
        {
            // First declaration wins; a name two other files declare is theirs to rename.
            if (!_project.ContainsKey(type.SpecName))
            {
                _project.Add(type.SpecName, new TypeReference(type.QualifiedName, type.IsValueType));
            }
        }
    }

    /// <summary>The types this spec declares, by spec name.</summary>
    public IReadOnlyDictionary<string, TypeReference> Declared => _declared;

    public static string BuiltInNames => string.Join(", ", BuiltIns.Keys) + ", T[], map<T> and types declared in any spec file of the project";

    public void Declare(string specName, string qualifiedCSharpName, bool isValueType)
        => _declared[specName] = new TypeReference(qualifiedCSharpName, isValueType);

    public bool IsDeclared(string specName) => _declared.ContainsKey(specName);

    // Deeper than any real type; it stops a hostile name ("string[][][]…" many thousand times) from costing
    // quadratic time and memory, or the compiler's stack.
    private const int MaxNesting = 32;

    /// <summary>Resolves a type name; null when it names nothing (the caller reports where).</summary>
    public TypeReference? Resolve(string specName) => Resolve(specName, 0);

    private TypeReference? Resolve(string specName, int nesting)
    {
        if (nesting > MaxNesting)
        {
            return null;
        }

        var name = specName.Trim();
        if (name.EndsWith("[]", StringComparison.Ordinal))
        {
            var item = Resolve(name.Substring(0, name.Length - 2), nesting + 1);
            return item is null ? null : new TypeReference($"global::System.Collections.Generic.IReadOnlyList<{item.CSharpName}>", false);
        }

        if (name.StartsWith("map<", StringComparison.Ordinal) && name.EndsWith(">", StringComparison.Ordinal))
        {
            var value = Resolve(name.Substring(4, name.Length - 5), nesting + 1);
            return value is null ? null : new TypeReference($"global::System.Collections.Generic.IReadOnlyDictionary<string, {value.CSharpName}>", false);
        }

        if (BuiltIns.TryGetValue(name, out var builtIn))
        {
            return builtIn;
        }

        if (_declared.TryGetValue(name, out var declared))
        {
            return declared;
        }

        return _project.TryGetValue(name, out var fromProject) ? fromProject : null;
    }
}
