using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ArrSdk.Sts;
using Refit;

namespace ArrSdk.Authentication;

/// <summary>
/// Exchanges an account id and key for an access token through the generated STS client. One call, one request:
/// caching and refreshing belong to <see cref="AccessTokenCache"/>.
/// </summary>
public sealed class StsTokenClient
{
    /// <summary>The lifetime assumed for a token whose expiry cannot be read (STS tokens live 24 hours).</summary>
    public static readonly TimeSpan DefaultTokenLifetime = TimeSpan.FromHours(24);

    private readonly Func<Uri, HttpClient> _httpClientForEndpoint;
    private readonly ConcurrentDictionary<Uri, ISecureTokenService> _apis = new();
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates a client that sends every request through one shared handler.</summary>
    /// <param name="handler">The handler (for example a <see cref="SocketsHttpHandler"/>); a new one when omitted.</param>
    /// <param name="timeProvider">The clock used for tokens without an expiry claim.</param>
    /// <param name="timeout">How long one STS request may take; 30 seconds when omitted.</param>
    public StsTokenClient(HttpMessageHandler? handler = null, TimeProvider? timeProvider = null, TimeSpan? timeout = null)
        : this(CreateHttpClientFactory(handler ?? new SocketsHttpHandler(), timeout ?? TimeSpan.FromSeconds(30)), timeProvider)
    {
    }

    /// <summary>Creates a client that asks <paramref name="httpClientForEndpoint"/> for the HTTP client of each STS endpoint.</summary>
    /// <param name="httpClientForEndpoint">Returns an HTTP client whose base address is the given endpoint.</param>
    /// <param name="timeProvider">The clock used for tokens without an expiry claim.</param>
    public StsTokenClient(Func<Uri, HttpClient> httpClientForEndpoint, TimeProvider? timeProvider = null)
    {
        _httpClientForEndpoint = httpClientForEndpoint ?? throw new ArgumentNullException(nameof(httpClientForEndpoint));
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Requests a new token for <paramref name="credential"/>.</summary>
    /// <param name="credential">The account.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The token and its expiry.</returns>
    /// <exception cref="StsRequestException">The STS could not be reached, refused, or answered with something that is not a token.</exception>
    public async Task<StsTokenResult> RequestTokenAsync(AccountKeyCredential credential, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credential);
        var endpoint = credential.StsEndpoint;
        IApiResponse<StsTokenResponse> response;
        try
        {
            var api = _apis.GetOrAdd(endpoint, static (uri, self) => RestService.ForGenerated<ISecureTokenService>(self._httpClientForEndpoint(uri), StsJsonContext.Default), this);
            response = await api.GetTokenAsync(
                credential.AccountId,
                SecureTokenService.GetTokenAuthorization(credential.AccountId, credential.AccountKey),
                CorrelationVectors.New(),
                cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new StsRequestException($"The STS at {endpoint} did not answer in time.");
        }
        catch (HttpRequestException exception)
        {
            throw new StsRequestException($"The STS at {endpoint} could not be reached: {exception.Message}", innerException: exception);
        }

        using (response)
        {
            return Interpret(response, endpoint);
        }
    }

    private StsTokenResult Interpret(IApiResponse<StsTokenResponse> response, Uri endpoint)
    {
        if (!response.IsReceived)
        {
            var cause = response.Error?.InnerException ?? response.Error;
            throw new StsRequestException($"The STS at {endpoint} could not be reached: {cause?.Message ?? "no response"}", statusCode: null, innerException: cause);
        }

        var status = response.StatusCode ?? default;
        var correlationVector = Header(response.Headers, SecureTokenService.CorrelationVectorHeader);
        if (!response.IsSuccessStatusCode)
        {
            var wwwAuthenticate = Header(response.Headers, SecureTokenService.WwwAuthenticateHeader);
            var retryAfter = RetryAfter(response.Headers);
            throw new StsRequestException(
                Describe(status, wwwAuthenticate, correlationVector, endpoint),
                status,
                correlationVector,
                wwwAuthenticate,
                retryAfter);
        }

        if (response.Error is not null || !response.HasContent || string.IsNullOrWhiteSpace(response.Content.AccessToken))
        {
            // The cause may quote the body; keep it as the inner exception only and say nothing of the body here.
            var what = response.Error?.InnerException is JsonException || response.Error is not null
                ? "a body that is not a valid token response"
                : "no access token";
            throw new StsRequestException(
                $"The STS at {endpoint} answered {(int)status} with {what} (MS-CV {correlationVector ?? "none"}).",
                status,
                correlationVector,
                innerException: response.Error?.InnerException is JsonException json ? new JsonException(json.Message.Split(" Path:")[0]) : null);
        }

        var token = response.Content.AccessToken;
        var hasExpiry = JwtExpiry.TryRead(token, out var expiresOn);
        var issuedAt = _timeProvider.GetUtcNow();
        if (!hasExpiry)
        {
            expiresOn = issuedAt + DefaultTokenLifetime;
        }

        return new StsTokenResult(new ArrAccessToken(token, expiresOn, correlationVector), issuedAt, hasExpiry);
    }

    private static Func<Uri, HttpClient> CreateHttpClientFactory(HttpMessageHandler handler, TimeSpan timeout)
        => endpoint => new HttpClient(handler, disposeHandler: false) { BaseAddress = endpoint, Timeout = timeout };

    private static string Describe(HttpStatusCode status, string? wwwAuthenticate, string? correlationVector, Uri endpoint)
    {
        var reason = status switch
        {
            HttpStatusCode.Unauthorized => "rejected the account id or key (401 Unauthorized)",
            HttpStatusCode.BadRequest => "rejected the request (400 Bad Request); check that the account id is a valid GUID",
            HttpStatusCode.TooManyRequests => "is throttling requests (429 Too Many Requests)",
            _ => $"answered {(int)status} {status}",
        };
        var detail = string.IsNullOrEmpty(wwwAuthenticate) ? string.Empty : $": {wwwAuthenticate}";
        return $"The STS at {endpoint} {reason}{detail} (MS-CV {correlationVector ?? "none"}).";
    }

    private static string? Header(HttpResponseHeaders? headers, string name)
        => headers is not null && headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

    private TimeSpan? RetryAfter(HttpResponseHeaders? headers)
    {
        var retryAfter = headers?.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta;
        }

        return retryAfter?.Date is { } date ? date - _timeProvider.GetUtcNow() : null;
    }
}
