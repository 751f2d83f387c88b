using ArrSdk.Authentication;
using ArrSdk.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace ArrSdk.Tests;

/// <summary>The cache returns the cached token until the refresh policy says otherwise, with a fake clock.</summary>
public sealed class AccessTokenCacheTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero));
    private int _fetches;

    [Fact]
    public async Task Returns_the_cached_token_until_the_refresh_time()
    {
        var cache = CreateCache();

        var first = await cache.GetTokenAsync();
        _time.Advance(TimeSpan.FromHours(10));
        var second = await cache.GetTokenAsync();

        Assert.Same(first, second);
        Assert.Equal(1, _fetches);
    }

    [Fact]
    public async Task Refreshes_after_about_half_the_lifetime_while_still_serving_the_old_token()
    {
        var cache = CreateCache();
        var first = await cache.GetTokenAsync();

        _time.Advance(TimeSpan.FromHours(13.5)); // past half of 24h plus the largest jitter (5% of 24h)
        var during = await cache.GetTokenAsync();
        var after = await WaitForNewTokenAsync(cache, first);

        Assert.Same(first, during);
        Assert.NotSame(first, after);
        Assert.Equal(2, _fetches);
    }

    [Fact]
    public async Task An_expired_token_is_never_returned()
    {
        var cache = CreateCache();
        var first = await cache.GetTokenAsync();

        _time.Advance(TimeSpan.FromHours(24));
        var second = await cache.GetTokenAsync();

        Assert.NotSame(first, second);
        Assert.True(second.ExpiresOn > _time.GetUtcNow());
    }

    [Fact]
    public async Task Concurrent_first_callers_share_one_fetch()
    {
        var gate = new TaskCompletionSource();
        var cache = new AccessTokenCache(
            async _ =>
            {
                Interlocked.Increment(ref _fetches);
                await gate.Task;
                return Issue();
            },
            timeProvider: _time);

        var callers = Enumerable.Range(0, 100).Select(_ => cache.GetTokenAsync().AsTask()).ToArray();
        gate.SetResult();
        var tokens = await Task.WhenAll(callers);

        Assert.Equal(1, _fetches);
        Assert.All(tokens, token => Assert.Same(tokens[0], token));
    }

    [Fact]
    public async Task Callers_arriving_while_the_fetch_completes_do_not_start_a_second_fetch()
    {
        // The benchmark found this race: a caller that saw an empty cache just before the fetch finished.
        for (var round = 0; round < 3000; round++)
        {
            var fetches = 0;
            var cache = new AccessTokenCache(
                async _ =>
                {
                    Interlocked.Increment(ref fetches);
                    await Task.Yield();
                    return Issue();
                },
                timeProvider: _time);

            var callers = new Task<ArrAccessToken>[300];
            for (var i = 0; i < callers.Length; i++)
            {
                callers[i] = cache.GetTokenAsync().AsTask();
            }

            await Task.WhenAll(callers);
            Assert.Equal(1, fetches);
        }
    }

    [Fact]
    public async Task A_caller_cancelling_its_wait_does_not_cancel_the_shared_fetch()
    {
        var gate = new TaskCompletionSource();
        var cache = new AccessTokenCache(
            async cancellationToken =>
            {
                Interlocked.Increment(ref _fetches);
                await gate.Task.WaitAsync(cancellationToken);
                return Issue();
            },
            timeProvider: _time);
        using var impatient = new CancellationTokenSource();

        var cancelled = cache.GetTokenAsync(impatient.Token).AsTask();
        var patient = cache.GetTokenAsync().AsTask();
        await impatient.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        gate.SetResult();

        Assert.NotNull(await patient);
        Assert.Equal(1, _fetches);
    }

    [Fact]
    public async Task Invalidate_forces_the_next_call_to_fetch()
    {
        var cache = CreateCache();
        var first = await cache.GetTokenAsync();

        cache.Invalidate(first);
        var second = await cache.GetTokenAsync();

        Assert.NotSame(first, second);
        Assert.Equal(2, _fetches);
    }

    [Fact]
    public void Refresh_policy_refreshes_at_half_life_within_the_jitter_and_never_after_the_last_usable_moment()
    {
        var policy = TokenRefreshPolicy.Default;
        var issued = _time.GetUtcNow();

        Assert.Equal(issued + TimeSpan.FromHours(24 * 0.45), policy.RefreshOn(issued, issued.AddHours(24), 0));
        Assert.Equal(issued + TimeSpan.FromHours(24 * 0.55), policy.RefreshOn(issued, issued.AddHours(24), 1));
        Assert.Equal(issued + TimeSpan.FromMinutes(5), policy.RefreshOn(issued, issued.AddMinutes(10), 0.5));
        Assert.Equal(issued, policy.RefreshOn(issued, issued.AddMinutes(-1), 0.5));
    }

    private AccessTokenCache CreateCache()
        => new(_ =>
        {
            Interlocked.Increment(ref _fetches);
            return Task.FromResult(Issue());
        }, timeProvider: _time);

    private StsTokenResult Issue()
    {
        var now = _time.GetUtcNow();
        return new StsTokenResult(new ArrAccessToken(JwtFactory.Expiring(now.AddHours(24)), now.AddHours(24)), now, HasExpiryClaim: true);
    }

    private static async Task<ArrAccessToken> WaitForNewTokenAsync(AccessTokenCache cache, ArrAccessToken old)
    {
        // The refresh runs in the background; wait for its observable effect, bounded, without sleeping for correctness.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var token = await cache.GetTokenAsync();
            if (!ReferenceEquals(token, old))
            {
                return token;
            }

            await Task.Yield();
            timeout.Token.ThrowIfCancellationRequested();
        }
    }
}
