namespace ArrSdk.Authentication;

/// <summary>How token requests ride out transient STS failures (429, 5xx, timeouts, refused connections).</summary>
public sealed class StsRetryOptions
{
    /// <summary>Retries after the first attempt. Default 6.</summary>
    public int MaxRetryAttempts { get; set; } = 6;

    /// <summary>The first backoff; it doubles per retry, with jitter. Default 1 second.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest single backoff, also the cap on a <c>Retry-After</c> the STS sends. Default 30 seconds.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one attempt may take. Default 10 seconds.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The overall deadline for one token request, retries included. Default 2 minutes.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(2);
}
