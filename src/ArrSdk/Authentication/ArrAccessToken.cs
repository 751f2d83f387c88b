namespace ArrSdk.Authentication;

/// <summary>An access token for Mixed Reality services and when it stops being valid. <see cref="ToString"/> never shows the token.</summary>
public sealed class ArrAccessToken
{
    /// <summary>Creates a token.</summary>
    /// <param name="token">The token (a JWT).</param>
    /// <param name="expiresOn">When it expires.</param>
    /// <param name="correlationVector">The STS's <c>MS-CV</c> for the request that issued it, if any.</param>
    public ArrAccessToken(string token, DateTimeOffset expiresOn, string? correlationVector = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        Token = token;
        ExpiresOn = expiresOn;
        CorrelationVector = correlationVector;
    }

    /// <summary>The token itself. Treat it as a secret.</summary>
    public string Token { get; }

    /// <summary>When the token expires.</summary>
    public DateTimeOffset ExpiresOn { get; }

    /// <summary>The STS's <c>MS-CV</c> trace header for the request that issued this token.</summary>
    public string? CorrelationVector { get; }

    /// <summary>The <c>Authorization</c> header value, built once per token so a cache hit allocates nothing.</summary>
    internal System.Net.Http.Headers.AuthenticationHeaderValue AuthorizationHeader => _authorizationHeader ??= new("Bearer", Token);

    private System.Net.Http.Headers.AuthenticationHeaderValue? _authorizationHeader;

    /// <inheritdoc/>
    public override string ToString() => $"ArrAccessToken {{ ExpiresOn = {ExpiresOn:O}, CorrelationVector = {CorrelationVector}, Token = *** }}";
}
