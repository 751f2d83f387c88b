using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using KiotaArrClient = ArrSdk.Benchmarks.Kiota.Arr.KiotaArrClient;
using KiotaStsClient = ArrSdk.Benchmarks.Kiota.Sts.KiotaStsClient;

namespace ArrSdk.Benchmarks.Comparison;

/// <summary>
/// The Kiota clients (generated from the official OpenAPI descriptions, see Kiota/README.md) set up the way Kiota's
/// documentation shows: a request adapter over Kiota's default middleware pipeline, and a bearer-token authentication
/// provider whose token source answers from memory (the equivalent of a cache hit).
/// </summary>
internal static class KiotaClients
{
    public static KiotaArrClient Arr(HttpMessageHandler recorded, string accessToken)
        => new(Adapter(recorded, OfficialExamples.ArrEndpoint, accessToken));

    public static KiotaStsClient Sts(HttpMessageHandler recorded, string accountId, string accountKey)
        => new(Adapter(recorded, OfficialExamples.StsEndpoint, $"{accountId}:{accountKey}"));

    private static HttpClientRequestAdapter Adapter(HttpMessageHandler recorded, Uri endpoint, string bearer)
    {
        var authentication = new BaseBearerTokenAuthenticationProvider(new InMemoryTokenSource(bearer, endpoint.Host));
        var httpClient = KiotaClientFactory.Create(recorded);
        return new HttpClientRequestAdapter(authentication, httpClient: httpClient) { BaseUrl = endpoint.AbsoluteUri.TrimEnd('/') };
    }

    private sealed class InMemoryTokenSource(string token, string host) : IAccessTokenProvider
    {
        private readonly Task<string> _token = Task.FromResult(token);

        public AllowedHostsValidator AllowedHostsValidator { get; } = new([host]);

        public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
            => _token;
    }
}
