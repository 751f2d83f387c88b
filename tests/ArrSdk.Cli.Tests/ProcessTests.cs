using System.Diagnostics;

namespace ArrSdk.Cli.Tests;

/// <summary>The real <c>arr</c> process: what a user runs, signals included.</summary>
public sealed class ProcessTests
{
    private static readonly string Arr = Path.Combine(AppContext.BaseDirectory, "arr.dll");

    [Fact]
    public async Task Token_with_the_emulator_works_as_a_process()
    {
        var (exitCode, output, error) = await RunAsync(["token", "--emulator", "--json"]);

        Assert.Equal(0, exitCode);
        Assert.Empty(error);
        Assert.Contains("\"accessToken\": \"ey", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_emulator_process_stops_on_SIGINT_and_withdraws_its_state_file()
    {
        var stateFile = Path.Combine(Path.GetTempPath(), $"arrsdk-process-test-{Guid.NewGuid():N}.json");
        using var process = Start(["emulator"], stateFile);
        var firstLine = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.StartsWith("ARR emulator listening on http://127.0.0.1:", firstLine, StringComparison.Ordinal);

        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.HasExited);
        Assert.False(File.Exists(stateFile), "the emulator left its state file behind");
    }

    [Fact]
    public async Task Ctrl_C_during_session_start_wait_stops_the_session_and_says_cancelled()
    {
        await using var emulator = await ArrSdk.Emulator.ArrEmulator.StartAsync(new ArrSdk.Emulator.ArrEmulatorOptions { SessionStartupTime = TimeSpan.FromMinutes(10) });
        var stateFile = Path.Combine(Path.GetTempPath(), $"arrsdk-process-test-{Guid.NewGuid():N}.json");
        ArrSdk.Cli.EmulatorConnection.Announce(stateFile, emulator.BaseAddress);
        try
        {
            using var process = Start(["session", "start", "--emulator", "--wait", "--id", "interrupted"], stateFile);
            var firstProgress = await process.StandardError.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Equal("interrupted: Starting", firstProgress);

            using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            var rest = await process.StandardError.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30));
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(timeout.Token);
            var shown = await CliRun.RunAsync(["session", "show", "--emulator", "--id", "interrupted", "--json"], emulatorStateFile: stateFile);

            Assert.Equal(130, process.ExitCode);
            Assert.Contains("arr: cancelled.", rest, StringComparison.Ordinal);
            Assert.Contains("\"status\": \"Stopped\"", shown.Out, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(stateFile);
        }
    }

    private static Process Start(string[] args, string? stateFile = null)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.Environment["ARR_EMULATOR_STATE_FILE"] = stateFile ?? Path.Combine(Path.GetTempPath(), $"arrsdk-process-test-{Guid.NewGuid():N}.json");
        info.ArgumentList.Add(Arr);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return Process.Start(info)!;
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string[] args)
    {
        using var process = Start(args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
