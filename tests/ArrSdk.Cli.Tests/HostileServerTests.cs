using System.Net;

namespace ArrSdk.Cli.Tests;

/// <summary>A server may send anything back; nothing it sends may leak the key or drive the terminal.</summary>
public sealed class HostileServerTests
{
    private const string AccountId = "0b7e3c9a-2f4d-4e6b-8a1c-5d9f7e3b2a10";
    private const string CanaryKey = "canary-cli-key-93f1";

    [Fact]
    public async Task A_server_echoing_the_Authorization_header_does_not_leak_a_key_from_the_environment()
    {
        var echo = new StubHandler(HttpStatusCode.Unauthorized, null)
        {
            Decorate = (request, response) => response.Headers.TryAddWithoutValidation("WWW-Authenticate", "Invalid token: got " + request.Headers.Authorization),
        };
        var environment = new Dictionary<string, string> { ["ARR_ACCOUNT_ID"] = AccountId, ["ARR_ACCOUNT_KEY"] = CanaryKey };

        var result = await CliRun.RunAsync(["token", "--sts-endpoint", "http://127.0.0.1:9"], environment, echo);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Invalid token: got Bearer " + AccountId + ":***", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(CanaryKey, result.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Control_characters_from_the_server_are_not_printed()
    {
        var escapes = new StubHandler((HttpStatusCode)418, null)
        {
            Decorate = (_, response) => response.Headers.TryAddWithoutValidation("WWW-Authenticate", "line1\u001b[31mRED\u001b[0m"),
        };

        var result = await CliRun.RunAsync(["token", "--account-id", AccountId, "--account-key", CanaryKey, "--sts-endpoint", "http://127.0.0.1:9"], handler: escapes);

        Assert.Equal(1, result.ExitCode);
        Assert.DoesNotContain('\u001b', result.Error);
        Assert.Contains("answered 418: line1[31mRED[0m", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_429_reports_the_Retry_After_it_was_given()
    {
        var throttled = new StubHandler(HttpStatusCode.TooManyRequests, null)
        {
            Decorate = (_, response) => response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(7)),
        };

        var result = await CliRun.RunAsync(["token", "--account-id", AccountId, "--account-key", CanaryKey, "--sts-endpoint", "http://127.0.0.1:9"], handler: throttled);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("retry after 7 s", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ä-ü-漢字", CanaryKey, "account id may contain only visible ASCII")]
    [InlineData(AccountId, "ключ", "account key may contain only visible ASCII")]
    [InlineData(AccountId, "with space", "account key may contain only visible ASCII")]
    public async Task Non_ascii_ids_and_keys_are_usage_errors_that_do_not_echo_the_value(string accountId, string accountKey, string expected)
    {
        var result = await CliRun.RunAsync(["token", "--account-id", accountId, "--account-key", accountKey, "--sts-endpoint", "http://127.0.0.1:9"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(accountKey, result.All, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("eastus.")]
    [InlineData("")]
    [InlineData("http://127.0.0.1:1/a?x=1")]
    [InlineData("https://user:pw@sts.example.com/")]
    public async Task Endpoints_that_cannot_be_an_STS_are_usage_errors(string endpoint)
    {
        var result = await CliRun.RunAsync(["token", "--account-id", AccountId, "--account-key", CanaryKey, "--sts-endpoint", endpoint]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--sts-endpoint", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("99999999999")]
    [InlineData("-1")]
    public async Task A_bad_port_is_one_line_and_exit_2(string port)
    {
        var result = await CliRun.RunAsync(["emulator", "--port", port]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--port", result.Error, StringComparison.Ordinal);
        Assert.InRange(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length, 1, 2);
    }

    [Fact]
    public async Task An_unknown_command_is_one_error_line_and_a_hint()
    {
        var result = await CliRun.RunAsync(["bogus"]);

        Assert.Equal(2, result.ExitCode);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(["arr: Unrecognized command or argument 'bogus'.", "Run 'arr --help' for usage."], lines);
    }
}
