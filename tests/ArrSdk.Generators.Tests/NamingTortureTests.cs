using System.Text.Json;
using System.Text.Json.Nodes;
using ArrSdk.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ArrSdk.Generators.Tests;

/// <summary>
/// Specs/naming-torture.api.json uses C# keywords, leading digits, punctuation, empty-ish names, names that differ only
/// in case, and names of members the generator or Refit adds. Beside Refit's and System.Text.Json's generators it must
/// compile with zero diagnostics, and every wire name must reach its attribute exactly.
/// </summary>
public sealed class NamingTortureTests
{
    private static readonly string SpecText = File.ReadAllText(TestPaths.InOutput("Specs", "naming-torture.api.json"));

    private static readonly Lazy<(Compilation Output, IReadOnlyList<Diagnostic> Diagnostics)> Generated = new(() =>
    {
        var (_, output, generatorDiagnostics) = GeneratorHarness.Run([("naming-torture.api.json", SpecText)], withPeers: true);
        return (output, [.. generatorDiagnostics, .. output.GetDiagnostics()]);
    });

    private static JsonObject Spec => JsonNode.Parse(SpecText, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })!.AsObject();

    [Fact]
    public void The_torture_spec_compiles_beside_refit_and_system_text_json_with_zero_diagnostics()
    {
        var problems = Generated.Value.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()).ToList();

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Every_property_wire_name_is_kept_exactly_in_json_property_name()
    {
        var expected = Spec["types"]!.AsObject()
            .Where(type => type.Value!["properties"] is not null)
            .SelectMany(type => type.Value!["properties"]!.AsObject().Select(property => $"{type.Key}: {property.Key}"))
            .Order(StringComparer.Ordinal);
        var generated = GeneratedTypes(TypeKind.Class)
            .SelectMany(type => type.GetMembers().OfType<IPropertySymbol>()
                .Select(property => (type, value: AttributeArgument(property, "System.Text.Json.Serialization.JsonPropertyNameAttribute")))
                .Where(x => x.value is not null)
                .Select(x => $"{WireTypeName(x.type)}: {x.value}"))
            .Order(StringComparer.Ordinal);

        Assert.Equal(expected, generated);
    }

    [Fact]
    public void Every_query_and_header_wire_name_is_kept_exactly_in_alias_as_and_header()
    {
        var parameters = Spec["services"]!["class"]!["operations"]!["event"]!["parameters"]!.AsObject();
        string[] Expected(string location) => [.. parameters.Where(p => (string)p.Value!["in"]! == location).Select(p => (string)p.Value!["name"]!).Order(StringComparer.Ordinal)];

        var method = Assert.Single(GeneratedTypes(TypeKind.Interface).SelectMany(i => i.GetMembers("EventAsync")).OfType<IMethodSymbol>());
        var aliases = method.Parameters.Select(p => AttributeArgument(p, "Refit.AliasAsAttribute")).OfType<string>().Order(StringComparer.Ordinal);
        var headers = method.Parameters.Select(p => AttributeArgument(p, "Refit.HeaderAttribute")).OfType<string>().Order(StringComparer.Ordinal);

        Assert.Equal(Expected("query"), aliases);
        Assert.Equal(Expected("header"), headers);
    }

    [Fact]
    public void Every_enum_wire_value_is_kept_exactly()
    {
        var expected = Spec["types"]!["event"]!["values"]!.AsArray().Select(v => (string)v!).Order(StringComparer.Ordinal);

        var tree = Assert.Single(Generated.Value.Output.SyntaxTrees, t => t.FilePath.EndsWith("Torture.Names.NamingTorture.Event.g.cs", StringComparison.Ordinal));
        var values = tree.GetRoot().DescendantNodes().OfType<PropertyDeclarationSyntax>()
            .Where(p => p.Modifiers.Any(SyntaxKind.StaticKeyword) && p.Initializer is not null)
            .Select(p => ((LiteralExpressionSyntax)((ImplicitObjectCreationExpressionSyntax)p.Initializer!.Value).ArgumentList.Arguments.Single().Expression).Token.ValueText)
            .Order(StringComparer.Ordinal);

        Assert.Equal(expected, values);
    }

    private static IEnumerable<INamedTypeSymbol> GeneratedTypes(TypeKind kind)
        => Generated.Value.Output.GetSymbolsWithName(_ => true, SymbolFilter.Type).OfType<INamedTypeSymbol>()
            .Where(t => t.ContainingNamespace.ToDisplayString() == "Torture.Names" && t.TypeKind == kind && t.ContainingType is null);

    // Which spec type a generated class came from: its XML doc does not say, so map the few names of this spec.
    private static string WireTypeName(INamedTypeSymbol type) => type.Name switch
    {
        "Class" => "class",
        "Namespace" => "namespace",
        _ => type.Name,
    };

    private static string? AttributeArgument(ISymbol symbol, string attributeName)
        => symbol.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == attributeName)?.ConstructorArguments.Single().Value as string;
}
