using System.Net.Http.Headers;
using System.Text.Json;
using ArrSdk.Benchmarks.Comparison.HandWritten;
using ArrSdk.Sts;
using BenchmarkDotNet.Attributes;
using Refit;
using KiotaStsClient = ArrSdk.Benchmarks.Kiota.Sts.KiotaStsClient;

namespace ArrSdk.Benchmarks.Comparison;

/// <summary>
/// One STS token call (<c>GET /accounts/{id}/token</c>, account key in the Authorization header) against an in-memory
/// handler that replays the official GetToken.json 200 answer (MS-CV header, a JWT of the STS's size).
/// </summary>
[MemoryDiagnoser]
public class StsCallBenchmarks
{
    private static readonly Uri TokenUri = new($"accounts/{OfficialExamples.StsAccountId}/token?api-version=2019-02-28-preview", UriKind.Relative);
    private static readonly Guid AccountGuid = Guid.Parse(OfficialExamples.StsAccountId);
    private static readonly string Authorization = $"Bearer {OfficialExamples.StsAccountId}:{OfficialExamples.StsAccountKey}";

    private HttpClient _floor = null!;
    private IHandWrittenSts _handWritten = null!;
    private KiotaStsClient _kiota = null!;
    private ISecureTokenService _arrSdk = null!;

    [GlobalSetup]
    public void Setup()
    {
        var recorded = OfficialExamples.GetToken();
        _floor = new HttpClient(recorded) { BaseAddress = OfficialExamples.StsEndpoint };
        _handWritten = RestService.ForGenerated<IHandWrittenSts>(new HttpClient(recorded) { BaseAddress = OfficialExamples.StsEndpoint }, HandWrittenJsonContext.Default);
        _kiota = KiotaClients.Sts(recorded, OfficialExamples.StsAccountId, OfficialExamples.StsAccountKey);
        _arrSdk = RestService.ForGenerated<ISecureTokenService>(new HttpClient(recorded) { BaseAddress = OfficialExamples.StsEndpoint }, StsJsonContext.Default);

        // A misconfigured client must not be timed: every client has to return the same answer first.
        AnswersAgree.Check(Floor, HandWrittenRefit, Kiota, ArrSdk);
    }

    [Benchmark(Baseline = true, Description = "floor: HttpClient + STJ source generation")]
    public async Task<string?> Floor()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, TokenUri);
        request.Headers.TryAddWithoutValidation("Authorization", Authorization);
        using var response = await _floor.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var token = await JsonSerializer.DeserializeAsync(await response.Content.ReadAsStreamAsync(), HandWrittenJsonContext.Default.HandStsToken);
        return token?.AccessToken;
    }

    [Benchmark(Description = "Refit interface written by hand")]
    public async Task<string?> HandWrittenRefit()
        => (await _handWritten.GetToken(OfficialExamples.StsAccountId, Authorization)).AccessToken;

    [Benchmark(Description = "Kiota client from mr-sts.json")]
    public async Task<string?> Kiota()
    {
        var token = await _kiota.Accounts[AccountGuid].Token.GetAsync(c => c.QueryParameters.ApiVersion = "2019-02-28-preview");
        return token?.AccessToken;
    }

    [Benchmark(Description = "ArrSdk generated client")]
    public async Task<string?> ArrSdk()
    {
        using var response = await _arrSdk.GetTokenAsync(OfficialExamples.StsAccountId, Authorization);
        return response.Content?.AccessToken;
    }
}
