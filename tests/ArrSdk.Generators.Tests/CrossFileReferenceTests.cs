using ArrSdk.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace ArrSdk.Generators.Tests;

/// <summary>Spec files of one project refer to each other's types by name, across namespaces.</summary>
public sealed class CrossFileReferenceTests
{
    private const string Common = """
        { "namespace": "Shared.Models", "types": {
            "Problem": { "properties": { "code": { "type": "string", "required": true } } },
            "Color": { "values": ["red", "green"] } } }
        """;

    private const string Service = """
        { "namespace": "Shop", "services": { "Paint": { "operations": {
            "Mix": { "method": "POST", "path": "/mix", "body": { "type": "Color" },
                     "responses": { "200": { "body": "Bucket" }, "400": { "body": "Problem" } } } } } },
          "types": { "Bucket": { "properties": { "color": { "type": "Color", "required": true }, "problems": { "type": "Problem[]" } } } } }
        """;

    [Fact]
    public void A_spec_uses_types_declared_in_another_spec_file_and_everything_compiles()
    {
        const string consumer = """
            public static class Use
            {
                public static System.Threading.Tasks.Task<Refit.IApiResponse<Shop.Bucket>> Call(Shop.IPaint paint)
                    => paint.MixAsync(Shared.Models.Color.Green);
            }
            """;

        var (_, output, generatorDiagnostics) = GeneratorHarness.Run([("common.api.json", Common), ("shop.api.json", Service)], withPeers: true, consumer);

        Assert.Empty(generatorDiagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.Contains(output.SyntaxTrees, tree => tree.ToString().Contains("global::System.Collections.Generic.IReadOnlyList<global::Shared.Models.Problem>? Problems", StringComparison.Ordinal));
    }

    [Fact]
    public void A_type_no_spec_file_declares_is_still_an_error_at_its_name()
    {
        var (_, _, generatorDiagnostics) = GeneratorHarness.Run([("shop.api.json", Service)], withPeers: false);

        Assert.Contains(generatorDiagnostics, d => d.Id == "ARR1005" && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("'Color'", StringComparison.Ordinal));
        Assert.All(generatorDiagnostics, d => Assert.Equal("shop.api.json", d.Location.GetLineSpan().Path));
    }

    [Fact]
    public void Editing_one_file_without_renaming_types_leaves_the_other_files_parse_cached()
    {
        var common = new InMemoryAdditionalText("common.api.json", Common);
        var shop = new InMemoryAdditionalText("shop.api.json", Service);
        var compilation = GeneratorHarness.CreateCompilation("// consumer");
        var driver = GeneratorHarness.CreateDriver(withPeers: false).AddAdditionalTexts([common, shop]).RunGenerators(compilation);

        var edited = new InMemoryAdditionalText("shop.api.json", Service.Replace("\"/mix\"", "\"/mix2\"", StringComparison.Ordinal));
        driver = driver.ReplaceAdditionalText(shop, edited).RunGenerators(compilation);

        var run = driver.GetRunResult().Results[0];
        var reasons = run.TrackedSteps[TrackingNames.Parse].SelectMany(step => step.Outputs).Select(output => output.Reason).ToList();
        Assert.Equal(2, reasons.Count);
        Assert.Contains(IncrementalStepRunReason.Cached, reasons);
        Assert.Contains(IncrementalStepRunReason.Modified, reasons);
        Assert.All(run.TrackedSteps[TrackingNames.ProjectTypes].SelectMany(step => step.Outputs), output =>
            Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, output.Reason.ToString()));
    }
}
