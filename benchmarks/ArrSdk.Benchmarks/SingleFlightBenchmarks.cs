using ArrSdk.Authentication;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Time.Testing;

namespace ArrSdk.Benchmarks;

/// <summary>
/// 1,000 concurrent callers arrive just after the cached token expired: the time until all hold a fresh token, with the
/// STS round trip simulated by a yield. Each invocation primes a cache on a fake clock (one fetch, included in the time),
/// moves the clock past the token's expiry, then releases the callers; exactly one more fetch must happen, or the
/// benchmark fails.
/// </summary>
[MemoryDiagnoser]
public class SingleFlightBenchmarks
{
    [Params(1000)]
    public int Callers { get; set; }

    [Benchmark(Description = "1,000 concurrent callers at expiry: all get a token, 1 STS call")]
    public async Task<int> ConcurrentCallersAtExpiry()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var fetches = 0;
        var cache = new AccessTokenCache(
            async _ =>
            {
                Interlocked.Increment(ref fetches);
                await Task.Yield();
                return TestTokens.Issue(clock.GetUtcNow(), TimeSpan.FromHours(24));
            },
            timeProvider: clock);
        var expired = await cache.GetTokenAsync();
        clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));

        var callers = new Task<ArrAccessToken>[Callers];
        for (var i = 0; i < callers.Length; i++)
        {
            callers[i] = cache.GetTokenAsync().AsTask();
        }

        var tokens = await Task.WhenAll(callers);
        if (fetches != 2 || tokens.Any(token => token.ExpiresOn <= clock.GetUtcNow() || ReferenceEquals(token, expired)))
        {
            throw new InvalidOperationException($"{fetches - 1} fetches at expiry for one token, or a caller got the expired one.");
        }

        return fetches - 1;
    }
}
