using System.Collections.Concurrent;

namespace ArrSdk.Tests.Infrastructure;

/// <summary>
/// Canary secrets: account keys used across the suite, plus every token the fake ARR API sees. Captured log lines and
/// exception messages are checked against them; finding one fails the test that produced it.
/// </summary>
internal static class Secrets
{
    public const string CanaryKey = "canary-account-key-7f3a9c";

    public static ConcurrentDictionary<string, byte> SeenTokens { get; } = new();

    public static void AssertAbsent(string? text, string where)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        Assert.False(text.Contains(CanaryKey, StringComparison.Ordinal), $"The account key leaked into {where}: {text}");
        foreach (var token in SeenTokens.Keys)
        {
            Assert.False(text.Contains(token, StringComparison.Ordinal), $"A token leaked into {where}.");
        }
    }

    public static void AssertNoSecretIn(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            AssertAbsent(current.Message, "an exception message");
        }

        AssertAbsent(exception.ToString(), "an exception's ToString()");
    }
}
