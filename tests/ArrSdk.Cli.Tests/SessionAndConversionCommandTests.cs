using System.Text.Json;
using ArrSdk.Cli;
using ArrSdk.Emulator;

namespace ArrSdk.Cli.Tests;

/// <summary><c>arr session …</c> and <c>arr conversion …</c> against the emulator.</summary>
public sealed class SessionAndConversionCommandTests
{
    private const string AccountId = "7e6d5c4b-3a29-4180-9f7e-6d5c4b3a2918";
    private const string CanaryKey = "canary-cli-key-93f1";

    [Fact]
    public async Task Session_start_with_wait_shows_progress_and_ends_Ready()
    {
        var result = await CliRun.RunAsync(["session", "start", "--emulator", "--wait", "--id", "cli-1", "--lease", "00:45:00", "--json"]);

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal("Ready", json.RootElement.GetProperty("status").GetString());
        Assert.Equal(45, json.RootElement.GetProperty("maxLeaseTimeMinutes").GetInt32());
        Assert.Contains("cli-1: Starting", result.Error, StringComparison.Ordinal);
        Assert.Contains("cli-1: Ready", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Commands_share_a_running_emulator_across_invocations()
    {
        await using var emulator = await ArrEmulator.StartAsync(new ArrEmulatorOptions { SessionStartupTime = TimeSpan.FromMilliseconds(200) });
        var stateFile = Path.Combine(Path.GetTempPath(), $"arrsdk-shared-{Guid.NewGuid():N}.json");
        EmulatorConnection.Announce(stateFile, emulator.BaseAddress);
        try
        {
            Task<CliResult> Run(params string[] args) => CliRun.RunAsync([.. args, "--emulator"], emulatorStateFile: stateFile);

            var started = await Run("session", "start", "--id", "shared-1", "--size", "premium", "--lease", "30");
            var listed = await Run("session", "list");
            var extended = await Run("session", "extend", "--id", "shared-1", "--by", "15");
            var stopped = await Run("session", "stop", "--id", "shared-1");
            var shown = await Run("session", "show", "--id", "shared-1", "--json");

            Assert.Equal(0, started.ExitCode);
            Assert.Contains("Status:    Starting", started.Out, StringComparison.Ordinal);
            Assert.DoesNotContain("temporary emulator", started.Error, StringComparison.Ordinal);
            Assert.Contains("shared-1", listed.Out, StringComparison.Ordinal);
            Assert.Contains("Lease:     45 min", extended.Out, StringComparison.Ordinal);
            Assert.Equal("Session shared-1 stopped.", stopped.Out.Trim());
            Assert.Equal("Stopped", JsonDocument.Parse(shown.Out).RootElement.GetProperty("status").GetString());
            Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(shown.Out).RootElement.GetProperty("error").ValueKind);

            var restarted = await Run("session", "start", "--id", "shared-1", "--size", "premium", "--lease", "30");
            Assert.Equal(2, restarted.ExitCode);
            Assert.Contains("already exists and is Stopped", restarted.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(stateFile);
        }
    }

    [Fact]
    public async Task A_state_file_whose_process_id_now_belongs_to_another_process_is_ignored()
    {
        // An emulator that was killed left its file behind, and its PID now belongs to a live process (this one,
        // started at another time); the address in the file has nothing listening.
        var closed = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        closed.Start();
        var deadAddress = $"http://127.0.0.1:{((System.Net.IPEndPoint)closed.LocalEndpoint).Port}/";
        closed.Stop();
        var stateFile = Path.Combine(Path.GetTempPath(), $"arrsdk-stale-{Guid.NewGuid():N}.json");
        var stale = new EmulatorState(deadAddress, Environment.ProcessId, DateTimeOffset.UtcNow.AddDays(-30));
        await File.WriteAllTextAsync(stateFile, JsonSerializer.Serialize(stale, ArrSdk.Cli.Commands.CliJsonContext.Default.EmulatorState));
        try
        {
            var result = await CliRun.RunAsync(["session", "start", "--emulator", "--id", "after-stale"], emulatorStateFile: stateFile);

            Assert.Equal(0, result.ExitCode);
            Assert.Contains("started a temporary emulator", result.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(stateFile);
        }
    }

    [Fact]
    public async Task Conversion_start_with_wait_lists_and_shows()
    {
        await using var emulator = await ArrEmulator.StartAsync(new ArrEmulatorOptions { ConversionQueueTime = TimeSpan.FromMilliseconds(50), ConversionRunTime = TimeSpan.FromMilliseconds(1500) });
        var stateFile = Path.Combine(Path.GetTempPath(), $"arrsdk-shared-{Guid.NewGuid():N}.json");
        EmulatorConnection.Announce(stateFile, emulator.BaseAddress);
        try
        {
            var started = await CliRun.RunAsync(
                ["conversion", "start", "--emulator", "--wait", "--id", "conv-1", "--input-container", "https://contoso.blob.core.windows.net/arrinput", "--input", "house.fbx",
                 "--output-container", "https://contoso.blob.core.windows.net/arroutput", "--output-prefix", "out"], emulatorStateFile: stateFile);
            var shown = await CliRun.RunAsync(["conversion", "show", "--emulator", "--id", "conv-1", "--json"], emulatorStateFile: stateFile);
            var listed = await CliRun.RunAsync(["conversion", "list", "--emulator"], emulatorStateFile: stateFile);

            Assert.Equal(0, started.ExitCode);
            Assert.Contains("Output:     https://contoso.blob.core.windows.net/arroutput/out/house.arrAsset", started.Out, StringComparison.Ordinal);
            Assert.Contains("conv-1: Running", started.Error, StringComparison.Ordinal);
            Assert.Equal("Succeeded", JsonDocument.Parse(shown.Out).RootElement.GetProperty("status").GetString());
            Assert.Contains("conv-1", listed.Out, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(stateFile);
        }
    }

    [Fact]
    public async Task Settings_come_from_an_official_style_arrconfig_json()
    {
        var options = new ArrEmulatorOptions();
        options.Accounts.Add(new EmulatorAccount(AccountId, CanaryKey));
        await using var emulator = await ArrEmulator.StartAsync(options);
        var config = Path.Combine(Path.GetTempPath(), $"arrconfig-{Guid.NewGuid():N}.json");
        var template = await File.ReadAllTextAsync(Path.Combine(RealData.Root, "azure-remote-rendering", "Scripts", "arrconfig.json"));
        using (var document = JsonDocument.Parse(template.TrimStart('\uFEFF')))
        {
            Assert.True(document.RootElement.TryGetProperty("accountSettings", out _));
        }

        // The official template, filled in the way its placeholders ask.
        var filled = template
            .Replace("<fill in the account ID from the Azure Portal>", AccountId, StringComparison.Ordinal)
            .Replace("<fill in the account key from the Azure Portal>", CanaryKey, StringComparison.Ordinal)
            .Replace("\"<select from available regions: australiaeast, eastus, eastus2, japaneast, northeurope, southcentralus, southeastasia, uksouth, westeurope, westus2 or specify the full url>\"", $"\"{emulator.BaseAddress}\"", StringComparison.Ordinal)
            .Replace("<standard or premium>", "standard", StringComparison.Ordinal)
            .Replace("<hh:mm:ss>", "00:20:00", StringComparison.Ordinal);
        await File.WriteAllTextAsync(config, filled);
        try
        {
            var result = await CliRun.RunAsync(["session", "start", "--config", config, "--id", "from-config"]);

            Assert.Equal(0, result.ExitCode);
            Assert.Contains("Lease:     20 min", result.Out, StringComparison.Ordinal);
            Assert.DoesNotContain(CanaryKey, result.All, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(config);
        }
    }

    [Fact]
    public async Task The_unfilled_official_template_counts_as_no_settings()
    {
        var template = Path.Combine(RealData.Root, "azure-remote-rendering", "Scripts", "arrconfig.json");

        var result = await CliRun.RunAsync(["session", "list", "--config", template]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("No account id", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_config_file_is_named_with_the_line_and_column_an_editor_shows()
    {
        var config = Path.Combine(Path.GetTempPath(), $"arrconfig-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(config, "{\n  \"accountSettings\": {\n    \"arrAccountId\": oops\n  }\n}\n");
        try
        {
            var result = await CliRun.RunAsync(["session", "list", "--config", config]);

            Assert.Equal(2, result.ExitCode);
            Assert.Contains($"The config file '{config}' is not valid JSON (line 3, column 21):", result.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("LineNumber", result.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(config);
        }
    }

    [Theory]
    [InlineData(new[] { "session", "show", "--emulator", "--id", "missing" }, 1, "does not exist (404)")]
    [InlineData(new[] { "session", "start", "--emulator", "--id", "bad id" }, 2, "not a valid id")]
    [InlineData(new[] { "session", "start", "--emulator", "--lease", "forever" }, 2, "--lease 'forever' is not a duration")]
    [InlineData(new[] { "session", "start", "--emulator", "--lease", "25:00:00" }, 2, "--lease: A lease must be between 1 minute and 1440 minutes")]
    [InlineData(new[] { "session", "start", "--emulator", "--size", "huge" }, 2, "--size 'huge' must be Standard or Premium")]
    [InlineData(new[] { "session", "extend", "--emulator", "--id", "x" }, 2, "--by")]
    [InlineData(new[] { "session", "start", "--emulator", "--lease", "99999999999:00:00" }, 2, "far too long")]
    [InlineData(new[] { "session", "start", "--emulator", "--lease", "99999999999" }, 2, "far too long")]
    [InlineData(new[] { "session", "start", "--emulator", "--lease", "00:00:30" }, 2, "shorter than one minute")]
    [InlineData(new[] { "session", "start", "--emulator", "--lease", "01:60:00" }, 2, "is not a duration")]
    [InlineData(new[] { "session", "show", "--config", "/nonexistent/arrconfig.json", "--id", "x" }, 2, "does not exist")]
    [InlineData(new[] { "conversion", "start", "--emulator", "--input", "a.fbx" }, 2, "No input container")]
    [InlineData(new[] { "conversion", "start", "--emulator", "--input", "a.fbx", "--input-container", "notaurl", "--output-container", "https://a.blob.core.windows.net/out" }, 2, "--input-container 'notaurl' is not a blob container URI")]
    [InlineData(new[] { "conversion", "start", "--emulator", "--input", "a.fbx", "--input-container", "https://a.blob.core.windows.net/in", "--output-container", "ftp://x/out" }, 2, "--output-container 'ftp://x/out' is not a blob container URI")]
    [InlineData(new[] { "conversion", "show", "--emulator" }, 2, "--id")]
    public async Task Errors_are_one_clear_line(string[] args, int exitCode, string expected)
    {
        var result = await CliRun.RunAsync(args);

        Assert.Equal(exitCode, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }
}
