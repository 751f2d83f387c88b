using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using ArrSdk.Authentication;
using Refit;

namespace ArrSdk.RemoteRendering;

/// <summary>
/// A thin, idiomatic layer over the generated <see cref="IRemoteRenderingService"/>: start a session or conversion and
/// wait for it (with progress, cancellation, a timeout and polling that honours <c>Retry-After</c>), extend a lease,
/// list across pages, with ids and leases checked before the round trip and failures as
/// <see cref="RemoteRenderingException"/>. All HTTP comes from the spec; nothing here builds a request.
/// </summary>
public sealed class RemoteRenderingClient
{
    private readonly IRemoteRenderingService _api;
    private readonly string _accountId;
    private readonly RemoteRenderingClientOptions _options;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the client over a generated ARR service client (whose HTTP client authenticates requests).</summary>
    /// <param name="api">The generated client.</param>
    /// <param name="accountId">The ARR account id.</param>
    /// <param name="options">Polling and timeouts.</param>
    /// <param name="timeProvider">The clock for polling and timeouts.</param>
    public RemoteRenderingClient(IRemoteRenderingService api, string accountId, RemoteRenderingClientOptions? options = null, TimeProvider? timeProvider = null)
    {
        _api = api ?? throw new ArgumentNullException(nameof(api));
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        _accountId = accountId;
        _options = options ?? new RemoteRenderingClientOptions();
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Creates a client for <paramref name="endpoint"/> whose requests carry tokens from <paramref name="tokens"/>.</summary>
    /// <param name="endpoint">The ARR endpoint (see <see cref="RemoteRenderingEndpoints"/>).</param>
    /// <param name="accountId">The ARR account id.</param>
    /// <param name="tokens">Where tokens come from.</param>
    /// <param name="handler">The innermost HTTP handler; one that follows no redirects when omitted.</param>
    /// <param name="options">Polling and timeouts.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <returns>The client.</returns>
    public static RemoteRenderingClient Create(
        Uri endpoint, string accountId, IAccessTokenProvider tokens, HttpMessageHandler? handler = null, RemoteRenderingClientOptions? options = null, TimeProvider? timeProvider = null)
    {
        var http = new HttpClient(new ArrAuthenticationHandler(tokens, handler ?? new SocketsHttpHandler { AllowAutoRedirect = false }))
        {
            BaseAddress = endpoint,
        };
        return new RemoteRenderingClient(RestService.ForGenerated<IRemoteRenderingService>(http, RemoteRenderingJsonContext.Default), accountId, options, timeProvider);
    }

    /// <summary>Creates a session and returns at once, Starting.</summary>
    /// <param name="sessionId">The new session's id.</param>
    /// <param name="size">Standard or Premium.</param>
    /// <param name="leaseTime">How long it may run (1 minute to 24 hours).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The session.</returns>
    public async Task<SessionProperties> CreateSessionAsync(string sessionId, SessionSize size, TimeSpan leaseTime, CancellationToken cancellationToken = default)
    {
        ResourceIdRules.EnsureValidId(sessionId, nameof(sessionId));
        var minutes = ResourceIdRules.EnsureValidLease(leaseTime, nameof(leaseTime));
        var body = new CreateSessionSettings { MaxLeaseTimeMinutes = minutes, Size = size };
        return Content(await Call(_api.CreateSessionAsync(_accountId, sessionId, body, cancellationToken), "create session", sessionId, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Creates a session and waits until it is Ready; cancelling (or the start timeout) stops the session.</summary>
    /// <param name="sessionId">The new session's id.</param>
    /// <param name="size">Standard or Premium.</param>
    /// <param name="leaseTime">How long it may run.</param>
    /// <param name="progress">Receives every snapshot while waiting.</param>
    /// <param name="cancellationToken">Cancels the wait and stops the session.</param>
    /// <returns>The Ready session.</returns>
    /// <exception cref="RemoteRenderingException">The session ended in Error, Expired or Stopped, or a request failed.</exception>
    /// <exception cref="TimeoutException">It was not Ready within <see cref="RemoteRenderingClientOptions.SessionStartTimeout"/>.</exception>
    public async Task<SessionProperties> StartSessionAsync(
        string sessionId, SessionSize size, TimeSpan leaseTime, IProgress<SessionProperties>? progress = null, CancellationToken cancellationToken = default)
    {
        ResourceIdRules.EnsureValidId(sessionId, nameof(sessionId));
        ResourceIdRules.EnsureValidLease(leaseTime, nameof(leaseTime));
        try
        {
            var created = await CreateSessionAsync(sessionId, size, leaseTime, cancellationToken).ConfigureAwait(false);
            progress?.Report(created);
            return await WaitForSessionAsync(sessionId, progress, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is OperationCanceledException or TimeoutException)
        {
            // A session nobody waits for still costs money: stop it, even when the cancellation came while the create
            // request was in flight (the service may have created it already).
            await StopIfExistsAsync(sessionId).ConfigureAwait(false);
            throw;
        }
    }

    private async Task StopIfExistsAsync(string sessionId)
    {
        using var response = await _api.StopSessionAsync(_accountId, sessionId, CancellationToken.None).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.NotFound)
        {
            EnsureSuccess(response, $"stop session '{sessionId}'");
        }
    }

    /// <summary>Waits until a session is Ready.</summary>
    /// <param name="sessionId">The session.</param>
    /// <param name="progress">Receives every snapshot.</param>
    /// <param name="cancellationToken">Cancels the wait (the session keeps running).</param>
    /// <returns>The Ready session.</returns>
    public async Task<SessionProperties> WaitForSessionAsync(string sessionId, IProgress<SessionProperties>? progress = null, CancellationToken cancellationToken = default)
    {
        await foreach (var snapshot in WatchSessionAsync(sessionId, cancellationToken).ConfigureAwait(false))
        {
            progress?.Report(snapshot);
            if (snapshot.Status == SessionStatus.Ready)
            {
                return snapshot;
            }

            if (snapshot.Status == SessionStatus.Error || snapshot.Status == SessionStatus.Expired || snapshot.Status == SessionStatus.Stopped)
            {
                throw new RemoteRenderingException(
                    $"Session '{sessionId}' ended {snapshot.Status} instead of Ready{Describe(snapshot.Error)}.", statusCode: null, snapshot.Error, correlationVector: null);
            }
        }

        throw new RemoteRenderingException($"Session '{sessionId}' stopped reporting before it was Ready.");
    }

    /// <summary>Snapshots of a session, polled until it is Ready or has ended, or the start timeout passes.</summary>
    /// <param name="sessionId">The session.</param>
    /// <param name="cancellationToken">Ends the watch.</param>
    /// <returns>The snapshots.</returns>
    public IAsyncEnumerable<SessionProperties> WatchSessionAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        ResourceIdRules.EnsureValidId(sessionId, nameof(sessionId));
        return Watch(
            token => _api.GetSessionAsync(_accountId, sessionId, token),
            s => s.Status == SessionStatus.Ready || s.Status == SessionStatus.Error || s.Status == SessionStatus.Expired || s.Status == SessionStatus.Stopped,
            _options.SessionStartTimeout,
            $"session '{sessionId}'",
            cancellationToken);
    }

    /// <summary>Gets a session.</summary>
    /// <param name="sessionId">The session.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The session.</returns>
    public async Task<SessionProperties> GetSessionAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        ResourceIdRules.EnsureValidId(sessionId, nameof(sessionId));
        return Content(await Call(_api.GetSessionAsync(_accountId, sessionId, cancellationToken), "get session", sessionId, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Extends a session's lease by <paramref name="extension"/>; the service rejects leases over 24 hours.</summary>
    /// <param name="sessionId">The session.</param>
    /// <param name="extension">How much longer it may run.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The updated session.</returns>
    public async Task<SessionProperties> ExtendSessionAsync(string sessionId, TimeSpan extension, CancellationToken cancellationToken = default)
    {
        ResourceIdRules.EnsureValidId(sessionId, nameof(sessionId));
        if (extension < TimeSpan.FromMinutes(1))
        {
            throw new ArgumentOutOfRangeException(nameof(extension), extension, "An extension must be at least one minute.");
        }

        var current = await GetSessionAsync(sessionId, cancellationToken).ConfigureAwait(false);
        if (current.Status != SessionStatus.Starting && current.Status != SessionStatus.Ready)
        {
            throw new RemoteRenderingException($"Session '{sessionId}' is {current.Status}; only a Starting or Ready session can be extended.", statusCode: null, serviceError: null, correlationVector: null);
        }

        var lease = TimeSpan.FromMinutes(current.MaxLeaseTimeMinutes ?? 0) + extension;
        if (lease > ResourceIdRules.MaxLeaseTime)
        {
            throw new ArgumentOutOfRangeException(nameof(extension), extension, $"Session '{sessionId}' has a lease of {current.MaxLeaseTimeMinutes} minutes; extending it by {extension.TotalMinutes:0} minutes would pass the service's limit of {ResourceIdRules.MaxLeaseTime.TotalMinutes:0} minutes.");
        }

        var minutes = ResourceIdRules.EnsureValidLease(lease, nameof(extension));
        var body = new UpdateSessionSettings { MaxLeaseTimeMinutes = minutes };
        return Content(await Call(_api.UpdateSessionAsync(_accountId, sessionId, body, cancellationToken), "extend session", sessionId, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Stops a session; stopping a stopped session succeeds.</summary>
    /// <param name="sessionId">The session.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the service accepted the stop.</returns>
    public async Task StopSessionAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        ResourceIdRules.EnsureValidId(sessionId, nameof(sessionId));
        using var response = await _api.StopSessionAsync(_accountId, sessionId, cancellationToken).ConfigureAwait(false);
        EnsureSuccess(response, $"stop session '{sessionId}'");
    }

    /// <summary>Every active session of the account, across all pages.</summary>
    /// <param name="cancellationToken">Ends the enumeration.</param>
    /// <returns>The sessions.</returns>
    public IAsyncEnumerable<SessionProperties> ListSessionsAsync(CancellationToken cancellationToken = default)
        => Paged(_api.ListSessionsAllAsync(_accountId), page => page.Sessions, page => page.NextLink, "list sessions", cancellationToken);

    /// <summary>Creates a conversion and returns at once.</summary>
    /// <param name="conversionId">The new conversion's id.</param>
    /// <param name="settings">Input and output locations.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The conversion.</returns>
    public async Task<Conversion> CreateConversionAsync(string conversionId, ConversionSettings settings, CancellationToken cancellationToken = default)
    {
        ResourceIdRules.EnsureValidId(conversionId, nameof(conversionId));
        ArgumentNullException.ThrowIfNull(settings);
        var body = new CreateConversionSettings { Settings = settings };
        return Content(await Call(_api.CreateConversionAsync(_accountId, conversionId, body, cancellationToken), "create conversion", conversionId, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Creates a conversion and waits until it has Succeeded.</summary>
    /// <param name="conversionId">The new conversion's id.</param>
    /// <param name="settings">Input and output locations.</param>
    /// <param name="progress">Receives every snapshot.</param>
    /// <param name="cancellationToken">Cancels the wait (the service has no way to cancel a conversion).</param>
    /// <returns>The Succeeded conversion, with its output.</returns>
    /// <exception cref="RemoteRenderingException">The conversion Failed or was Cancelled (with the service's error), or a request failed.</exception>
    public async Task<Conversion> StartConversionAsync(string conversionId, ConversionSettings settings, IProgress<Conversion>? progress = null, CancellationToken cancellationToken = default)
    {
        var created = await CreateConversionAsync(conversionId, settings, cancellationToken).ConfigureAwait(false);
        progress?.Report(created);
        return await WaitForConversionAsync(conversionId, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Waits until a conversion has Succeeded.</summary>
    /// <param name="conversionId">The conversion.</param>
    /// <param name="progress">Receives every snapshot.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The Succeeded conversion.</returns>
    public async Task<Conversion> WaitForConversionAsync(string conversionId, IProgress<Conversion>? progress = null, CancellationToken cancellationToken = default)
    {
        await foreach (var snapshot in WatchConversionAsync(conversionId, cancellationToken).ConfigureAwait(false))
        {
            progress?.Report(snapshot);
            if (snapshot.Status == ConversionStatus.Succeeded)
            {
                return snapshot;
            }

            if (snapshot.Status == ConversionStatus.Failed || snapshot.Status == ConversionStatus.Cancelled)
            {
                throw new RemoteRenderingException(
                    $"Conversion '{conversionId}' {snapshot.Status}{Describe(snapshot.Error)}.", statusCode: null, snapshot.Error, correlationVector: null);
            }
        }

        throw new RemoteRenderingException($"Conversion '{conversionId}' stopped reporting before it finished.");
    }

    /// <summary>Snapshots of a conversion, polled until it has finished or the conversion timeout passes.</summary>
    /// <param name="conversionId">The conversion.</param>
    /// <param name="cancellationToken">Ends the watch.</param>
    /// <returns>The snapshots.</returns>
    public IAsyncEnumerable<Conversion> WatchConversionAsync(string conversionId, CancellationToken cancellationToken = default)
    {
        ResourceIdRules.EnsureValidId(conversionId, nameof(conversionId));
        return Watch(
            token => _api.GetConversionAsync(_accountId, conversionId, token),
            c => c.Status == ConversionStatus.Succeeded || c.Status == ConversionStatus.Failed || c.Status == ConversionStatus.Cancelled,
            _options.ConversionTimeout,
            $"conversion '{conversionId}'",
            cancellationToken);
    }

    /// <summary>Gets a conversion.</summary>
    /// <param name="conversionId">The conversion.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The conversion.</returns>
    public async Task<Conversion> GetConversionAsync(string conversionId, CancellationToken cancellationToken = default)
    {
        ResourceIdRules.EnsureValidId(conversionId, nameof(conversionId));
        return Content(await Call(_api.GetConversionAsync(_accountId, conversionId, cancellationToken), "get conversion", conversionId, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Every conversion of the account, across all pages.</summary>
    /// <param name="cancellationToken">Ends the enumeration.</param>
    /// <returns>The conversions.</returns>
    public IAsyncEnumerable<Conversion> ListConversionsAsync(CancellationToken cancellationToken = default)
        => Paged(_api.ListConversionsAllAsync(_accountId), page => page.Conversions, page => page.NextLink, "list conversions", cancellationToken);

    private async IAsyncEnumerable<T> Watch<T>(
        Func<CancellationToken, Task<IApiResponse<T>>> get,
        Func<T, bool> isFinal,
        TimeSpan timeout,
        string what,
        [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : class
    {
        var deadline = _timeProvider.GetUtcNow() + timeout;
        while (true)
        {
            var response = await Call(get(cancellationToken), "get " + what, id: null, cancellationToken).ConfigureAwait(false);
            var snapshot = Content(response);
            var retryAfter = RetryAfter(response.Headers);
            response.Dispose();
            yield return snapshot;
            if (isFinal(snapshot))
            {
                yield break;
            }

            var delay = retryAfter ?? _options.PollInterval;
            if (_timeProvider.GetUtcNow() + delay > deadline)
            {
                throw new TimeoutException($"The {what} did not finish within {timeout}.");
            }

            await Task.Delay(delay, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async IAsyncEnumerable<T> Paged<TPage, T>(
        PagedEnumerable<TPage, T> pages, Func<TPage, IEnumerable<T>> items, Func<TPage, string?> nextLink, string what, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Pages rather than items, so a service that repeats a next link ends the listing with an error instead of
        // looping forever.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var enumerator = pages.AsPages().GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                TPage page;
                try
                {
                    if (!await enumerator.MoveNextAsync().ConfigureAwait(false))
                    {
                        yield break;
                    }

                    page = enumerator.Current;
                }
                catch (ApiException exception)
                {
                    throw Failure(exception.StatusCode, exception.Content, CorrelationVector(exception.Headers), what, exception);
                }
                catch (HttpRequestException exception) when (FindSts(exception) is null)
                {
                    throw new RemoteRenderingException($"Could not {what}: the ARR endpoint could not be reached ({exception.Message}).", statusCode: null, serviceError: null, correlationVector: null, exception);
                }
                catch (InvalidOperationException exception)
                {
                    // Refit refuses a next link to another origin, so a token never goes to a host the client was not given.
                    throw new RemoteRenderingException($"Could not {what}: the service sent a next-page link that was refused ({exception.Message}).", statusCode: null, serviceError: null, correlationVector: null, exception);
                }

                foreach (var item in items(page))
                {
                    yield return item;
                }

                if (nextLink(page) is { } next && !seen.Add(next))
                {
                    throw new RemoteRenderingException($"Could not {what}: the service sent the same next-page link twice ({ServerText.Sanitize(next, null)}).");
                }
            }
        }
        finally
        {
            await enumerator.DisposeAsync().ConfigureAwait(false);
        }
    }

    // The description ("get session 'x'") is formatted only when something fails: a successful call allocates no
    // message, and the pending task is passed in rather than a closure that would start it.
    private static async Task<IApiResponse<T>> Call<T>(Task<IApiResponse<T>> pending, string action, string? id, CancellationToken cancellationToken = default)
    {
        IApiResponse<T> response;
        try
        {
            response = await pending.ConfigureAwait(false);
        }
        catch (HttpRequestException exception)
        {
            throw new RemoteRenderingException($"Could not {Describe(action, id)}: the ARR endpoint could not be reached ({exception.Message}).", statusCode: null, serviceError: null, correlationVector: null, exception);
        }

        // A cancelled call is a cancellation, even when Refit reports it inside the response.
        cancellationToken.ThrowIfCancellationRequested();
        if (!response.IsSuccessStatusCode || response.Error is not null)
        {
            EnsureSuccess(response, Describe(action, id));
        }

        return response;
    }

    private static string Describe(string action, string? id) => id is null ? action : $"{action} '{id}'";

    private static void EnsureSuccess(IApiResponse response, string what)
    {
        // A token that could not be obtained is the STS's failure, not the ARR endpoint's: let it surface as itself.
        for (Exception? cause = response.Error; cause is not null; cause = cause.InnerException)
        {
            if (cause is StsRequestException sts)
            {
                throw sts;
            }

            if (cause is OperationCanceledException canceled)
            {
                throw canceled;
            }
        }

        if (!response.IsReceived)
        {
            var cause = response.Error?.InnerException ?? response.Error;
            throw new RemoteRenderingException($"Could not {what}: the ARR endpoint could not be reached ({cause?.Message}).", statusCode: null, serviceError: null, correlationVector: null, cause);
        }

        if (response.IsSuccessStatusCode && response.Error is null)
        {
            return;
        }

        if (response.IsSuccessStatusCode)
        {
            throw new RemoteRenderingException(
                $"Could not {what}: the service answered {(int)response.StatusCode!} with a body that does not match the API (MS-CV {CorrelationVector(response.Headers) ?? "none"}).",
                response.StatusCode, serviceError: null, CorrelationVector(response.Headers), response.Error);
        }

        throw Failure(response.StatusCode!.Value, (response.Error as ApiException)?.Content, CorrelationVector(response.Headers), what, response.Error);
    }

    private static RemoteRenderingException Failure(HttpStatusCode status, string? content, string? correlationVector, string what, Exception? cause)
    {
        var error = ParseError(content);
        var reason = status switch
        {
            HttpStatusCode.NotFound => "it does not exist (404)",
            HttpStatusCode.Unauthorized => "the access token was rejected (401)",
            HttpStatusCode.Forbidden => "the token is not valid for this account (403)",
            HttpStatusCode.Conflict => "a different resource already exists under this id (409)",
            HttpStatusCode.TooManyRequests => "the service is throttling requests (429)",
            _ => $"the service answered {(int)status}",
        };
        return new RemoteRenderingException($"Could not {what}: {reason}{Describe(error)} (MS-CV {correlationVector ?? "none"}).", status, error, correlationVector, cause);
    }

    private static StsRequestException? FindSts(Exception exception)
    {
        for (Exception? cause = exception; cause is not null; cause = cause.InnerException)
        {
            if (cause is StsRequestException sts)
            {
                return sts;
            }
        }

        return null;
    }

    private static Error? ParseError(string? content)
    {
        if (string.IsNullOrWhiteSpace(content))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(content, RemoteRenderingJsonContext.Default.ErrorResponse)?.Error;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Describe(Error? error)
        => error is null ? string.Empty : $": {ServerText.Sanitize(error.Code, null)}: {ServerText.Sanitize(error.Message, null)}";

    private static T Content<T>(IApiResponse<T> response)
        where T : class
        => response.Content ?? throw new RemoteRenderingException($"The service answered {(int)response.StatusCode!} without a body.", response.StatusCode, serviceError: null, CorrelationVector(response.Headers));

    private static string? CorrelationVector(HttpResponseHeaders? headers)
        => headers is not null && headers.TryGetValues(RemoteRenderingService.CorrelationVectorHeader, out var values) ? ServerText.Sanitize(values.FirstOrDefault(), null) : null;

    private static TimeSpan? RetryAfter(HttpResponseHeaders? headers)
        => headers?.RetryAfter?.Delta is { } delta && delta > TimeSpan.Zero ? delta : null;
}
