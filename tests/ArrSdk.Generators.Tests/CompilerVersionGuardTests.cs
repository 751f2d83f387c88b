using System.Diagnostics;
using ArrSdk.Generators.Tests.Infrastructure;

namespace ArrSdk.Generators.Tests;

/// <summary>
/// The build-time guard: a compiler older than Roslyn 5.9 (which lacks RegisterPreCompilationSourceOutput) gets one
/// clear ARR0001 error naming the SDK to install, instead of a pile of "type not found" errors. The compiler version
/// is overridden, since this machine's compiler is new enough.
/// </summary>
public sealed class CompilerVersionGuardTests
{
    [Fact]
    public async Task An_older_compiler_gets_one_clear_error_naming_the_required_SDK()
    {
        var (exitCode, output) = await RunGuardAsync("-p:ArrSdkCompilerVersionOverride=4.14");

        Assert.NotEqual(0, exitCode);
        var errors = output.Split('\n').Where(line => line.Contains(": error ", StringComparison.Ordinal)).Distinct().ToList();
        var error = Assert.Single(errors);
        Assert.Contains("error ARR0001", error, StringComparison.Ordinal);
        Assert.Contains("needs Roslyn 5.9 or later", error, StringComparison.Ordinal);
        Assert.Contains("uses Roslyn 4.14", error, StringComparison.Ordinal);
        Assert.Contains(".NET SDK 10.0.400", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task This_SDKs_compiler_passes_the_guard()
    {
        var (exitCode, output) = await RunGuardAsync();

        Assert.True(exitCode == 0, output);
    }

    private static async Task<(int ExitCode, string Output)> RunGuardAsync(params string[] extra)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "msbuild", Path.Combine(TestPaths.RepoRoot, "src", "ArrSdk", "ArrSdk.csproj"), "-t:ArrSdkVerifyCompilerVersion", "-nologo", "-v:q", "-nodeReuse:false" }.Concat(extra))
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
