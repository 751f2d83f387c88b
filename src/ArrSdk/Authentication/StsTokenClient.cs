using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ArrSdk.Sts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Refit;

namespace ArrSdk.Authentication;

/// <summary>
/// Exchanges an account id and key for an access token through the generated STS client. One call, one request:
/// caching and refreshing belong to <see cref="AccessTokenCache"/>.
/// </summary>
public sealed partial class StsTokenClient
{
    /// <summary>The lifetime assumed for a token whose expiry cannot be read (STS tokens live 24 hours).</summary>
    public static readonly TimeSpan DefaultTokenLifetime = TimeSpan.FromHours(24);

    private readonly Func<Uri, ISecureTokenService> _apiForEndpoint;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    // Clocks a few minutes apart are normal; beyond this the difference is worth a log line.
    private static readonly TimeSpan ClockSkewWarningThreshold = TimeSpan.FromMinutes(5);

    /// <summary>Creates a client that sends every request through one shared handler.</summary>
    /// <param name="handler">The handler; a <see cref="SocketsHttpHandler"/> that follows no redirects when omitted.</param>
    /// <param name="timeProvider">The clock used for token expiry.</param>
    /// <param name="logger">Where to log each STS call with its MS-CV; never receives a key or token.</param>
    public StsTokenClient(HttpMessageHandler? handler = null, TimeProvider? timeProvider = null, ILogger? logger = null)
        : this(CreateApiFactory(handler ?? new SocketsHttpHandler { AllowAutoRedirect = false }), timeProvider, logger)
    {
    }

    /// <summary>Creates a client that asks <paramref name="apiForEndpoint"/> for the generated STS client of an endpoint
    /// (for example one registered through IHttpClientFactory).</summary>
    /// <param name="apiForEndpoint">Returns the generated client whose base address is the given endpoint.</param>
    /// <param name="timeProvider">The clock used for token expiry.</param>
    /// <param name="logger">Where to log each STS call with its MS-CV; never receives a key or token.</param>
    public StsTokenClient(Func<Uri, ISecureTokenService> apiForEndpoint, TimeProvider? timeProvider = null, ILogger? logger = null)
    {
        _apiForEndpoint = apiForEndpoint ?? throw new ArgumentNullException(nameof(apiForEndpoint));
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
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
        var requestedAt = _timeProvider.GetUtcNow();
        try
        {
            var api = _apiForEndpoint(endpoint);
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
            return Interpret(response, credential, endpoint, requestedAt);
        }
    }

    // Lifetimes are measured from when the request was sent, not when the answer arrived: the token was issued somewhere
    // in between, so this errs on the side of refreshing a little early rather than sending a token a little late.
    private StsTokenResult Interpret(IApiResponse<StsTokenResponse> response, AccountKeyCredential credential, Uri endpoint, DateTimeOffset requestedAt)
    {
        if (!response.IsReceived)
        {
            var cause = response.Error?.InnerException ?? response.Error;
            throw new StsRequestException($"The STS at {endpoint} could not be reached: {cause?.Message ?? "no response"}", statusCode: null, innerException: cause);
        }

        var status = response.StatusCode ?? default;
        var correlationVector = ServerText.Sanitize(Header(response.Headers, SecureTokenService.CorrelationVectorHeader), credential.AccountKey);
        LogStsCall(_logger, credential.AccountId, endpoint, (int)status, correlationVector);
        if (!response.IsSuccessStatusCode)
        {
            var wwwAuthenticate = ServerText.Sanitize(Header(response.Headers, SecureTokenService.WwwAuthenticateHeader), credential.AccountKey);
            var retryAfter = RetryAfter(response.Headers);
            throw new StsRequestException(
                Describe(status, wwwAuthenticate, retryAfter, correlationVector, endpoint),
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
                innerException: response.Error?.InnerException is JsonException json ? new JsonException(json.Message.Split(" Path:")[0]) : null,
                isTransient: true);
        }

        var token = response.Content.AccessToken;
        if (!JwtExpiry.TryRead(token, out var exp))
        {
            return new StsTokenResult(new ArrAccessToken(token, requestedAt + DefaultTokenLifetime, correlationVector), requestedAt, HasExpiryClaim: false);
        }

        // exp is on the server's clock. Measure the remaining lifetime against the server's own Date header and
        // apply it to our clock, so a skewed client clock neither drops good tokens nor keeps dead ones.
        var serverNow = response.Headers?.Date ?? requestedAt;
        var remaining = exp - serverNow;
        if (remaining <= TimeSpan.Zero)
        {
            throw new StsRequestException(
                $"The STS at {endpoint} issued a token that had already expired (exp {exp:O}, server time {serverNow:O}, MS-CV {correlationVector ?? "none"}).",
                status,
                correlationVector,
                isTransient: true);
        }

        var skew = serverNow - requestedAt;
        if (skew.Duration() > ClockSkewWarningThreshold)
        {
            LogClockSkew(_logger, skew, correlationVector);
        }

        return new StsTokenResult(new ArrAccessToken(token, requestedAt + remaining, correlationVector), requestedAt, HasExpiryClaim: true);
    }

    // Timeouts belong to the resilience pipeline (per attempt and overall, on the injectable clock), not to HttpClient.
    private static Func<Uri, ISecureTokenService> CreateApiFactory(HttpMessageHandler handler)
        => endpoint => RestService.ForGenerated<ISecureTokenService>(
            new HttpClient(handler, disposeHandler: false) { BaseAddress = endpoint, Timeout = Timeout.InfiniteTimeSpan },
            StsJsonContext.Default);

    [LoggerMessage(Level = LogLevel.Information, Message = "STS call for account {AccountId} at {Endpoint}: status {Status}, MS-CV {CorrelationVector}.")]
    private static partial void LogStsCall(ILogger logger, string accountId, Uri endpoint, int status, string? correlationVector);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The STS clock differs from this machine's by {Skew}; token expiry is measured on the STS clock and applied to ours (MS-CV {CorrelationVector}).")]
    private static partial void LogClockSkew(ILogger logger, TimeSpan skew, string? correlationVector);

    private static string Describe(HttpStatusCode status, string? wwwAuthenticate, TimeSpan? retryAfter, string? correlationVector, Uri endpoint)
    {
        var reason = status switch
        {
            HttpStatusCode.Unauthorized => "rejected the account id or key (401 Unauthorized)",
            HttpStatusCode.BadRequest => "rejected the request (400 Bad Request); check that the account id is a valid GUID",
            HttpStatusCode.TooManyRequests => retryAfter is { } wait
                ? $"is throttling requests (429 Too Many Requests; retry after {wait.TotalSeconds:0} s)"
                : "is throttling requests (429 Too Many Requests)",
            _ when Enum.IsDefined(status) => $"answered {(int)status} {status}",
            _ => $"answered {(int)status}",
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
