using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ArrSdk.Generators.Tests.Infrastructure;

/// <summary>
/// Walks an object graph by reflection and lists every Roslyn object that must not live in an incremental pipeline:
/// symbols, syntax, compilations, locations and source texts are not equatable across runs (or hold a whole
/// compilation alive), so a model holding one defeats caching. Same idea as NetEscapades.EnumGenerators' tests.
/// </summary>
internal static class RoslynObjectFinder
{
    private static readonly Type[] Banned =
    [
        typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxTree), typeof(SyntaxToken), typeof(SyntaxTrivia),
        typeof(Compilation), typeof(SemanticModel), typeof(Location), typeof(SourceText), typeof(AdditionalText),
    ];

    /// <summary>Paths (such as <c>root.Spec.Services[0]</c>) to the banned objects found, and every type visited.</summary>
    public static (IReadOnlyList<string> Found, IReadOnlySet<Type> Visited) Find(object? root)
    {
        var found = new List<string>();
        var visitedTypes = new HashSet<Type>();
        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        Visit(root, "root");
        return (found, visitedTypes);

        void Visit(object? node, string path)
        {
            if (node is null || !visited.Add(node))
            {
                return;
            }

            var type = node.GetType();
            visitedTypes.Add(type);
            if (Banned.Any(banned => banned.IsInstanceOfType(node)))
            {
                found.Add($"{path} ({type.Name})");
                return;
            }

            if (IsLeaf(type))
            {
                return;
            }

            if (node is IEnumerable items)
            {
                var index = 0;
                foreach (var item in items)
                {
                    Visit(item, $"{path}[{index++}]");
                }

                return;
            }

            foreach (var field in AllInstanceFields(type))
            {
                Visit(field.GetValue(node), $"{path}.{field.Name}");
            }
        }
    }

    private static bool IsLeaf(Type type)
        => type.IsPrimitive || type.IsEnum || type.IsPointer || type == typeof(string) || type == typeof(decimal)
           || typeof(MemberInfo).IsAssignableFrom(type) || typeof(Delegate).IsAssignableFrom(type) || typeof(Assembly).IsAssignableFrom(type)
           || type == typeof(IntPtr) || type == typeof(UIntPtr);

    // Private fields of base classes are not returned for the derived type, so climb the hierarchy.
    private static IEnumerable<FieldInfo> AllInstanceFields(Type type)
    {
        for (var current = type; current is not null && current != typeof(object); current = current.BaseType)
        {
            foreach (var field in current.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                yield return field;
            }
        }
    }
}
