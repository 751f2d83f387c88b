using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ArrSdk.Authentication;

/// <summary>
/// Caches one account's token and refreshes it as <see cref="TokenRefreshPolicy"/> says.
/// A cache hit takes no lock and allocates nothing. Concurrent callers that find no usable token share one fetch
/// (single flight); a caller's cancellation ends only its own wait. While the cached token is still usable a failed
/// refresh is not the caller's problem: the old token is served and the refresh is retried with backoff.
/// </summary>
public sealed partial class AccessTokenCache : IAccessTokenProvider
{
    private readonly Func<CancellationToken, Task<StsTokenResult>> _fetch;
    private readonly TokenRefreshPolicy _policy;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private CacheEntry? _entry;
    private Task<ArrAccessToken>? _inflight;
    private int _failures;
    private DateTimeOffset _nextAttempt;

    /// <summary>Creates a cache over <paramref name="fetch"/>, which asks the STS for a new token.</summary>
    /// <param name="fetch">Fetches a token; it receives no caller's cancellation, since its result is shared.</param>
    /// <param name="policy">When to refresh; <see cref="TokenRefreshPolicy.Default"/> when omitted.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="logger">Where to log; never receives a token or key.</param>
    public AccessTokenCache(
        Func<CancellationToken, Task<StsTokenResult>> fetch,
        TokenRefreshPolicy? policy = null,
        TimeProvider? timeProvider = null,
        ILogger? logger = null)
    {
        _fetch = fetch ?? throw new ArgumentNullException(nameof(fetch));
        _policy = policy ?? TokenRefreshPolicy.Default;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>
    /// Creates a cache for an account key credential whose token requests ride out transient STS failures with the
    /// <see cref="StsResilience"/> pipeline.
    /// </summary>
    /// <param name="credential">The account.</param>
    /// <param name="client">The STS client.</param>
    /// <param name="policy">When to refresh.</param>
    /// <param name="retry">How to retry a token request.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="logger">Where to log.</param>
    /// <returns>The cache.</returns>
    public static AccessTokenCache ForAccountKey(
        AccountKeyCredential credential,
        StsTokenClient client,
        TokenRefreshPolicy? policy = null,
        StsRetryOptions? retry = null,
        TimeProvider? timeProvider = null,
        ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(credential);
        ArgumentNullException.ThrowIfNull(client);
        var pipeline = StsResilience.SharedOrCreate(retry, timeProvider);
        return new AccessTokenCache(cancellationToken => pipeline.RequestTokenAsync(client, credential, cancellationToken), policy, timeProvider, logger);
    }

    /// <summary>
    /// Creates a cache over a caller-supplied source of ARR tokens (for back-ends that hand tokens to devices).
    /// The expiry is read from each token's <c>exp</c> claim; 24 hours when it has none.
    /// </summary>
    /// <param name="tokenSource">Returns a fresh ARR access token (a JWT).</param>
    /// <param name="policy">When to refresh.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="logger">Where to log.</param>
    /// <returns>The cache.</returns>
    public static AccessTokenCache ForDelegate(
        Func<CancellationToken, ValueTask<string>> tokenSource,
        TokenRefreshPolicy? policy = null,
        TimeProvider? timeProvider = null,
        ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(tokenSource);
        var clock = timeProvider ?? TimeProvider.System;
        return new AccessTokenCache(
            async cancellationToken =>
            {
                var token = await tokenSource(cancellationToken).ConfigureAwait(false);
                if (string.IsNullOrWhiteSpace(token))
                {
                    throw new StsRequestException("The token delegate returned no token.", statusCode: null, isTransient: true);
                }

                var issuedAt = clock.GetUtcNow();
                var hasExpiry = JwtExpiry.TryRead(token, out var expiresOn);
                return new StsTokenResult(new ArrAccessToken(token, hasExpiry ? expiresOn : issuedAt + StsTokenClient.DefaultTokenLifetime), issuedAt, hasExpiry);
            },
            policy,
            clock,
            logger);
    }

    /// <inheritdoc/>
    public ValueTask<ArrAccessToken> GetTokenAsync(CancellationToken cancellationToken = default)
    {
        var entry = Volatile.Read(ref _entry);
        if (entry is not null)
        {
            var now = _timeProvider.GetUtcNow();
            if (now < entry.RefreshOn && _policy.IsUsable(entry.Token, now))
            {
                return new ValueTask<ArrAccessToken>(entry.Token);
            }

            if (_policy.IsUsable(entry.Token, now))
            {
                RefreshInBackground(now);
                return new ValueTask<ArrAccessToken>(entry.Token);
            }
        }

        var pending = StartFetch();
        return pending.IsCompletedSuccessfully ? new ValueTask<ArrAccessToken>(pending.Result) : new ValueTask<ArrAccessToken>(pending.WaitAsync(cancellationToken));
    }

    /// <inheritdoc/>
    public void Invalidate(ArrAccessToken token)
    {
        lock (_gate)
        {
            if (_entry is not null && ReferenceEquals(_entry.Token, token))
            {
                _entry = null;
            }
        }
    }

    private void RefreshInBackground(DateTimeOffset now)
    {
        Task<ArrAccessToken> refresh;
        lock (_gate)
        {
            if (_inflight is not null || now < _nextAttempt)
            {
                return;
            }

            refresh = _inflight = FetchAsync();
        }

        // Observe the outcome so a failed background refresh never surfaces as an unobserved task exception.
        _ = refresh.ContinueWith(static task => _ = task.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private Task<ArrAccessToken> StartFetch()
    {
        lock (_gate)
        {
            // A fetch may have finished between the caller's lock-free look at the cache and this lock: use its token
            // rather than starting a second fetch.
            if (_entry is { } entry && _policy.IsUsable(entry.Token, _timeProvider.GetUtcNow()))
            {
                return Task.FromResult(entry.Token);
            }

            return _inflight ??= FetchAsync();
        }
    }

    private async Task<ArrAccessToken> FetchAsync()
    {
        // Run the fetch off the caller's stack so the lock in StartFetch is released before any work starts.
        await Task.Yield();
        try
        {
            var result = await _fetch(CancellationToken.None).ConfigureAwait(false);
            var token = result.Token;
            var refreshOn = _policy.RefreshOn(result.IssuedAt, token.ExpiresOn, Random.Shared.NextDouble());
            if (!result.HasExpiryClaim)
            {
                LogNoExpiryClaim(_logger, token.ExpiresOn, token.CorrelationVector);
            }

            LogTokenIssued(_logger, token.ExpiresOn, refreshOn, token.CorrelationVector);
            lock (_gate)
            {
                _entry = new CacheEntry(token, refreshOn);
                _failures = 0;
                _inflight = null;
            }

            return token;
        }
        catch (Exception exception)
        {
            lock (_gate)
            {
                _failures++;
                _nextAttempt = _timeProvider.GetUtcNow() + _policy.RetryDelay(_failures, Random.Shared.NextDouble());
                _inflight = null;
            }

            LogRefreshFailed(_logger, _failures, (exception as StsRequestException)?.CorrelationVector, exception.Message);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The STS token has no readable 'exp' claim; assuming it expires at {ExpiresOn:O} (MS-CV {CorrelationVector}).")]
    private static partial void LogNoExpiryClaim(ILogger logger, DateTimeOffset expiresOn, string? correlationVector);

    [LoggerMessage(Level = LogLevel.Information, Message = "Received an ARR access token that expires at {ExpiresOn:O}; it will be refreshed from {RefreshOn:O} (MS-CV {CorrelationVector}).")]
    private static partial void LogTokenIssued(ILogger logger, DateTimeOffset expiresOn, DateTimeOffset refreshOn, string? correlationVector);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Token refresh failed ({Failures} in a row, MS-CV {CorrelationVector}): {Reason}")]
    private static partial void LogRefreshFailed(ILogger logger, int failures, string? correlationVector, string reason);

    private sealed record CacheEntry(ArrAccessToken Token, DateTimeOffset RefreshOn);
}
