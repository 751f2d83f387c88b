using ArrSdk.Generators.Parsing;
using ArrSdk.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ArrSdk.Generators.Tests;

/// <summary>
/// One focused test per bug the fuzz test found, so each stays fixed even if the mutator changes. Each spec is run
/// beside Refit's and System.Text.Json's generators, as a real build does.
/// </summary>
public sealed class FuzzFindingsTests
{
    [Fact]
    public void A_constant_parameter_named_like_a_template_input_does_not_crash_the_generator()
    {
        // "api-version" (a constant) and "apiVersion" (a template input) both become the C# name apiVersion.
        const string spec = """
            { "namespace": "Found", "services": { "S": { "operations": { "Get": {
                "method": "GET", "path": "/x", "responses": { "200": {} },
                "parameters": {
                  "api-version": { "in": "query", "value": "1" },
                  "apiVersion": { "in": "argument" },
                  "auth": { "in": "header", "name": "Authorization", "value": "V {apiVersion}" } } } } } } }
            """;

        var (driver, output, generatorDiagnostics) = GeneratorHarness.Run([("found.api.json", spec)], withPeers: true);

        Assert.All(driver.GetRunResult().Results, result => Assert.Null(result.Exception));
        Assert.Empty(generatorDiagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.Contains(output.SyntaxTrees, tree => tree.ToString().Contains("public static string GetAuth(string apiVersion)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_spec_without_types_gets_a_json_context_that_compiles()
    {
        const string spec = """
            { "namespace": "Found", "services": { "S": { "operations": { "Ping": { "method": "GET", "path": "/ping", "responses": { "204": {} } } } } } }
            """;

        var (_, output, generatorDiagnostics) = GeneratorHarness.Run([("found.api.json", spec)], withPeers: true, "public static class Use { public static object Context => Found.FoundJsonContext.Default; }");

        Assert.Empty(generatorDiagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Theory]
    [InlineData("\\u2028")]
    [InlineData("\\u2029")]
    [InlineData("\\u0085")]
    public void Line_separators_in_descriptions_and_enum_values_do_not_break_doc_comments(string separator)
    {
        var spec = $$"""
            { "namespace": "Found",
              "services": { "S": { "description": "a{{separator}}b", "operations": { "Get": {
                "description": "c{{separator}}d", "method": "GET", "path": "/x", "responses": { "200": { "body": "E" } },
                "parameters": { "q": { "in": "query", "description": "e{{separator}}f" } } } } } },
              "types": { "E": { "description": "g{{separator}}h", "values": ["i{{separator}}j"] } } }
            """;

        var (_, output, generatorDiagnostics) = GeneratorHarness.Run([("found.api.json", spec)], withPeers: true);

        Assert.Empty(generatorDiagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void A_hostile_deeply_nested_type_name_is_rejected_quickly_instead_of_exhausting_time_memory_or_stack()
    {
        var typeName = "string" + string.Concat(Enumerable.Repeat("[]", 100_000));
        var spec = $$"""{ "namespace": "Found", "types": { "T": { "properties": { "p": { "type": "{{typeName}}" } } } } }""";

        var result = SpecParser.Parse("found.api.json", SourceText.From(spec), CancellationToken.None);

        Assert.Equal("ARR1005", Assert.Single(result.Diagnostics).Descriptor.Id);
    }

    [Fact]
    public void Nested_type_names_as_deep_as_real_specs_need_still_resolve()
    {
        const string spec = """{ "namespace": "Found", "types": { "T": { "properties": { "p": { "type": "map<map<string[][]>[]>[]" } } } } }""";

        var (_, output, generatorDiagnostics) = GeneratorHarness.Run([("found.api.json", spec)], withPeers: true);

        Assert.Empty(generatorDiagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }
}
