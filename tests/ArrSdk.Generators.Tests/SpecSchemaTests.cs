using ArrSdk.Generators.Parsing;
using ArrSdk.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace ArrSdk.Generators.Tests;

/// <summary>
/// specs/arr-spec.schema.json describes the format the parser accepts: every spec in the repository validates, and
/// for each rule the schema can express, the schema and the parser agree on the same small specs, so editors flag
/// what the build would.
/// </summary>
public sealed class SpecSchemaTests
{
    public static TheoryData<string> SpecFiles()
    {
        var files = Directory.GetFiles(TestPaths.Specs, "*.api.json")
            .Concat(Directory.GetFiles(TestPaths.InOutput("Specs"), "*.api.json"))
            .Order(StringComparer.Ordinal)
            .ToArray();
        return [.. files];
    }

    [Theory]
    [MemberData(nameof(SpecFiles))]
    public void Every_spec_file_is_valid_against_the_schema(string path)
    {
        var text = File.ReadAllText(path);

        Assert.Empty(SpecSchema.Validate(text));
        Assert.Empty(SpecParser.Parse(path, SourceText.From(text), CancellationToken.None).Diagnostics);
    }

    [Fact]
    public void The_repository_specs_reference_the_schema()
        => Assert.Contains("\"$schema\": \"./arr-spec.schema.json\"", File.ReadAllText(Path.Combine(TestPaths.Specs, "sts.api.json")), StringComparison.Ordinal);

    // An unknown key at every level of the format: the schema rejects it and the parser reports ARR1002.
    [Theory]
    [InlineData("""{ "namespace": "A", "servics": {} }""")]
    [InlineData("""{ "namespace": "A", "services": { "S": { "operations": {}, "baseURL": "https://x" } } }""")]
    [InlineData("""{ "namespace": "A", "services": { "S": { "operations": { "Get": { "method": "GET", "path": "/", "responses": {}, "query": {} } } } } }""")]
    [InlineData("""{ "namespace": "A", "services": { "S": { "operations": { "Get": { "method": "GET", "path": "/", "responses": {}, "parameters": { "q": { "in": "query", "default": "1" } } } } } } }""")]
    [InlineData("""{ "namespace": "A", "services": { "S": { "operations": { "Get": { "method": "GET", "path": "/", "responses": {}, "body": { "type": "string", "contentType": "x" } } } } } }""")]
    [InlineData("""{ "namespace": "A", "services": { "S": { "operations": { "Get": { "method": "GET", "path": "/", "responses": { "200": { "schema": "string" } } } } } } }""")]
    [InlineData("""{ "namespace": "A", "services": { "S": { "operations": { "Get": { "method": "GET", "path": "/", "responses": { "200": { "headers": { "X-A": { "type": "string" } } } } } } } } }""")]
    [InlineData("""{ "namespace": "A", "types": { "T": { "propertes": {} } } }""")]
    [InlineData("""{ "namespace": "A", "types": { "T": { "properties": { "p": { "type": "string", "format": "x" } } } } }""")]
    public void A_spec_with_an_unknown_key_fails_schema_validation_as_it_fails_the_build(string spec)
    {
        Assert.NotEmpty(SpecSchema.Validate(spec));
        Assert.Contains(Parse(spec).Diagnostics, d => d.Descriptor.Id == "ARR1002");
    }

    [Theory]
    [InlineData("""{ "types": {} }""")]
    [InlineData("""{ "namespace": "class.Api" }""")]
    [InlineData("""{ "namespace": "Api..V1" }""")]
    [InlineData("""{ "namespace": "1Api" }""")]
    [InlineData("""{ "namespace": 1 }""")]
    [InlineData("""{ "namespace": "A", "jsonContext": "myContext" }""")]
    [InlineData("""{ "namespace": "A", "jsonContext": "My_Context" }""")]
    [InlineData("""{ "namespace": "A", "jsonContext": "StsJSON" }""")]
    [InlineData("""{ "namespace": "A", "services": { "S": {} } }""")]
    [InlineData("""{ "namespace": "A", "services": { "S": { "operations": { "Get": { "path": "/", "responses": {} } } } } }""")]
    [InlineData("""{ "namespace": "A", "services": { "S": { "operations": { "Get": { "method": "FETCH", "path": "/", "responses": {} } } } } }""")]
    [InlineData("""{ "namespace": "A", "services": { "S": { "operations": { "Get": { "method": "GET", "path": "items", "responses": {} } } } } }""")]
    [InlineData("""{ "namespace": "A", "services": { "S": { "operations": { "Get": { "method": "GET", "path": "/a?b=1", "responses": {} } } } } }""")]
    [InlineData("""{ "namespace": "A", "services": { "S": { "operations": { "Get": { "method": "GET", "path": "/a/{", "responses": {} } } } } }""")]
    [InlineData("""{ "namespace": "A", "services": { "S": { "operations": { "Get": { "method": "GET", "path": "/a/{}", "responses": {} } } } } }""")]
    [InlineData("""{ "namespace": "A", "services": { "S": { "operations": { "Get": { "method": "GET", "path": "/" } } } } }""")]
    [InlineData("""{ "namespace": "A", "services": { "S": { "operations": { "Get": { "method": "GET", "path": "/", "responses": { "600": {} } } } } } }""")]
    [InlineData("""{ "namespace": "A", "services": { "S": { "operations": { "Get": { "method": "GET", "path": "/", "responses": { "2xx": {} } } } } } }""")]
    [InlineData("""{ "namespace": "A", "services": { "S": { "operations": { "Get": { "method": "GET", "path": "/", "responses": { "200": { "headers": { "X A": {} } } } } } } } }""")]
    [InlineData("""{ "namespace": "A", "services": { "S": { "operations": { "Get": { "method": "GET", "path": "/", "responses": {}, "parameters": { "q": {} } } } } } }""")]
    [InlineData("""{ "namespace": "A", "services": { "S": { "operations": { "Get": { "method": "GET", "path": "/", "responses": {}, "parameters": { "q": { "in": "cookie" } } } } } } }""")]
    [InlineData("""{ "namespace": "A", "services": { "S": { "operations": { "Get": { "method": "GET", "path": "/", "responses": {}, "parameters": { "q": { "in": "query", "required": "yes" } } } } } } }""")]
    [InlineData("""{ "namespace": "A", "services": { "S": { "operations": { "Get": { "method": "GET", "path": "/", "responses": {}, "parameters": { "h": { "in": "header", "name": "X H" } } } } } } }""")]
    [InlineData("""{ "namespace": "A", "services": { "S": { "operations": { "Get": { "method": "GET", "path": "/", "responses": {}, "parameters": { "h": { "in": "header", "value": "a\r\nB: c" } } } } } } }""")]
    [InlineData("""{ "namespace": "A", "services": { "S": { "operations": { "Get": { "method": "GET", "path": "/", "responses": {}, "parameters": { "q": { "in": "query", "value": "a}" } } } } } } }""")]
    [InlineData("""{ "namespace": "A", "services": { "S": { "operations": { "Get": { "method": "GET", "path": "/{id}", "responses": {}, "parameters": { "id": { "in": "path", "value": "1" } } } } } } }""")]
    [InlineData("""{ "namespace": "A", "services": { "S": { "operations": { "Get": { "method": "GET", "path": "/", "responses": {}, "body": { "required": true } } } } } }""")]
    [InlineData("""{ "namespace": "A", "types": { "T": { "properties": { "p": { "required": true } } } } }""")]
    [InlineData("""{ "namespace": "A", "types": { "T": { "values": ["a", "a"] } } }""")]
    [InlineData("""{ "namespace": "A", "types": { "T": { "values": ["a", 1] } } }""")]
    [InlineData("""{ "namespace": "A", "types": { "T": [] } }""")]
    public void The_schema_rejects_what_the_parser_rejects(string spec)
    {
        Assert.NotEmpty(Parse(spec).Diagnostics);
        Assert.NotEmpty(SpecSchema.Validate(spec));
    }

    [Theory]
    [InlineData("""{ "namespace": "Café.Api.V2", "jsonContext": "MyContextV2" }""")]
    [InlineData("""{ "namespace": "A.var.async", "jsonContext": "StsJSONContext" }""")]
    [InlineData("""{ "namespace": "A", "jsonContext": "X1" }""")]
    [InlineData("""{ "namespace": "A", "services": { "S": { "operations": { "Get": { "method": "get", "path": "/", "responses": { "default": {}, "599": {} }, "parameters": { "q": { "in": "Query", "value": "{x}" }, "x": { "in": "ARGUMENT" }, "h": { "in": "header", "name": "X-Y_Z.1~" } } } } } } }""")]
    [InlineData("""{ "namespace": "A", "types": { "T": { "values": [] }, "U": {}, "V": { "properties": {} } } }""")]
    public void The_schema_accepts_what_the_parser_accepts(string spec)
    {
        Assert.Empty(Parse(spec).Diagnostics);
        Assert.Empty(SpecSchema.Validate(spec));
    }

    [Fact]
    public void The_namespace_pattern_rejects_every_csharp_keyword_and_allows_contextual_ones()
    {
        foreach (var keyword in SyntaxFacts.GetReservedKeywordKinds().Select(SyntaxFacts.GetText))
        {
            var spec = $$"""{ "namespace": "Api.{{keyword}}" }""";
            Assert.True(SpecSchema.Validate(spec).Count > 0, $"the schema accepts the keyword '{keyword}'");
            Assert.NotEmpty(Parse(spec).Diagnostics);
        }

        foreach (var contextual in SyntaxFacts.GetContextualKeywordKinds().Select(SyntaxFacts.GetText).Where(SyntaxFacts.IsValidIdentifier))
        {
            var spec = $$"""{ "namespace": "Api.{{contextual}}" }""";
            Assert.True(SpecSchema.Validate(spec).Count == 0, $"the schema rejects the contextual keyword '{contextual}'");
            Assert.Empty(Parse(spec).Diagnostics);
        }
    }

    private static Model.SpecParseResult Parse(string spec) => SpecParser.Parse("schema.api.json", SourceText.From(spec), CancellationToken.None);
}
