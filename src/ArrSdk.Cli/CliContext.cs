namespace ArrSdk.Cli;

/// <summary>What a command talks to: its output streams and environment. Tests supply their own.</summary>
/// <param name="Out">Standard output: results only.</param>
/// <param name="Error">Standard error: one line per problem.</param>
/// <param name="GetEnvironmentVariable">Reads an environment variable.</param>
internal sealed record CliContext(TextWriter Out, TextWriter Error, Func<string, string?> GetEnvironmentVariable)
{
    /// <summary>Optional handler for outgoing HTTP, so tests can observe or break the network path.</summary>
    public HttpMessageHandler? HttpHandler { get; init; }

    /// <summary>Where <c>arr emulator</c> says it is running, for <c>--emulator</c> in other commands.</summary>
    public string EmulatorStateFile { get; init; } = Path.Combine(Path.GetTempPath(), $"arrsdk-emulator-{Environment.UserName}.json");

    /// <summary>The settings of an emulator that <c>--emulator</c> starts for one command.</summary>
    public Func<ArrSdk.Emulator.ArrEmulatorOptions> TemporaryEmulatorOptions { get; init; } = static () => EmulatorConnection.InteractiveOptions();

    /// <summary>How often <c>--wait</c> polls when the service gives no Retry-After.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The clock used for token expiry reporting.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// How a command retries transient STS failures: briefly, since a person is waiting (a service uses the longer
    /// <see cref="ArrSdk.Authentication.StsRetryOptions"/> defaults).
    /// </summary>
    public ArrSdk.Authentication.StsRetryOptions Retry { get; init; } = new()
    {
        MaxRetryAttempts = 2,
        BaseDelay = TimeSpan.FromSeconds(1),
        AttemptTimeout = TimeSpan.FromSeconds(10),
        TotalTimeout = TimeSpan.FromSeconds(30),
    };
}
