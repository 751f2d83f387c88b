using System.Net;
using ArrSdk.Authentication;
using BenchmarkDotNet.Attributes;

namespace ArrSdk.Benchmarks;

/// <summary>
/// What the token layer adds to one ARR request on a cache hit: the same request through an in-memory terminal handler,
/// without and with <see cref="ArrAuthenticationHandler"/>, and the cache lookup alone.
/// </summary>
[MemoryDiagnoser]
public class AuthenticationHandlerBenchmarks
{
    private static readonly Uri Endpoint = new("https://remoterendering.eastus.mixedreality.azure.com/accounts/a/sessions/s");
    private HttpMessageInvoker _plain = null!;
    private HttpMessageInvoker _authenticated = null!;
    private AccessTokenCache _cache = null!;

    [GlobalSetup]
    public void Setup()
    {
        _cache = new AccessTokenCache(_ => Task.FromResult(TestTokens.Issue(DateTimeOffset.UtcNow, TimeSpan.FromHours(24))));
        _cache.GetTokenAsync().AsTask().GetAwaiter().GetResult();
        _plain = new HttpMessageInvoker(new OkHandler());
        _authenticated = new HttpMessageInvoker(new ArrAuthenticationHandler(_cache, new OkHandler()));
    }

    [Benchmark(Baseline = true, Description = "request, no token layer")]
    public async Task<HttpStatusCode> Plain()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Endpoint);
        using var response = await _plain.SendAsync(request, CancellationToken.None);
        return response.StatusCode;
    }

    [Benchmark(Description = "request through ArrAuthenticationHandler (cache hit)")]
    public async Task<HttpStatusCode> Authenticated()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Endpoint);
        using var response = await _authenticated.SendAsync(request, CancellationToken.None);
        return response.StatusCode;
    }

    [Benchmark(Description = "AccessTokenCache.GetTokenAsync (cache hit)")]
    public ValueTask<ArrAccessToken> CacheHit() => _cache.GetTokenAsync();

    private sealed class OkHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
    }
}
