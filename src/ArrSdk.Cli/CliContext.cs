namespace ArrSdk.Cli;

/// <summary>What a command talks to: its output streams and environment. Tests supply their own.</summary>
/// <param name="Out">Standard output: results only.</param>
/// <param name="Error">Standard error: one line per problem.</param>
/// <param name="GetEnvironmentVariable">Reads an environment variable.</param>
internal sealed record CliContext(TextWriter Out, TextWriter Error, Func<string, string?> GetEnvironmentVariable)
{
    /// <summary>Optional handler for outgoing HTTP, so tests can observe or break the network path.</summary>
    public HttpMessageHandler? HttpHandler { get; init; }

    /// <summary>The clock used for token expiry reporting.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
