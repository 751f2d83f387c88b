using System.Diagnostics;
using ArrSdk.Authentication;

namespace ArrSdk.TokenMemory;

/// <summary>
/// Holds N accounts' tokens the way an application with many accounts does: one <see cref="StsTokenClient"/>, one
/// <see cref="AccessTokenCacheRegistry"/>, and per account <see cref="AccessTokenCacheRegistry.GetOrCreate"/> with
/// <see cref="AccessTokenCache.ForAccountKey"/>. That is also what <c>AddArrSdk</c> does inside, but a container holds
/// one account, so 10,000 accounts means this route. A snapshot follows each step, so the per-account cost splits into
/// the caller's credentials, the SDK's caches and the tokens.
/// </summary>
internal sealed class TokenMemoryRun(RunOptions options)
{
    // The emulator's lifetime (ArrEmulatorOptions.TokenLifetime): refresh is due after 10.8 hours at the earliest, so
    // on the real clock no token of a run that lasts seconds can turn stale, and the second pass must hit every time.
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(24);

    private readonly List<string> _failures = [];

    public async Task<RunResult> ExecuteAsync()
    {
        // The real clock, as an application has: a fake clock would keep its own list of Polly's timers and add memory
        // that production does not have.
        var clock = TimeProvider.System;
        using var tokens = new EmulatorShapedTokens(options.TokenPadding);
        using var sts = new InMemorySts(tokens, clock, TokenLifetime);
        var client = new StsTokenClient(sts, clock);

        // One pass over throwaway accounts first, so that JIT compilation, type loading and the first growth of the
        // GC heap land in the baseline, not in the per-account figures.
        await WarmUpAsync(client, sts);

        var n = options.Accounts;
        var credentials = new AccountKeyCredential[n];
        var held = new ArrAccessToken[n];
        var registry = new AccessTokenCacheRegistry();
        var creates = 0;
        AccessTokenCache Create(AccountKeyCredential credential)
        {
            creates++;
            return AccessTokenCache.ForAccountKey(credential, client);
        }

        // One delegate for every lookup: passing the local function itself would build a new one (64 B) per call, which
        // the per-lookup allocation below would then count against the registry.
        Func<AccountKeyCredential, AccessTokenCache> create = Create;

        var endpoint = StsEndpoints.Global;
        var baseline = MemorySnapshot.Take();

        for (var i = 0; i < n; i++)
        {
            var id = DemoAccounts.Id(1, i);
            credentials[i] = new AccountKeyCredential(id, DemoAccounts.Key(id), endpoint);
        }

        var afterCredentials = MemorySnapshot.Take();

        for (var i = 0; i < n; i++)
        {
            _ = registry.GetOrCreate(credentials[i], create);
        }

        var afterCaches = MemorySnapshot.Take();

        var fill = Stopwatch.StartNew();
        var allocatedBeforeFill = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < n; i++)
        {
            held[i] = await registry.GetOrCreate(credentials[i], create).GetTokenAsync();
        }

        fill.Stop();
        var fetchAllocation = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBeforeFill) / n;
        var afterTokens = MemorySnapshot.Take();
        Check(sts.Requests == n, $"first pass: {sts.Requests} STS requests for {n} accounts (expected one each)");
        Check(registry.Count == n && creates == n, $"registry holds {registry.Count} caches, {creates} created, for {n} accounts");

        // Second pass: every account again, through the same lookup. A hit completes synchronously with the very token
        // of the first pass, and the STS sees no request.
        var hits = Stopwatch.StartNew();
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var notSynchronous = 0;
        var notSame = 0;
        for (var i = 0; i < n; i++)
        {
            var pending = registry.GetOrCreate(credentials[i], create).GetTokenAsync();
            if (!pending.IsCompletedSuccessfully)
            {
                notSynchronous++;
            }

            if (!ReferenceEquals(await pending, held[i]))
            {
                notSame++;
            }
        }

        // Every hit completes synchronously (checked below), so the whole pass ran on this thread.
        var lookupAllocation = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / n;
        hits.Stop();
        var afterHits = MemorySnapshot.Take();
        Check(sts.Requests == n, $"second pass: {sts.Requests - n} STS requests (expected 0: all cache hits)");
        Check(notSynchronous == 0, $"second pass: {notSynchronous} lookups did not complete synchronously");
        Check(notSame == 0, $"second pass: {notSame} accounts returned a token other than the cached one");
        Check(creates == n, $"second pass: {creates - n} caches created anew");
        var (shortest, longest) = CheckTokens(credentials, held, clock.GetUtcNow());

        GC.KeepAlive(credentials);
        GC.KeepAlive(registry);
        return new RunResult(
            options,
            [
                new("baseline (SDK loaded, warm)", baseline),
                new("+ credentials", afterCredentials),
                new("+ caches in the registry", afterCaches),
                new("+ one token each (after)", afterTokens),
                new("after a second pass of hits", afterHits),
            ],
            shortest,
            longest,
            fill.Elapsed,
            fetchAllocation,
            hits.Elapsed,
            lookupAllocation,
            _failures);
    }

    private async Task WarmUpAsync(StsTokenClient client, InMemorySts sts)
    {
        var registry = new AccessTokenCacheRegistry();
        for (var i = 0; i < options.Warmup; i++)
        {
            var id = DemoAccounts.Id(0, i);
            var credential = new AccountKeyCredential(id, DemoAccounts.Key(id), StsEndpoints.Global);
            var cache = registry.GetOrCreate(credential, c => AccessTokenCache.ForAccountKey(c, client));
            _ = await cache.GetTokenAsync();
            _ = await registry.GetOrCreate(credential, c => AccessTokenCache.ForAccountKey(c, client)).GetTokenAsync();
        }

        Check(sts.Requests == options.Warmup, $"warm-up: {sts.Requests} STS requests for {options.Warmup} accounts");
        sts.ResetCount();

        // Let tiered compilation finish promoting what the warm-up made hot, so it does not do so mid-measurement.
        await Task.Delay(TimeSpan.FromMilliseconds(500));
    }

    private (int Shortest, int Longest) CheckTokens(AccountKeyCredential[] credentials, ArrAccessToken[] held, DateTimeOffset now)
    {
        var shortest = int.MaxValue;
        var longest = 0;
        var missing = 0;
        var wrongAccount = 0;
        var wrongExpiry = 0;
        for (var i = 0; i < held.Length; i++)
        {
            var token = held[i];
            if (token is null)
            {
                missing++;
                continue;
            }

            shortest = Math.Min(shortest, token.Token.Length);
            longest = Math.Max(longest, token.Token.Length);
            if (EmulatorShapedTokens.AccountIdOf(token.Token) != credentials[i].AccountId)
            {
                wrongAccount++;
            }

            // 24 hours from issue, issued during this run; second-granular exp allows a second either way.
            var remaining = token.ExpiresOn - now;
            if (remaining > TokenLifetime + TimeSpan.FromSeconds(1) || remaining < TokenLifetime - TimeSpan.FromMinutes(10))
            {
                wrongExpiry++;
            }
        }

        Check(missing == 0, $"{missing} accounts hold no token");
        Check(wrongAccount == 0, $"{wrongAccount} tokens carry another account's id");
        Check(wrongExpiry == 0, $"{wrongExpiry} tokens do not expire about 24 hours from now");
        return (missing == held.Length ? 0 : shortest, longest);
    }

    private void Check(bool condition, string failure)
    {
        if (!condition)
        {
            _failures.Add(failure);
        }
    }
}
