using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Net.Http.Headers;
using ArrSdk.Authentication;
using ArrSdk.Benchmarks.Comparison.HandWritten;
using ArrSdk.RemoteRendering;
using BenchmarkDotNet.Attributes;
using Refit;

namespace ArrSdk.Benchmarks.Comparison;

/// <summary>
/// Where the difference between the hand-written Refit interface and ArrSdk's generated client comes from: each row
/// changes one thing (how the token is attached, the response wrapper, the DTO) against the same recorded answer.
/// </summary>
[MemoryDiagnoser]
public class GetSessionBreakdownBenchmarks
{
    private IHandWrittenSessions _viaRefitGetter = null!;
    private IHandWrittenStaticTokenSessions _viaDefaultHeaders = null!;
    private IHandWrittenStaticTokenSessions _withRequired = null!;
    private IGeneratedDtoSessions _generatedDto = null!;
    private IRemoteRenderingService _generatedViaDefaultHeaders = null!;
    private IRemoteRenderingService _generatedViaHandler = null!;

    [GlobalSetup]
    public void Setup()
    {
        var recorded = OfficialExamples.GetSession();
        var issued = TestTokens.Issue(DateTimeOffset.UtcNow, TimeSpan.FromHours(24));
        var token = issued.Token.Token;

        _viaRefitGetter = RestService.ForGenerated<IHandWrittenSessions>(
            OfficialExamples.ArrEndpoint.AbsoluteUri,
            HandWrittenJsonContext.Default,
            new RefitSettings { AuthorizationHeaderValueGetter = (_, _) => ValueTask.FromResult(token), HttpMessageHandlerFactory = () => recorded });

        _viaDefaultHeaders = RestService.ForGenerated<IHandWrittenStaticTokenSessions>(WithStaticToken(recorded, token), HandWrittenJsonContext.Default);

        // The same DTO with the three properties the API guarantees marked required, as ArrSdk's are.
        var requiredOptions = new JsonSerializerOptions(HandWrittenJsonContext.Default.Options)
        {
            TypeInfoResolver = HandWrittenJsonContext.Default.WithAddedModifier(static info =>
            {
                foreach (var property in info.Properties)
                {
                    property.IsRequired |= info.Type == typeof(HandSession) && property.Name is "id" or "size" or "status";
                }
            }),
        };
        _withRequired = RestService.ForGenerated<IHandWrittenStaticTokenSessions>(
            WithStaticToken(recorded, token), new RefitSettings(new SystemTextJsonContentSerializer(requiredOptions)));
        _generatedDto = RestService.ForGenerated<IGeneratedDtoSessions>(WithStaticToken(recorded, token), RemoteRenderingJsonContext.Default);
        _generatedViaDefaultHeaders = RestService.ForGenerated<IRemoteRenderingService>(WithStaticToken(recorded, token), RemoteRenderingJsonContext.Default);

        var cache = new AccessTokenCache(_ => Task.FromResult(issued));
        cache.GetTokenAsync().AsTask().GetAwaiter().GetResult();
        _generatedViaHandler = RestService.ForGenerated<IRemoteRenderingService>(
            new HttpClient(new ArrAuthenticationHandler(cache, recorded)) { BaseAddress = OfficialExamples.ArrEndpoint },
            RemoteRenderingJsonContext.Default);

        AnswersAgree.Check(HandWrittenWithGetter, HandWrittenWithStaticToken, HandWrittenWrapped, HandWrittenRequired, GeneratedDtoBare, GeneratedWithStaticToken, GeneratedWithHandler);
    }

    [Benchmark(Baseline = true, Description = "hand-written, token by Refit's getter")]
    public async Task<string?> HandWrittenWithGetter()
        => (await _viaRefitGetter.GetSession(OfficialExamples.ArrAccountId, OfficialExamples.SessionId)).Status;

    [Benchmark(Description = "hand-written, static token in DefaultRequestHeaders")]
    public async Task<string?> HandWrittenWithStaticToken()
        => (await _viaDefaultHeaders.GetSession(OfficialExamples.ArrAccountId, OfficialExamples.SessionId)).Status;

    [Benchmark(Description = "hand-written DTO in IApiResponse<T>, static token")]
    public async Task<string?> HandWrittenWrapped()
    {
        using var response = await _viaDefaultHeaders.GetSessionWithResponse(OfficialExamples.ArrAccountId, OfficialExamples.SessionId);
        return response.Content?.Status;
    }

    [Benchmark(Description = "hand-written DTO with 3 [JsonRequired], static token")]
    public async Task<string?> HandWrittenRequired()
        => (await _withRequired.GetSession(OfficialExamples.ArrAccountId, OfficialExamples.SessionId)).Status;

    [Benchmark(Description = "generated DTO returned bare, static token")]
    public async Task<string?> GeneratedDtoBare()
        => (await _generatedDto.GetSession(OfficialExamples.ArrAccountId, OfficialExamples.SessionId)).Status.Value;

    [Benchmark(Description = "ArrSdk generated method, static token")]
    public async Task<string?> GeneratedWithStaticToken()
    {
        using var response = await _generatedViaDefaultHeaders.GetSessionAsync(OfficialExamples.ArrAccountId, OfficialExamples.SessionId);
        return response.Content?.Status.Value;
    }

    [Benchmark(Description = "ArrSdk generated method + ArrAuthenticationHandler")]
    public async Task<string?> GeneratedWithHandler()
    {
        using var response = await _generatedViaHandler.GetSessionAsync(OfficialExamples.ArrAccountId, OfficialExamples.SessionId);
        return response.Content?.Status.Value;
    }

    private static HttpClient WithStaticToken(HttpMessageHandler recorded, string token)
    {
        var client = new HttpClient(recorded, disposeHandler: false) { BaseAddress = OfficialExamples.ArrEndpoint };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
