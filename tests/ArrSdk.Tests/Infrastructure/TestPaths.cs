using System.Reflection;

namespace ArrSdk.Tests.Infrastructure;

/// <summary>Paths baked in at build time: the read-only real-data fixtures beside the repository.</summary>
internal static class TestPaths
{
    public static string RealDataRoot { get; } = typeof(TestPaths).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RealDataRoot").Value!;

    public static string StsExamples => Path.Combine(RealDataRoot, "azure-rest-api-specs", "data-plane", "Microsoft.MixedReality", "preview", "2019-02-28-preview", "examples");
}
