using ArrSdk.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace ArrSdk.Generators.Tests;

/// <summary>
/// Every malformed spec gives a diagnostic with a stable id at the line and column of the mistake in the spec file,
/// and never a crash (ARR1099) or silently nothing.
/// </summary>
public sealed class SpecDiagnosticsTests
{
    private const string File = "broken.api.json";

    [Fact]
    public Task Trailing_garbage_after_the_document_is_a_syntax_error_at_the_garbage()
        => VerifyAsync(
            """
            { "namespace": "A" }
            }
            """,
            Error("ARR1001", 2, 1, 2, 2).WithMessage("Unexpected '}' after the end of the JSON document."));

    [Fact]
    public Task Unterminated_string_is_a_syntax_error_from_its_opening_quote()
        => VerifyAsync(
            """
            {
              "namespace": "A
            }
            """,
            Error("ARR1001", 2, 16, 2, 18).WithMessage("Unterminated string: a closing '\"' is missing."));

    [Fact]
    public Task Unknown_key_suggests_the_nearest_valid_key()
        => VerifyAsync(
            """
            { "namespace": "A", "services": { "S": { "operations": { "Get": {
                "methdo": "GET", "method": "GET", "path": "/x", "responses": {} } } } } }
            """,
            Error("ARR1002", 2, 5, 2, 13).WithMessage("Unknown key 'methdo' in operation 'Get'; did you mean 'method'?"));

    [Fact]
    public Task Value_of_the_wrong_type_is_reported_at_the_value()
        => VerifyAsync(
            """
            { "namespace": "A", "types": { "T": { "properties": { "p": { "type": "string", "required": "yes" } } } } }
            """,
            Error("ARR1003", 1, 92, 1, 97).WithMessage("'required' must be true or false, but it is a string"));

    [Fact]
    public Task Missing_namespace_is_reported_at_the_spec_object()
        => VerifyAsync(
            """
            { "types": {} }
            """,
            Error("ARR1004", 1, 1, 1, 2));

    [Fact]
    public Task Unknown_type_reference_is_reported_at_the_type_name()
        => VerifyAsync(
            """
            { "namespace": "A", "types": { "T": { "properties": { "p": { "type": "Strnig" } } } } }
            """,
            Error("ARR1005", 1, 70, 1, 78));

    [Fact]
    public Task Duplicate_key_is_reported_at_the_second_one()
        => VerifyAsync(
            """
            { "namespace": "A",
              "namespace": "B" }
            """,
            Error("ARR1006", 2, 3, 2, 14));

    [Fact]
    public Task Path_placeholder_without_a_parameter_is_reported_at_the_path()
        => VerifyAsync(
            """
            { "namespace": "A", "services": { "S": { "operations": { "Get": {
                "method": "GET", "path": "/items/{id}", "responses": {} } } } } }
            """,
            Error("ARR1007", 2, 30, 2, 43).WithMessage("The path placeholder '{id}' has no parameter: add a parameter 'id' with \"in\": \"path\""));

    [Fact]
    public Task Path_parameter_missing_from_the_path_is_reported_at_the_parameter()
        => VerifyAsync(
            """
            { "namespace": "A", "services": { "S": { "operations": { "Get": {
                "method": "GET", "path": "/items", "parameters": { "id": { "in": "path" } }, "responses": {} } } } } }
            """,
            Error("ARR1008", 2, 56, 2, 60));

    [Fact]
    public Task Unknown_http_method_is_an_invalid_value()
        => VerifyAsync(
            """
            { "namespace": "A", "services": { "S": { "operations": { "Get": {
                "method": "FETCH", "path": "/items", "responses": {} } } } } }
            """,
            Error("ARR1009", 2, 15, 2, 22));

    [Fact]
    public Task Line_break_in_a_constant_header_is_an_invalid_value()
        => VerifyAsync(
            """
            { "namespace": "A", "services": { "S": { "operations": { "Get": {
                "method": "GET", "path": "/items", "responses": {},
                "parameters": { "h": { "in": "header", "name": "X-H", "value": "a\r\nInjected: yes" } } } } } } }
            """,
            Error("ARR1009", 3, 68, 3, 88));

    [Fact]
    public Task Two_operations_with_the_same_csharp_signature_are_reported_on_the_second()
        => VerifyAsync(
            """
            { "namespace": "A", "services": { "S": { "operations": {
                "get-item": { "method": "GET", "path": "/a", "responses": {} },
                "GetItem": { "method": "GET", "path": "/b", "responses": {} } } } } }
            """,
            Error("ARR1010", 3, 5, 3, 14));

    private static DiagnosticResult Error(string id, int startLine, int startColumn, int endLine, int endColumn)
        => new DiagnosticResult(id, DiagnosticSeverity.Error).WithSpan(File, startLine, startColumn, endLine, endColumn);

    private static async Task VerifyAsync(string spec, params DiagnosticResult[] expected)
    {
        var test = new SpecGeneratorTest { CompilerDiagnostics = CompilerDiagnostics.None, TestBehaviors = TestBehaviors.SkipGeneratedSourcesCheck };
        test.TestState.AdditionalFiles.Add((File, spec));
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }
}
