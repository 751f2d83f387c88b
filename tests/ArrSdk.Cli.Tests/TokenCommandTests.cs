using System.Net;
using System.Text.Json;
using ArrSdk.Emulator;

namespace ArrSdk.Cli.Tests;

public sealed class TokenCommandTests
{
    private const string AccountId = "0b7e3c9a-2f4d-4e6b-8a1c-5d9f7e3b2a10";
    private const string CanaryKey = "canary-cli-key-93f1";

    [Fact]
    public async Task Emulator_prints_token_expiry_and_MS_CV()
    {
        var result = await CliRun.RunAsync(["token", "--emulator"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Error);
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.StartsWith("Access token: ey", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("Expires on:", lines[1], StringComparison.Ordinal);
        Assert.Contains("(in 23h 59m)", lines[1], StringComparison.Ordinal);
        Assert.Matches("^MS-CV: +[A-Za-z0-9+/]{22}$", lines[2]);
    }

    [Fact]
    public async Task Json_prints_one_object_with_token_expiry_and_MS_CV()
    {
        var result = await CliRun.RunAsync(["token", "--emulator", "--json"]);

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal(3, json.RootElement.GetProperty("accessToken").GetString()!.Split('.').Length);
        var expiresOn = json.RootElement.GetProperty("expiresOn").GetDateTimeOffset();
        Assert.InRange(expiresOn - DateTimeOffset.UtcNow, TimeSpan.FromHours(23.9), TimeSpan.FromHours(24.1));
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("msCv").GetString()));
    }

    [Fact]
    public async Task Account_settings_come_from_environment_variables_and_the_key_is_never_printed()
    {
        await using var emulator = await StartEmulatorAsync();
        var environment = new Dictionary<string, string>
        {
            ["ARR_ACCOUNT_ID"] = AccountId,
            ["ARR_ACCOUNT_KEY"] = CanaryKey,
            ["ARR_STS_ENDPOINT"] = emulator.BaseAddress.ToString(),
        };

        var result = await CliRun.RunAsync(["token"], environment);

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("Access token: ", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(CanaryKey, result.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Options_override_environment_variables()
    {
        await using var emulator = await StartEmulatorAsync();
        var environment = new Dictionary<string, string> { ["ARR_ACCOUNT_KEY"] = "wrong" };

        var result = await CliRun.RunAsync(
            ["token", "--account-id", AccountId, "--account-key", CanaryKey, "--sts-endpoint", emulator.BaseAddress.ToString()], environment);

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain(CanaryKey, result.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_key_prints_one_line_with_the_401_and_exits_1()
    {
        await using var emulator = await StartEmulatorAsync();

        var result = await CliRun.RunAsync(
            ["token", "--account-id", AccountId, "--account-key", "wrong-" + CanaryKey, "--sts-endpoint", emulator.BaseAddress.ToString()]);

        Assert.Equal(1, result.ExitCode);
        Assert.Empty(result.Out);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("401", line, StringComparison.Ordinal);
        Assert.Contains("MS-CV", line, StringComparison.Ordinal);
        Assert.DoesNotContain(CanaryKey, result.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreachable_endpoint_prints_one_line_and_exits_1()
    {
        var port = FreePort();

        var result = await CliRun.RunAsync(["token", "--account-id", AccountId, "--account-key", CanaryKey, "--sts-endpoint", $"http://127.0.0.1:{port}"]);

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("could not be reached", line, StringComparison.Ordinal);
        Assert.DoesNotContain(CanaryKey, result.All, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("""{"Token": "x"}""")]
    [InlineData("""{"AccessToken": ""}""")]
    [InlineData("""{"AccessToken": 42}""")]
    public async Task Malformed_reply_prints_one_line_and_exits_1(string body)
    {
        var result = await CliRun.RunAsync(
            ["token", "--account-id", AccountId, "--account-key", CanaryKey, "--sts-endpoint", "http://127.0.0.1:9"],
            handler: new StubHandler(HttpStatusCode.OK, body));

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("answered 200 with", line, StringComparison.Ordinal);
        Assert.Contains("stub-cv", line, StringComparison.Ordinal);
        Assert.DoesNotContain(CanaryKey, result.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Throttled_reply_reports_429()
    {
        var result = await CliRun.RunAsync(
            ["token", "--account-id", AccountId, "--account-key", CanaryKey, "--sts-endpoint", "http://127.0.0.1:9"],
            handler: new StubHandler(HttpStatusCode.TooManyRequests, null));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("429", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "token", "--bogus" }, "--bogus")]
    [InlineData(new[] { "tokn" }, "tokn")]
    [InlineData(new[] { "token" }, "No account id")]
    [InlineData(new[] { "token", "--account-id", AccountId }, "No account key")]
    [InlineData(new[] { "token", "--emulator", "--account-id", AccountId }, "--emulator uses the emulator's demo account")]
    [InlineData(new[] { "token", "--account-id", AccountId, "--account-key", CanaryKey, "--sts-endpoint", "ftp://example.com" }, "not an http(s) URL")]
    [InlineData(new[] { "token", "--account-id", AccountId, "--account-key", CanaryKey, "--sts-endpoint", "http://example.com" }, "only https is allowed")]
    [InlineData(new[] { "token", "--account-id", AccountId, "--account-key", CanaryKey, "--sts-endpoint", "not a region!" }, "neither a region name")]
    [InlineData(new[] { "emulator", "--port", "70000" }, "--port must be between 0 and 65535")]
    public async Task Bad_arguments_say_what_is_wrong_and_exit_2(string[] args, string expected)
    {
        var result = await CliRun.RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Out);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(CanaryKey, result.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_the_commands()
    {
        var result = await CliRun.RunAsync(["--help"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("token", result.Out, StringComparison.Ordinal);
        Assert.Contains("emulator", result.Out, StringComparison.Ordinal);
    }

    private static async Task<ArrEmulator> StartEmulatorAsync()
    {
        var options = new ArrEmulatorOptions();
        options.Accounts.Add(new EmulatorAccount(AccountId, CanaryKey));
        return await ArrEmulator.StartAsync(options);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
