using ArrSdk.Cli;

namespace ArrSdk.Cli.Tests;

/// <summary>Runs <c>arr</c> in-process with captured output and a given environment.</summary>
internal static class CliRun
{
    /// <summary>A state file no real <c>arr emulator</c> writes, so tests never find one another's emulators by accident.</summary>
    public static string IsolatedStateFile { get; } = Path.Combine(Path.GetTempPath(), $"arrsdk-test-{Guid.NewGuid():N}.json");

    public static async Task<CliResult> RunAsync(
        string[] args,
        IReadOnlyDictionary<string, string>? environment = null,
        HttpMessageHandler? handler = null,
        string? emulatorStateFile = null)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(output, error, name => environment is not null && environment.TryGetValue(name, out var value) ? value : null)
        {
            HttpHandler = handler,

            // Same retry behaviour, without waiting seconds between attempts.
            Retry = new ArrSdk.Authentication.StsRetryOptions { MaxRetryAttempts = 2, BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero },
            EmulatorStateFile = emulatorStateFile ?? IsolatedStateFile,
            PollInterval = TimeSpan.FromMilliseconds(50),
            TemporaryEmulatorOptions = static () => new ArrSdk.Emulator.ArrEmulatorOptions
            {
                SessionStartupTime = TimeSpan.FromMilliseconds(300),
                ConversionQueueTime = TimeSpan.FromMilliseconds(100),
                ConversionRunTime = TimeSpan.FromMilliseconds(300),
            },
        };
        var exitCode = await ArrCommandLine.RunAsync(args, context);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }
}

internal sealed record CliResult(int ExitCode, string Out, string Error)
{
    public string All => Out + Error;
}
