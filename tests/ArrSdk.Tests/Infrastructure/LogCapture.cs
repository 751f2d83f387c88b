using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ArrSdk.Tests.Infrastructure;

/// <summary>Collects every log line (with its exception) so tests can read them and check them for secrets.</summary>
internal sealed class LogCapture : ILoggerProvider, ILoggerFactory
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    /// <summary>Fails if any captured line holds the canary key or a token the fake API saw.</summary>
    public void AssertNoSecrets()
    {
        foreach (var line in Lines)
        {
            Secrets.AssertAbsent(line, "a log line");
        }
    }

    private sealed class CapturingLogger(LogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = $"{logLevel} {category}: {formatter(state, exception)} {exception}";
            owner.Lines.Enqueue(line);
        }
    }
}
