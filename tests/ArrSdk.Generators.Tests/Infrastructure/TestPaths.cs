using System.Reflection;

namespace ArrSdk.Generators.Tests.Infrastructure;

/// <summary>Paths baked in at build time: the repository and the read-only real-data fixtures beside it.</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = Metadata("RepoRoot");

    public static string RealDataRoot { get; } = Metadata("RealDataRoot");

    public static string Specs => Path.Combine(RepoRoot, "specs");

    public static string InOutput(params string[] parts) => Path.Combine([AppContext.BaseDirectory, .. parts]);

    private static string Metadata(string key)
        => typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
