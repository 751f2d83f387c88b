using System.Net;

namespace ArrSdk.Authentication;

/// <summary>
/// Puts <c>Authorization: Bearer &lt;token&gt;</c> on ARR API requests. Never sends a request without a token; on a 401
/// it drops the token and retries the request exactly once with a fresh one (the body is buffered so it survives).
/// Refuses plain http except to loopback. Use it on ARR API clients only, never on the STS client itself.
/// </summary>
public sealed class ArrAuthenticationHandler : DelegatingHandler
{
    private readonly IAccessTokenProvider _tokens;

    /// <summary>Creates the handler.</summary>
    /// <param name="tokens">Where tokens come from.</param>
    public ArrAuthenticationHandler(IAccessTokenProvider tokens)
        => _tokens = tokens ?? throw new ArgumentNullException(nameof(tokens));

    /// <summary>Creates the handler over an inner handler (for use without IHttpClientFactory).</summary>
    /// <param name="tokens">Where tokens come from.</param>
    /// <param name="innerHandler">The next handler.</param>
    public ArrAuthenticationHandler(IAccessTokenProvider tokens, HttpMessageHandler innerHandler)
        : base(innerHandler)
        => _tokens = tokens ?? throw new ArgumentNullException(nameof(tokens));

    /// <inheritdoc/>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        EnsureSecureTransport(request.RequestUri);
        if (request.Content is not null)
        {
            // Buffer once so the same body can be sent again after a 401.
            await request.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        }

        var token = await _tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = token.AuthorizationHeader;
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        _tokens.Invalidate(token);
        var fresh = await _tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        response.Dispose();
        request.Headers.Authorization = fresh.AuthorizationHeader;
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private static void EnsureSecureTransport(Uri? uri)
    {
        if (uri is null || !uri.IsAbsoluteUri)
        {
            throw new InvalidOperationException("An ARR request needs an absolute URI; set the client's BaseAddress to the ARR endpoint.");
        }

        if (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
        {
            throw new InvalidOperationException($"Refusing to send an access token over {uri.Scheme} to {uri.Host}: only https is allowed, except for loopback addresses.");
        }
    }
}
