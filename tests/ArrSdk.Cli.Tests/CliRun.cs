using ArrSdk.Cli;

namespace ArrSdk.Cli.Tests;

/// <summary>Runs <c>arr</c> in-process with captured output and a given environment.</summary>
internal static class CliRun
{
    public static async Task<CliResult> RunAsync(
        string[] args,
        IReadOnlyDictionary<string, string>? environment = null,
        HttpMessageHandler? handler = null)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(output, error, name => environment is not null && environment.TryGetValue(name, out var value) ? value : null)
        {
            HttpHandler = handler,

            // Same retry behaviour, without waiting seconds between attempts.
            Retry = new ArrSdk.Authentication.StsRetryOptions { MaxRetryAttempts = 2, BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero },
        };
        var exitCode = await ArrCommandLine.RunAsync(args, context);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }
}

internal sealed record CliResult(int ExitCode, string Out, string Error)
{
    public string All => Out + Error;
}
