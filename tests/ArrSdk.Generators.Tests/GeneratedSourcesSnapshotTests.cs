using System.Text;
using ArrSdk.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace ArrSdk.Generators.Tests;

/// <summary>
/// The generated sources for the STS spec, compared to reviewed snapshots in Snapshots/. After an intended change,
/// run the tests with ARRSDK_UPDATE_SNAPSHOTS=1, review the diff of Snapshots/ and commit it.
/// </summary>
public sealed class GeneratedSourcesSnapshotTests
{
    private static readonly string[] StsSources =
    [
        "ArrSdk.Sts.Sts.ISecureTokenService.g.cs",
        "ArrSdk.Sts.Sts.StsTokenResponse.g.cs",
        "ArrSdk.Sts.Sts.StsJsonContext.g.cs",
    ];

    [Fact]
    public async Task Sts_spec_generates_the_reviewed_sources()
    {
        if (Environment.GetEnvironmentVariable("ARRSDK_UPDATE_SNAPSHOTS") == "1")
        {
            WriteSnapshots();
        }

        // Alone, our output is incomplete by design (System.Text.Json's generator completes the context); the
        // compile test runs all three generators together.
        var test = new SpecGeneratorTest { CompilerDiagnostics = CompilerDiagnostics.None };
        test.TestState.AdditionalFiles.Add(("sts.api.json", GeneratorHarness.ReadSpec("sts.api.json")));
        foreach (var name in StsSources)
        {
            var expected = await File.ReadAllTextAsync(SnapshotPath(name));
            test.TestState.GeneratedSources.Add((typeof(ArrSdkGenerator), name, SourceText.From(expected, Encoding.UTF8, SourceHashAlgorithm.Sha256)));
        }

        await test.RunAsync();
    }

    private static void WriteSnapshots()
    {
        var (driver, _, _) = GeneratorHarness.Run([("sts.api.json", GeneratorHarness.ReadSpec("sts.api.json"))], withPeers: false);
        foreach (var generated in driver.GetRunResult().Results.Single().GeneratedSources)
        {
            File.WriteAllText(Path.Combine(TestPaths.RepoRoot, "tests", "ArrSdk.Generators.Tests", "Snapshots", generated.HintName), generated.SourceText.ToString());
        }
    }

    private static string SnapshotPath(string name) => Path.Combine(TestPaths.RepoRoot, "tests", "ArrSdk.Generators.Tests", "Snapshots", name);
}
