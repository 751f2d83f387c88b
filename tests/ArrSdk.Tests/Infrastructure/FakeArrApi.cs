using System.Net;
using ArrSdk.Authentication;

namespace ArrSdk.Tests.Infrastructure;

/// <summary>
/// An in-memory stand-in for an ARR API endpoint that checks each request's bearer token against the fake clock:
/// it counts requests without a token and with an expired one, and answers 401 to those.
/// </summary>
internal sealed class FakeArrApi(TimeProvider time) : HttpMessageHandler
{
    private int _requests;
    private int _withoutToken;
    private int _withExpiredToken;

    public int Requests => Volatile.Read(ref _requests);

    public int WithoutToken => Volatile.Read(ref _withoutToken);

    public int WithExpiredToken => Volatile.Read(ref _withExpiredToken);

    /// <summary>When set, decides the status for a request with a valid token (to script a 401 from the API).</summary>
    public Func<HttpRequestMessage, HttpStatusCode>? Responder { get; set; }

    public List<string> Bodies { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        if (request.Content is not null)
        {
            var body = await request.Content.ReadAsStringAsync(cancellationToken);
            lock (Bodies)
            {
                Bodies.Add(body);
            }
        }

        var authorization = request.Headers.Authorization;
        if (authorization is not { Scheme: "Bearer", Parameter: { Length: > 0 } token })
        {
            Interlocked.Increment(ref _withoutToken);
            return new HttpResponseMessage(HttpStatusCode.Unauthorized);
        }

        Secrets.SeenTokens.TryAdd(token, 0);
        if (!JwtExpiry.TryRead(token, out var expiresOn) || expiresOn <= time.GetUtcNow())
        {
            Interlocked.Increment(ref _withExpiredToken);
            return new HttpResponseMessage(HttpStatusCode.Unauthorized);
        }

        return new HttpResponseMessage(Responder?.Invoke(request) ?? HttpStatusCode.OK) { RequestMessage = request };
    }
}
