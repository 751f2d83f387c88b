using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace ArrSdk.TokenMemory;

/// <summary>
/// Answers <c>GET /accounts/{accountId}/token</c> as the emulator's STS does (200 with <c>{"AccessToken"}</c>, a fresh
/// <c>MS-CV</c> and a <c>Date</c>; 401 for a wrong key), inside the process but without a server, so that the figures
/// hold the client's memory and not Kestrel's. It counts requests, which is how a second pass proves it hit the cache.
/// </summary>
internal sealed class InMemorySts(EmulatorShapedTokens tokens, TimeProvider timeProvider, TimeSpan tokenLifetime) : HttpMessageHandler
{
    private int _requests;

    public int Requests => Volatile.Read(ref _requests);

    public void ResetCount() => Volatile.Write(ref _requests, 0);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        var segments = request.RequestUri?.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries) ?? [];
        if (request.Method != HttpMethod.Get || segments is not ["accounts", var accountId, "token"] || !Guid.TryParseExact(accountId, "D", out _))
        {
            return Task.FromResult(Answer(request, HttpStatusCode.BadRequest, body: null));
        }

        var authorization = request.Headers.Authorization;
        var expected = accountId + ":" + DemoAccounts.Key(accountId);
        if (authorization is not { Scheme: "Bearer", Parameter: { } given }
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(given), Encoding.ASCII.GetBytes(expected)))
        {
            return Task.FromResult(Answer(request, HttpStatusCode.Unauthorized, body: null));
        }

        var now = timeProvider.GetUtcNow();
        var token = tokens.Issue(accountId, now, now + tokenLifetime);

        // A JWT is base64url and dots: nothing in it needs escaping in JSON.
        return Task.FromResult(Answer(request, HttpStatusCode.OK, "{\"AccessToken\":\"" + token + "\"}"));
    }

    private HttpResponseMessage Answer(HttpRequestMessage request, HttpStatusCode status, string? body)
    {
        var response = new HttpResponseMessage(status) { RequestMessage = request };
        if (body is not null)
        {
            response.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        Span<byte> correlationVector = stackalloc byte[16];
        RandomNumberGenerator.Fill(correlationVector);
        response.Headers.Add("MS-CV", Convert.ToBase64String(correlationVector).TrimEnd('='));
        response.Headers.Date = timeProvider.GetUtcNow();
        if (status == HttpStatusCode.Unauthorized)
        {
            response.Headers.WwwAuthenticate.ParseAdd("Bearer error=\"invalid_token\"");
        }

        return response;
    }
}
