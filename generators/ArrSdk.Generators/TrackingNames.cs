namespace ArrSdk.Generators;

/// <summary>Names of the pipeline steps, so tests can check what was cached.</summary>
internal static class TrackingNames
{
    public const string SpecFiles = nameof(SpecFiles);
    public const string Declarations = nameof(Declarations);
    public const string ProjectTypes = nameof(ProjectTypes);
    public const string Parse = nameof(Parse);
    public const string Spec = nameof(Spec);
    public const string Diagnostics = nameof(Diagnostics);
}
