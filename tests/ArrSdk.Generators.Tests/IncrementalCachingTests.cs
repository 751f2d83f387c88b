using ArrSdk.Generators.Model;
using ArrSdk.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ArrSdk.Generators.Tests;

/// <summary>
/// The generator stays incremental: work happens only for the spec file that changed, C# edits (every keystroke in an
/// IDE) cost nothing, and no step output holds a Roslyn object that would defeat caching. Modelled on
/// NetEscapades.EnumGenerators' caching tests.
/// </summary>
public sealed class IncrementalCachingTests
{
    private const string StsPath = "specs/sts.api.json";
    private const string SmallPath = "specs/small.api.json";

    private const string SmallSpec = """
        { "namespace": "Small", "types": { "Item": { "properties": { "id": { "type": "uuid", "required": true } } } } }
        """;

    // A spec with mistakes, so the Diagnostics step carries located diagnostics rather than an empty list.
    private const string BrokenPath = "specs/broken.api.json";

    private const string BrokenSpec = """
        { "namespace": "Broken", "typos": {}, "types": { "T": { "properties": { "p": { "type": "Strnig" } } } } }
        """;

    public static TheoryData<string> UnrelatedEdits => ["add a syntax tree", "change a source file"];

    [Theory]
    [MemberData(nameof(UnrelatedEdits))]
    public void An_unrelated_csharp_edit_leaves_every_step_cached_and_the_outputs_identical(string edit)
    {
        var compilation = GeneratorHarness.CreateCompilation("namespace Consumer; public class Existing { }");
        var driver = CreateDriver((StsPath, GeneratorHarness.ReadSpec("sts.api.json")), (BrokenPath, BrokenSpec)).RunGenerators(compilation);
        var first = PipelineRun.Of(driver);

        var edited = edit == "add a syntax tree"
            ? compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Consumer; public class Added { }", GeneratorHarness.ParseOptions))
            : compilation.ReplaceSyntaxTree(
                compilation.SyntaxTrees.Single(),
                CSharpSyntaxTree.ParseText("namespace Consumer; public class Existing { public int Changed => 1; }", GeneratorHarness.ParseOptions));
        var second = PipelineRun.Of(driver.RunGenerators(edited));

        foreach (var name in PipelineRun.TrackedStepNames.Concat(PipelineRun.OutputStepNames))
        {
            var before = first.Steps(name);
            var after = second.Steps(name);
            Assert.Equal(2, after.Length);
            Assert.Equal(before.Length, after.Length);
            for (var i = 0; i < after.Length; i++)
            {
                Assert.Equal(before[i].Outputs.Select(o => o.Value), after[i].Outputs.Select(o => o.Value));
                Assert.All(after[i].Outputs, output => AssertReused(output.Reason, $"{name} after '{edit}'"));
            }
        }

        Assert.Equal(first.Sources(), second.Sources());
        // Diagnostic has no value equality, so compare what a user sees: id, file, position and message.
        Assert.Equal(first.Result.Diagnostics.Select(d => d.ToString()), second.Result.Diagnostics.Select(d => d.ToString()));
        Assert.NotEmpty(second.Result.Diagnostics);
    }

    [Fact]
    public void Editing_one_spec_reparses_only_that_spec_and_regenerates_only_its_sources()
    {
        var sts = new InMemoryAdditionalText(StsPath, GeneratorHarness.ReadSpec("sts.api.json"));
        var small = new InMemoryAdditionalText(SmallPath, SmallSpec);
        var compilation = GeneratorHarness.CreateCompilation("namespace Consumer; public class Existing { }");
        var driver = GeneratorHarness.CreateDriver(withPeers: false).AddAdditionalTexts([sts, small]).RunGenerators(compilation);
        var first = PipelineRun.Of(driver);

        var smallEdited = new InMemoryAdditionalText(SmallPath, SmallSpec.Replace("\"required\": true }", "\"required\": true }, \"name\": { \"type\": \"string\" }", StringComparison.Ordinal));
        var second = PipelineRun.Of(driver.ReplaceAdditionalText(small, smallEdited).RunGenerators(compilation));

        // The untouched spec: nothing re-runs and nothing is regenerated.
        foreach (var name in PipelineRun.TrackedStepNames.Concat(PipelineRun.OutputStepNames))
        {
            Assert.All(second.Step(name, StsPath).Outputs, output => AssertReused(output.Reason, $"{name} of the untouched spec"));
        }

        // The edited spec: parsed again, a new model, its sources emitted again.
        Assert.All(second.Step(TrackingNames.Parse, SmallPath).Outputs, o => Assert.Equal(IncrementalStepRunReason.Modified, o.Reason));
        Assert.All(second.Step(TrackingNames.Spec, SmallPath).Outputs, o => Assert.Equal(IncrementalStepRunReason.Modified, o.Reason));
        Assert.All(second.Step("PreCompilationSourceOutput", SmallPath).Outputs, o => Assert.Equal(IncrementalStepRunReason.Modified, o.Reason));

        // Still no diagnostics, so the diagnostics step's output compares equal and nothing is reported again.
        Assert.All(second.Step(TrackingNames.Diagnostics, SmallPath).Outputs, o => Assert.Equal(IncrementalStepRunReason.Unchanged, o.Reason));

        var before = first.Sources();
        var after = second.Sources();
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        var changed = after.Keys.Where(hint => before[hint] != after[hint]).Order().ToList();
        Assert.Equal(["Small.Small.Item.g.cs"], changed);
        Assert.Contains("JsonPropertyName(\"name\")", after["Small.Small.Item.g.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_file_object_with_the_same_text_parses_nothing_again()
    {
        // What a command-line build does after a C# edit: the compiler server keeps the driver but reads every
        // additional file anew, so the generator gets new AdditionalText objects with the same contents.
        var sts = new InMemoryAdditionalText(StsPath, GeneratorHarness.ReadSpec("sts.api.json"));
        var compilation = GeneratorHarness.CreateCompilation();
        var driver = GeneratorHarness.CreateDriver(withPeers: false).AddAdditionalTexts([sts]).RunGenerators(compilation);

        var reread = new InMemoryAdditionalText(StsPath, GeneratorHarness.ReadSpec("sts.api.json"));
        var second = PipelineRun.Of(driver.ReplaceAdditionalText(sts, reread).RunGenerators(compilation));

        Assert.All(second.Step(TrackingNames.SpecFiles, StsPath).Outputs, o => Assert.Equal(IncrementalStepRunReason.Unchanged, o.Reason));
        foreach (var name in new[] { TrackingNames.Declarations, TrackingNames.Parse })
        {
            Assert.All(second.Step(name, StsPath).Outputs, o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        }
    }

    [Fact]
    public void A_comment_or_whitespace_edit_reparses_the_spec_but_regenerates_nothing()
    {
        var sts = new InMemoryAdditionalText(StsPath, GeneratorHarness.ReadSpec("sts.api.json"));
        var compilation = GeneratorHarness.CreateCompilation();
        var driver = GeneratorHarness.CreateDriver(withPeers: false).AddAdditionalTexts([sts]).RunGenerators(compilation);
        var first = PipelineRun.Of(driver);

        // Every line moves down, so anything in the model that held a position would now differ.
        var reformatted = new InMemoryAdditionalText(StsPath, "// a new comment\n\n\n" + GeneratorHarness.ReadSpec("sts.api.json").Replace("{ \"in\"", "{  \"in\"", StringComparison.Ordinal));
        var second = PipelineRun.Of(driver.ReplaceAdditionalText(sts, reformatted).RunGenerators(compilation));

        Assert.All(second.Step(TrackingNames.Parse, StsPath).Outputs, o => Assert.Equal(IncrementalStepRunReason.Unchanged, o.Reason));
        foreach (var name in new[] { TrackingNames.Spec, TrackingNames.Diagnostics }.Concat(PipelineRun.OutputStepNames))
        {
            Assert.All(second.Step(name, StsPath).Outputs, output => AssertReused(output.Reason, name));
        }

        Assert.Equal(first.Sources(), second.Sources());
    }

    [Fact]
    public void No_step_output_holds_a_roslyn_object()
    {
        var driver = CreateDriver((StsPath, GeneratorHarness.ReadSpec("sts.api.json")), (BrokenPath, BrokenSpec), (SmallPath, SmallSpec))
            .RunGenerators(GeneratorHarness.CreateCompilation());
        var run = PipelineRun.Of(driver);

        var visited = new HashSet<Type>();
        foreach (var name in PipelineRun.TrackedStepNames)
        {
            foreach (var step in run.Steps(name))
            {
                foreach (var (value, _) in step.Outputs)
                {
                    var (found, types) = RoslynObjectFinder.Find(value);
                    Assert.True(found.Count == 0, $"{name} outputs hold Roslyn objects: {string.Join(", ", found)}");
                    visited.UnionWith(types);
                }
            }
        }

        // The walk reached the leaves of both the model and the diagnostics, so it checked what matters.
        Assert.Contains(typeof(PropertyModel), visited);
        Assert.Contains(typeof(ResponseHeaderModel), visited);
        Assert.Contains(typeof(DiagnosticInfo), visited);
        Assert.Contains(typeof(LocationInfo), visited);
    }

    [Fact]
    public void The_roslyn_object_finder_finds_a_location_nested_in_a_model()
    {
        var nested = new { Items = new object[] { "text", new { Where = Location.None } } };

        var (found, _) = RoslynObjectFinder.Find(nested);

        Assert.Equal("root.<Items>i__Field[1].<Where>i__Field (NoLocation)", Assert.Single(found));
    }

    private static GeneratorDriver CreateDriver(params (string Path, string Text)[] specs)
        => GeneratorHarness.CreateDriver(withPeers: false).AddAdditionalTexts([.. specs.Select(s => (AdditionalText)new InMemoryAdditionalText(s.Path, s.Text))]);

    private static void AssertReused(IncrementalStepRunReason reason, string what)
        => Assert.True(
            reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
            $"{what}: expected Cached or Unchanged, but the step was {reason}");
}
