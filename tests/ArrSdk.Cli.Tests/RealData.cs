using System.Reflection;

namespace ArrSdk.Cli.Tests;

/// <summary>The read-only real-data fixtures beside the repository.</summary>
internal static class RealData
{
    public static string Root { get; } = typeof(RealData).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RealDataRoot").Value!;
}
