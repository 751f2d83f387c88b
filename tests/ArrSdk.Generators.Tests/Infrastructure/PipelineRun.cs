using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace ArrSdk.Generators.Tests.Infrastructure;

/// <summary>Reads our generator's tracked pipeline steps out of a driver run, grouped by the spec file they came from.</summary>
internal sealed class PipelineRun(GeneratorRunResult result)
{
    /// <summary>Our tracked step names, in pipeline order.</summary>
    public static readonly string[] TrackedStepNames = [TrackingNames.Parse, TrackingNames.Spec, TrackingNames.Diagnostics];

    /// <summary>The output nodes Roslyn tracks for us: one per registered output.</summary>
    public static readonly string[] OutputStepNames = ["PreCompilationSourceOutput", WellKnownGeneratorOutputs.SourceOutput];

    public static PipelineRun Of(GeneratorDriver driver) => new(driver.GetRunResult().Results.Single());

    public GeneratorRunResult Result { get; } = result;

    /// <summary>Every run of a tracked or output step; fails when a name is missing, so a renamed step cannot go unchecked.</summary>
    public ImmutableArray<IncrementalGeneratorRunStep> Steps(string name)
    {
        if (Result.TrackedSteps.TryGetValue(name, out var steps) || Result.TrackedOutputSteps.TryGetValue(name, out steps))
        {
            return steps;
        }

        throw new InvalidOperationException($"The run tracked no step named '{name}'; it has {string.Join(", ", Result.TrackedSteps.Keys.Concat(Result.TrackedOutputSteps.Keys))}.");
    }

    /// <summary>The one run of step <paramref name="name"/> that processed the spec file at <paramref name="specPath"/>.</summary>
    public IncrementalGeneratorRunStep Step(string name, string specPath)
        => Assert.Single(Steps(name), step => SpecPathOf(step) == specPath);

    /// <summary>The generated sources by hint name, as text.</summary>
    public IReadOnlyDictionary<string, string> Sources()
        => Result.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);

    /// <summary>Follows a step's inputs back to the AdditionalText it started from.</summary>
    public static string SpecPathOf(IncrementalGeneratorRunStep step)
    {
        foreach (var (value, _) in step.Outputs)
        {
            if (value is AdditionalText file)
            {
                return file.Path;
            }

            if (value is Model.SpecFile spec)
            {
                return spec.Path;
            }
        }

        // A step that combines a spec with the project-wide type index has the spec as its first input.
        var (source, _) = step.Inputs[0];
        return SpecPathOf(source);
    }
}
