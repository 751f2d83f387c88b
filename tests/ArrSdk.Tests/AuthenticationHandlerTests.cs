using System.Net;
using System.Net.Http.Json;
using ArrSdk.Authentication;
using ArrSdk.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace ArrSdk.Tests;

public sealed class AuthenticationHandlerTests
{
    private static readonly Uri ArrEndpoint = new("https://remoterendering.westeurope.mixedreality.azure.com/");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero));
    private int _fetches;

    [Fact]
    public async Task Attaches_the_bearer_token_and_reuses_the_cached_one()
    {
        var api = new FakeArrApi(_time);
        using var http = new HttpClient(new ArrAuthenticationHandler(CreateCache(), api)) { BaseAddress = ArrEndpoint };

        for (var i = 0; i < 5; i++)
        {
            using var response = await http.GetAsync(new Uri("accounts/a/sessions", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(5, api.Requests);
        Assert.Equal(0, api.WithoutToken);
        Assert.Equal(1, _fetches);
    }

    [Fact]
    public async Task A_401_from_the_API_invalidates_the_token_and_retries_once_with_the_same_body()
    {
        var api = new FakeArrApi(_time);
        var calls = 0;
        api.Responder = _ => Interlocked.Increment(ref calls) == 1 ? HttpStatusCode.Unauthorized : HttpStatusCode.Created;
        using var http = new HttpClient(new ArrAuthenticationHandler(CreateCache(), api)) { BaseAddress = ArrEndpoint };

        using var response = await http.PutAsJsonAsync(new Uri("accounts/a/sessions/s1", UriKind.Relative), new { maxLeaseTimeMinutes = 30, size = "Standard" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(2, api.Requests);
        Assert.Equal(2, _fetches);
        Assert.Equal(2, api.Bodies.Count);
        Assert.Equal(api.Bodies[0], api.Bodies[1]);
        Assert.Contains("maxLeaseTimeMinutes", api.Bodies[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_401_is_returned_to_the_caller_without_a_third_attempt()
    {
        var api = new FakeArrApi(_time) { Responder = _ => HttpStatusCode.Unauthorized };
        using var http = new HttpClient(new ArrAuthenticationHandler(CreateCache(), api)) { BaseAddress = ArrEndpoint };

        using var response = await http.GetAsync(new Uri("accounts/a/sessions", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(2, api.Requests);
    }

    [Fact]
    public async Task No_request_goes_out_without_a_token()
    {
        var api = new FakeArrApi(_time);
        var failing = new AccessTokenCache(_ => throw new StsRequestException("The STS is down.", HttpStatusCode.ServiceUnavailable), timeProvider: _time);
        using var http = new HttpClient(new ArrAuthenticationHandler(failing, api)) { BaseAddress = ArrEndpoint };

        await Assert.ThrowsAsync<StsRequestException>(() => http.GetAsync(new Uri("accounts/a/sessions", UriKind.Relative)));

        Assert.Equal(0, api.Requests);
    }

    [Theory]
    [InlineData("http://remoterendering.eastus.mixedreality.azure.com/x", false)]
    [InlineData("http://10.1.2.3/x", false)]
    [InlineData("http://127.0.0.1:5000/x", true)]
    [InlineData("http://localhost:5000/x", true)]
    [InlineData("https://remoterendering.eastus.mixedreality.azure.com/x", true)]
    public async Task Plain_http_is_refused_except_for_loopback(string url, bool allowed)
    {
        var api = new FakeArrApi(_time);
        using var http = new HttpClient(new ArrAuthenticationHandler(CreateCache(), api));

        if (allowed)
        {
            using var response = await http.GetAsync(new Uri(url));
            Assert.Equal(1, api.Requests);
        }
        else
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => http.GetAsync(new Uri(url)));
            Assert.Contains("only https is allowed", error.Message, StringComparison.Ordinal);
            Assert.Equal(0, api.Requests);
        }
    }

    [Fact]
    public async Task The_Authorization_header_is_not_forwarded_to_another_host_on_a_redirect()
    {
        await using var target = await LoopbackServer.StartAsync(_ => (HttpStatusCode.OK, null));
        await using var redirector = await LoopbackServer.StartAsync(_ => (HttpStatusCode.TemporaryRedirect, new Uri(target.BaseAddress, "landing")));
        var cache = CreateCache();

        // Default SocketsHttpHandler, which follows redirects: the header must still not reach the other host.
        using var http = new HttpClient(new ArrAuthenticationHandler(cache, new SocketsHttpHandler())) { BaseAddress = redirector.BaseAddress };
        using var response = await http.GetAsync(new Uri("start", UriKind.Relative));

        Assert.NotNull(Assert.Single(redirector.Authorizations));
        Assert.All(target.Authorizations, Assert.Null);
    }

    private AccessTokenCache CreateCache()
        => new(_ =>
        {
            var n = Interlocked.Increment(ref _fetches);
            var now = _time.GetUtcNow();
            return Task.FromResult(new StsTokenResult(new ArrAccessToken(JwtFactory.WithPayload($$"""{"exp":{{now.AddHours(24).ToUnixTimeSeconds()}},"n":{{n}}}"""), now.AddHours(24)), now, true));
        }, timeProvider: _time);
}
