using System.Net.Http.Headers;
using System.Text.Json;
using ArrSdk.Authentication;
using ArrSdk.Benchmarks.Comparison.HandWritten;
using ArrSdk.RemoteRendering;
using BenchmarkDotNet.Attributes;
using Refit;
using KiotaArrClient = ArrSdk.Benchmarks.Kiota.Arr.KiotaArrClient;

namespace ArrSdk.Benchmarks.Comparison;

/// <summary>
/// One ARR <c>GET session</c> against an in-memory handler that replays the official GetSession.json 200 body, so only
/// client cost is measured. Every client sends the same bearer token, held in memory (a cache hit).
/// </summary>
[MemoryDiagnoser]
public class GetSessionBenchmarks
{
    private static readonly Uri SessionUri = new($"accounts/{OfficialExamples.ArrAccountId}/sessions/{OfficialExamples.SessionId}?api-version=2021-01-01", UriKind.Relative);
    private static readonly Guid AccountGuid = Guid.Parse(OfficialExamples.ArrAccountId);

    private HttpClient _floor = null!;
    private IHandWrittenSessions _handWritten = null!;
    private KiotaArrClient _kiota = null!;
    private IRemoteRenderingService _arrSdk = null!;
    private RemoteRenderingClient _arrSdkClient = null!;

    [GlobalSetup]
    public void Setup()
    {
        var recorded = OfficialExamples.GetSession();
        var issued = TestTokens.Issue(DateTimeOffset.UtcNow, TimeSpan.FromHours(24));
        var token = issued.Token.Token;

        _floor = new HttpClient(recorded) { BaseAddress = OfficialExamples.ArrEndpoint };
        _floor.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        _handWritten = RestService.ForGenerated<IHandWrittenSessions>(
            OfficialExamples.ArrEndpoint.AbsoluteUri,
            HandWrittenJsonContext.Default,
            new RefitSettings
            {
                AuthorizationHeaderValueGetter = (_, _) => ValueTask.FromResult(token),
                HttpMessageHandlerFactory = () => recorded,
            });

        _kiota = KiotaClients.Arr(recorded, token);

        var cache = new AccessTokenCache(_ => Task.FromResult(issued));
        cache.GetTokenAsync().AsTask().GetAwaiter().GetResult();
        _arrSdk = RestService.ForGenerated<IRemoteRenderingService>(
            new HttpClient(new ArrAuthenticationHandler(cache, recorded)) { BaseAddress = OfficialExamples.ArrEndpoint },
            RemoteRenderingJsonContext.Default);
        _arrSdkClient = new RemoteRenderingClient(_arrSdk, OfficialExamples.ArrAccountId);

        // A misconfigured client must not be timed: every client has to return the same answer first.
        AnswersAgree.Check(Floor, HandWrittenRefit, Kiota, ArrSdk, ArrSdkClient);
    }

    [Benchmark(Baseline = true, Description = "floor: HttpClient + STJ source generation")]
    public async Task<string?> Floor()
    {
        using var response = await _floor.GetAsync(SessionUri);
        response.EnsureSuccessStatusCode();
        var session = await JsonSerializer.DeserializeAsync(await response.Content.ReadAsStreamAsync(), HandWrittenJsonContext.Default.HandSession);
        return session?.Status;
    }

    [Benchmark(Description = "Refit interface written by hand")]
    public async Task<string?> HandWrittenRefit()
        => (await _handWritten.GetSession(OfficialExamples.ArrAccountId, OfficialExamples.SessionId)).Status;

    [Benchmark(Description = "Kiota client from mr-arr.json")]
    public async Task<string?> Kiota()
    {
        var session = await _kiota.Accounts[AccountGuid].Sessions[OfficialExamples.SessionId].GetAsync(c => c.QueryParameters.ApiVersion = "2021-01-01");
        return session?.Status?.ToString();
    }

    [Benchmark(Description = "ArrSdk generated client + token layer")]
    public async Task<string?> ArrSdk()
    {
        using var response = await _arrSdk.GetSessionAsync(OfficialExamples.ArrAccountId, OfficialExamples.SessionId);
        return response.Content?.Status.Value;
    }

    [Benchmark(Description = "ArrSdk RemoteRenderingClient (checks ids, typed errors)")]
    public async Task<string?> ArrSdkClient()
        => (await _arrSdkClient.GetSessionAsync(OfficialExamples.SessionId)).Status.Value;
}
