using System;
using System.Linq;
using ArrSdk.Generators.Emitting;
using ArrSdk.Generators.Model;
using ArrSdk.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ArrSdk.Generators;

/// <summary>
/// Turns spec files (AdditionalFiles named <c>*.api.json</c>) into Refit interfaces, DTOs and a JsonSerializerContext.
/// The sources are added in the pre-compilation phase so that Refit's and System.Text.Json's own generators see them
/// and complete them in the same build; that phase cannot report diagnostics, so the standard phase reports them from
/// the same single parse.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ArrSdkGenerator : IIncrementalGenerator
{
    /// <summary>The file name ending that marks an AdditionalFile as a spec.</summary>
    public const string SpecFileSuffix = ".api.json";

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var specFiles = context.AdditionalTextsProvider
            .Where(static file => file.Path.EndsWith(SpecFileSuffix, StringComparison.OrdinalIgnoreCase))
            .Select(static (file, cancellationToken) => new SpecFile(file.Path, file.GetText(cancellationToken)?.ToString() ?? string.Empty))
            .WithTrackingName(TrackingNames.SpecFiles);

        // Specs may refer to types other specs of the project declare. The index holds names only, so an edit that
        // does not add, remove or rename a type leaves it equal, and the other files' parses stay cached.
        var projectTypes = specFiles
            .Select(static (file, cancellationToken) => SpecParser.ReadDeclarations(file.Path, SourceText.From(file.Text), cancellationToken))
            .WithTrackingName(TrackingNames.Declarations)
            .Collect()
            .Select(static (all, _) => all.SelectMany(static declared => declared).OrderBy(static d => d.FilePath, StringComparer.Ordinal).ToEquatableArray())
            .WithTrackingName(TrackingNames.ProjectTypes);

        var results = specFiles
            .Combine(projectTypes)
            .Select(static (pair, cancellationToken) => SpecParser.Parse(pair.Left.Path, SourceText.From(pair.Left.Text), pair.Right, cancellationToken))
            .WithTrackingName(TrackingNames.Parse);

        var specs = results
            .Select(static (result, _) => result.Spec)
            .WithTrackingName(TrackingNames.Spec);

        context.RegisterPreCompilationSourceOutput(specs, static (production, spec) =>
        {
            if (spec is not null)
            {
                SpecEmitter.Emit(production, spec);
            }
        });

        var diagnostics = results
            .Select(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);

        context.RegisterSourceOutput(diagnostics, static (production, found) =>
        {
            foreach (var diagnostic in found)
            {
                production.ReportDiagnostic(diagnostic.ToDiagnostic());
            }
        });
    }
}
