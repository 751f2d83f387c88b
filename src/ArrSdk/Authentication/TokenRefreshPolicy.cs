namespace ArrSdk.Authentication;

/// <summary>
/// The one place that decides when a cached token is refreshed and when it may no longer be used.
/// By default a token is refreshed after about half of its lifetime (as MSAL's refresh_in does), so an STS outage of
/// hours is ridden out on the token already held, with jitter so a fleet of processes does not refresh in the same second.
/// </summary>
public sealed class TokenRefreshPolicy
{
    /// <summary>The default policy.</summary>
    public static TokenRefreshPolicy Default { get; } = new();

    /// <summary>The share of a token's lifetime after which a refresh starts. Default 0.5.</summary>
    public double RefreshAfterLifetimeFraction { get; init; } = 0.5;

    /// <summary>The spread applied to the refresh time, as a share of the lifetime (±). Default 0.05.</summary>
    public double Jitter { get; init; } = 0.05;

    /// <summary>A token counts as expired this long before its expiry, for clock skew and request time. Default 5 minutes.</summary>
    public TimeSpan ExpiryMargin { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The first wait after a failed background refresh; it doubles up to <see cref="MaximumRetryDelay"/>. Default 5 seconds.</summary>
    public TimeSpan InitialRetryDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest wait between background refresh attempts. Default 5 minutes.</summary>
    public TimeSpan MaximumRetryDelay { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Whether <paramref name="token"/> may still be sent at <paramref name="now"/>.</summary>
    /// <param name="token">The token.</param>
    /// <param name="now">The current time.</param>
    /// <returns>True while the token is outside the expiry margin.</returns>
    public bool IsUsable(ArrAccessToken token, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(token);
        return now < token.ExpiresOn - ExpiryMargin;
    }

    /// <summary>When a token issued at <paramref name="issuedAt"/> should be refreshed.</summary>
    /// <param name="issuedAt">When it was received.</param>
    /// <param name="expiresOn">When it expires.</param>
    /// <param name="random">A uniform random number in [0, 1) that spreads the refresh time.</param>
    /// <returns>The refresh time, never later than the last usable moment.</returns>
    public DateTimeOffset RefreshOn(DateTimeOffset issuedAt, DateTimeOffset expiresOn, double random)
    {
        var lifetime = expiresOn - issuedAt;
        if (lifetime <= TimeSpan.Zero)
        {
            return issuedAt;
        }

        var fraction = Math.Clamp(RefreshAfterLifetimeFraction + (((random * 2) - 1) * Jitter), 0, 1);
        var refreshOn = issuedAt + (lifetime * fraction);
        var lastUsable = expiresOn - ExpiryMargin;
        return refreshOn < lastUsable ? refreshOn : lastUsable;
    }

    /// <summary>How long to wait after <paramref name="failures"/> consecutive failed refreshes.</summary>
    /// <param name="failures">How many refreshes failed in a row (1 or more).</param>
    /// <param name="random">A uniform random number in [0, 1) for jitter.</param>
    /// <returns>The delay, with up to 20% jitter.</returns>
    public TimeSpan RetryDelay(int failures, double random)
    {
        var exponent = Math.Min(Math.Max(failures - 1, 0), 20);
        var delay = InitialRetryDelay * Math.Pow(2, exponent);
        if (delay > MaximumRetryDelay)
        {
            delay = MaximumRetryDelay;
        }

        return delay * (0.8 + (0.2 * random));
    }
}
