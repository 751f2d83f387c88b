namespace ArrSdk.Authentication;

/// <summary>
/// A token handed over as-is (for example by a back-end to a device): never refreshed; once it has expired every call
/// fails with a clear error instead of sending a dead token.
/// </summary>
public sealed class FixedAccessTokenProvider : IAccessTokenProvider
{
    private readonly ArrAccessToken _token;
    private readonly TimeProvider _timeProvider;

    /// <summary>Wraps a token whose expiry is read from its <c>exp</c> claim.</summary>
    /// <param name="token">The ARR access token (a JWT).</param>
    /// <param name="timeProvider">The clock.</param>
    /// <exception cref="ArgumentException">The token has no readable <c>exp</c>; pass the expiry explicitly.</exception>
    public FixedAccessTokenProvider(string token, TimeProvider? timeProvider = null)
        : this(new ArrAccessToken(token, JwtExpiry.TryRead(token, out var expiresOn)
            ? expiresOn
            : throw new ArgumentException("The fixed access token has no readable 'exp' claim; create an ArrAccessToken with its expiry instead.", nameof(token))), timeProvider)
    {
    }

    /// <summary>Wraps a token with a known expiry.</summary>
    /// <param name="token">The token.</param>
    /// <param name="timeProvider">The clock.</param>
    public FixedAccessTokenProvider(ArrAccessToken token, TimeProvider? timeProvider = null)
    {
        _token = token ?? throw new ArgumentNullException(nameof(token));
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc/>
    public ValueTask<ArrAccessToken> GetTokenAsync(CancellationToken cancellationToken = default)
        => _timeProvider.GetUtcNow() < _token.ExpiresOn
            ? new ValueTask<ArrAccessToken>(_token)
            : ValueTask.FromException<ArrAccessToken>(new StsRequestException(
                $"The fixed access token expired at {_token.ExpiresOn:O} and cannot be refreshed; supply a new token or use an account key.",
                statusCode: null,
                isTransient: false));

    /// <inheritdoc/>
    public void Invalidate(ArrAccessToken token)
    {
        // Nothing to refresh: the next call returns the same token, or the expiry error.
    }
}
