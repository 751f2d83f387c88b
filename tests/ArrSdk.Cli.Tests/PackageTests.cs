using System.Diagnostics;
using System.IO.Compression;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace ArrSdk.Cli.Tests;

/// <summary>
/// The way a user meets the product: packages in a local folder feed, the sample consumer (its own spec plus the STS)
/// restored from that feed and built with one <c>dotnet build</c>, and <c>arr</c> installed as a .NET tool.
/// Everything happens in temporary folders, so nothing is written into the source tree.
/// </summary>
public sealed class PackageTests
{
    private static readonly string RepoRoot = typeof(PackageTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;

    [Fact]
    public async Task Packages_restore_into_a_consumer_that_builds_once_and_runs_and_the_tool_installs()
    {
        var work = Directory.CreateTempSubdirectory("arrsdk-packages-");
        try
        {
            var feed = Path.Combine(work.FullName, "feed");
            foreach (var project in new[] { "src/ArrSdk/ArrSdk.csproj", "src/ArrSdk.Emulator/ArrSdk.Emulator.csproj", "src/ArrSdk.Cli/ArrSdk.Cli.csproj", "packaging/ArrSdk.Generators.Package/ArrSdk.Generators.Package.csproj" })
            {
                await RunAsync(RepoRoot, "dotnet", "pack", Path.Combine(RepoRoot, project), "-c", "Release", "-o", feed, "-nologo");
            }

            AssertGeneratorReferencesOnlyWhatCompilersSupply(Path.Combine(feed, "ArrSdk.Generators.0.1.0.nupkg"));

            var sample = Path.Combine(work.FullName, "samples");
            CopyDirectory(Path.Combine(RepoRoot, "samples"), sample);
            var consumer = Path.Combine(sample, "Consumer");
            var packages = Path.Combine(work.FullName, "packages");
            await RunAsync(consumer, "dotnet", "build", "-nologo", $"-p:RestoreAdditionalProjectSources={feed}", $"-p:RestorePackagesPath={packages}");
            var output = await RunAsync(consumer, "dotnet", "run", "--no-build");
            Assert.Contains("STS token expires", output, StringComparison.Ordinal);
            Assert.Contains("own endpoint: sample-session Starting", output, StringComparison.Ordinal);

            var tools = Path.Combine(work.FullName, "tools");
            await RunAsync(work.FullName, "dotnet", "tool", "install", "ArrSdk.Tool", "--tool-path", tools, "--add-source", feed, "--version", "0.1.0");
            var token = await RunAsync(work.FullName, Path.Combine(tools, "arr"), "token", "--emulator", "--json");
            Assert.Contains("\"accessToken\": \"ey", token, StringComparison.Ordinal);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static void AssertGeneratorReferencesOnlyWhatCompilersSupply(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        var entry = Assert.Single(zip.Entries, e => e.FullName == "analyzers/dotnet/roslyn5.9/cs/ArrSdk.Generators.dll");
        using var stream = new MemoryStream();
        using (var source = entry.Open())
        {
            source.CopyTo(stream);
        }

        stream.Position = 0;
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var references = metadata.AssemblyReferences.Select(handle => metadata.GetString(metadata.GetAssemblyReference(handle).Name)).ToList();
        Assert.All(references, name => Assert.True(
            name is "netstandard" or "Microsoft.CodeAnalysis" or "Microsoft.CodeAnalysis.CSharp" or "System.Collections.Immutable",
            $"the generator references {name}, which a compiler host may not supply"));
        Assert.Contains(zip.Entries, e => e.FullName == "buildTransitive/ArrSdk.Generators.targets");
    }

    private static async Task<string> RunAsync(string directory, string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["ARR_EMULATOR_STATE_FILE"] = Path.Combine(directory, "no-shared-emulator.json");
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        await process.WaitForExitAsync(timeout.Token);
        var output = await stdout + await stderr;
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', args)} exited {process.ExitCode}:\n{output}");
        return output;
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var directory in Directory.GetDirectories(from, "*", SearchOption.AllDirectories).Where(d => !IsBuildOutput(d)))
        {
            Directory.CreateDirectory(directory.Replace(from, to, StringComparison.Ordinal));
        }

        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories).Where(f => !IsBuildOutput(f)))
        {
            File.Copy(file, file.Replace(from, to, StringComparison.Ordinal));
        }
    }

    private static bool IsBuildOutput(string path)
        => path.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj");
}
