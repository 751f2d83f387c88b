namespace ArrSdk.Generators.Model;

/// <summary>
/// The outcome of parsing one spec file, computed once and shared by both phases: the pre-compilation phase emits
/// <see cref="Spec"/>, the standard phase reports <see cref="Diagnostics"/>.
/// </summary>
internal sealed record SpecParseResult(SpecModel? Spec, EquatableArray<DiagnosticInfo> Diagnostics);
