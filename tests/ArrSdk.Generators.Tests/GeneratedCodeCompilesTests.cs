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
}
