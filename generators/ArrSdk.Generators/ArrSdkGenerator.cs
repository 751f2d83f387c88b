using System;
using ArrSdk.Generators.Emitting;
using ArrSdk.Generators.Parsing;
using Microsoft.CodeAnalysis;

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
        var results = context.AdditionalTextsProvider
            .Where(static file => file.Path.EndsWith(SpecFileSuffix, StringComparison.OrdinalIgnoreCase))
            .Select(static (file, cancellationToken) => SpecParser.Parse(file.Path, file.GetText(cancellationToken), cancellationToken))
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
