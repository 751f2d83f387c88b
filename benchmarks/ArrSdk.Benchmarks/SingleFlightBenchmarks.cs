using ArrSdk.Authentication;
using BenchmarkDotNet.Attributes;

namespace ArrSdk.Benchmarks;

/// <summary>
/// 1,000 concurrent callers arrive at an empty cache (a first request or an expired token): the time until all hold a
/// token, with an STS round trip simulated by a yield. Exactly one fetch must happen; the benchmark checks it.
/// </summary>
[MemoryDiagnoser]
public class SingleFlightBenchmarks
{
    [Params(1000)]
    public int Callers { get; set; }

    [Benchmark(Description = "1,000 concurrent callers at expiry: all get a token, 1 STS call")]
    public async Task<int> ConcurrentCallersAtExpiry()
    {
        var fetches = 0;
        var cache = new AccessTokenCache(async _ =>
        {
            Interlocked.Increment(ref fetches);
            await Task.Yield();
            return TestTokens.Issue(DateTimeOffset.UtcNow, TimeSpan.FromHours(24));
        });
        var callers = new Task<ArrAccessToken>[Callers];
        for (var i = 0; i < callers.Length; i++)
        {
            callers[i] = cache.GetTokenAsync().AsTask();
        }

        await Task.WhenAll(callers);
        return fetches == 1 ? fetches : throw new InvalidOperationException($"{fetches} fetches for one token.");
    }
}
