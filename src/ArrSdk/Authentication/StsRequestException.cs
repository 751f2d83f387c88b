using System.Net;

namespace ArrSdk.Authentication;

/// <summary>
/// The STS did not issue a token. Carries what the service said (status, <c>MS-CV</c>, <c>WWW-Authenticate</c>,
/// <c>Retry-After</c>); the message never contains the account key or a token.
/// </summary>
public sealed class StsRequestException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong, free of secrets.</param>
    /// <param name="statusCode">The HTTP status, when a response arrived.</param>
    /// <param name="correlationVector">The response's <c>MS-CV</c>.</param>
    /// <param name="wwwAuthenticate">The response's <c>WWW-Authenticate</c>.</param>
    /// <param name="retryAfter">The response's <c>Retry-After</c>, as a delay.</param>
    /// <param name="innerException">The underlying failure.</param>
    /// <param name="isTransient">Overrides the status-based <see cref="IsTransient"/>.</param>
    public StsRequestException(
        string message,
        HttpStatusCode? statusCode = null,
        string? correlationVector = null,
        string? wwwAuthenticate = null,
        TimeSpan? retryAfter = null,
        Exception? innerException = null,
        bool? isTransient = null)
        : base(message, innerException)
    {
        _isTransient = isTransient;
        StatusCode = statusCode;
        CorrelationVector = correlationVector;
        WwwAuthenticate = wwwAuthenticate;
        RetryAfter = retryAfter;
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public StsRequestException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The underlying failure.</param>
    public StsRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The HTTP status, or null when no response arrived (unreachable endpoint, timeout).</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The STS's <c>MS-CV</c> trace header, for support requests.</summary>
    public string? CorrelationVector { get; }

    /// <summary>The STS's <c>WWW-Authenticate</c> header, which says why authentication failed.</summary>
    public string? WwwAuthenticate { get; }

    /// <summary>How long the STS asked callers to wait (<c>Retry-After</c>).</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>
    /// Whether trying again later may succeed: no response, 408, 429, 5xx, or a reply the STS may not repeat (a broken
    /// body, an already expired token). 400 and 401 will not succeed by retrying.
    /// </summary>
    public bool IsTransient => _isTransient ?? (StatusCode is null or HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int?)StatusCode >= 500);

    private readonly bool? _isTransient;
}
