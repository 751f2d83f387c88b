using ArrSdk.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace ArrSdk.Generators.Tests;

/// <summary>
/// The generated code, completed by Refit's and System.Text.Json's generators in the same run, compiles with zero
/// diagnostics under nullable and warnings-as-errors, which is what the pre-compilation phase is for.
/// </summary>
public sealed class GeneratedCodeCompilesTests
{
    [Fact]
    public void Sts_spec_compiles_with_zero_diagnostics_and_refit_implements_the_interface()
    {
        const string consumer = """
            namespace Consumer;

            public static class Use
            {
                public static ArrSdk.Sts.ISecureTokenService Create(System.Net.Http.HttpClient client)
                    => Refit.RestService.ForGenerated<ArrSdk.Sts.ISecureTokenService>(client, ArrSdk.Sts.StsJsonContext.Default);
            }
            """;

        var (_, output, generatorDiagnostics) = GeneratorHarness.Run([("specs/sts.api.json", GeneratorHarness.ReadSpec("sts.api.json"))], withPeers: true, consumer);

        Assert.Empty(generatorDiagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.Contains(output.SyntaxTrees, tree => tree.ToString().Contains(": global::ArrSdk.Sts.ISecureTokenService", StringComparison.Ordinal));
        Assert.Contains(output.SyntaxTrees, tree => tree.FilePath.Contains("StsJsonContext.StsTokenResponse.g.cs", StringComparison.Ordinal));

        using var stream = new MemoryStream();
        var emit = output.Emit(stream);
        Assert.True(emit.Success, string.Join(Environment.NewLine, emit.Diagnostics));
    }

    [Fact]
    public void An_unknown_key_is_reported_but_the_operation_is_still_generated()
    {
        var spec = GeneratorHarness.ReadSpec("sts.api.json").Replace("\"method\": \"GET\"", "\"methdo\": \"x\", \"method\": \"GET\"", StringComparison.Ordinal);
        const string consumer = """
            public static class Use
            {
                public static object Call(ArrSdk.Sts.ISecureTokenService sts) => sts.GetTokenAsync("id", ArrSdk.Sts.SecureTokenService.GetTokenAuthorization("id", "key"));
            }
            """;

        var (_, output, generatorDiagnostics) = GeneratorHarness.Run([("sts.api.json", spec)], withPeers: true, consumer);

        Assert.Equal("ARR1002", Assert.Single(output.GetDiagnostics().Concat(generatorDiagnostics), d => d.Severity >= DiagnosticSeverity.Warning).Id);
    }

    [Theory]
    [InlineData("string")]
    [InlineData("Guid")]
    [InlineData("NullableInt32")]
    [InlineData("JsonElement")]
    public void Types_named_like_framework_types_compile(string typeName)
    {
        var spec = $$"""
            { "namespace": "Torture", "types": {
                "{{typeName}}": { "description": "bell \u0007 and nul \u0000 in a doc comment", "properties": {
                    "id": { "type": "uuid", "required": true }, "n": { "type": "integer" }, "s": { "type": "string" }, "j": { "type": "json" } } } } }
            """;

        var (_, output, generatorDiagnostics) = GeneratorHarness.Run([("torture.api.json", spec)], withPeers: true);

        Assert.Empty(generatorDiagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }
}
