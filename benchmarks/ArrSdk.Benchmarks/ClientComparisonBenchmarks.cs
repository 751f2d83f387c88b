using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;
using ArrSdk.Authentication;
using ArrSdk.RemoteRendering;
using BenchmarkDotNet.Attributes;
using Refit;

namespace ArrSdk.Benchmarks;

/// <summary>
/// One ARR <c>GET session</c> against an in-memory handler that returns the official example's bytes, so only client
/// cost is measured: the ArrSdk generated client through the token layer (cache hit), a Refit interface written by
/// hand, and a hand-written HttpClient + System.Text.Json source-generated call as the floor. (The Kiota client of
/// issue 7 is not in this run.)
/// </summary>
[MemoryDiagnoser]
public class ClientComparisonBenchmarks
{
    private const string AccountId = "30ea64bd-100f-4bf0-adc9-29fa45d4880c";
    private const string SessionId = "contoso-session-c2b8ac1d-9494-4852-a59c-8c28813adc28";
    private static readonly Uri Endpoint = new("https://remoterendering.eastus.mixedreality.azure.com/");

    private IRemoteRenderingService _generated = null!;
    private IHandWrittenSessions _handWritten = null!;
    private HttpClient _floor = null!;

    [GlobalSetup]
    public void Setup()
    {
        var body = RecordedBody();
        var token = TestTokens.Issue(DateTimeOffset.UtcNow, TimeSpan.FromHours(24)).Token.Token;
        var cache = new AccessTokenCache(_ => Task.FromResult(TestTokens.Issue(DateTimeOffset.UtcNow, TimeSpan.FromHours(24))));
        cache.GetTokenAsync().AsTask().GetAwaiter().GetResult();

        _generated = RestService.ForGenerated<IRemoteRenderingService>(
            new HttpClient(new ArrAuthenticationHandler(cache, new RecordedResponse(body))) { BaseAddress = Endpoint }, RemoteRenderingJsonContext.Default);

        var handWrittenClient = new HttpClient(new RecordedResponse(body)) { BaseAddress = Endpoint };
        handWrittenClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        _handWritten = RestService.ForGenerated<IHandWrittenSessions>(handWrittenClient, HandWrittenJsonContext.Default);

        _floor = new HttpClient(new RecordedResponse(body)) { BaseAddress = Endpoint };
        _floor.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    [Benchmark(Baseline = true, Description = "floor: HttpClient + STJ source generation")]
    public async Task<string?> Floor()
    {
        using var response = await _floor.GetAsync(new Uri($"accounts/{AccountId}/sessions/{SessionId}?api-version=2021-01-01", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        var session = await JsonSerializer.DeserializeAsync(await response.Content.ReadAsStreamAsync(), HandWrittenJsonContext.Default.HandSession);
        return session?.Status;
    }

    [Benchmark(Description = "Refit interface written by hand")]
    public async Task<string?> HandWrittenRefit() => (await _handWritten.GetSession(AccountId, SessionId)).Status;

    [Benchmark(Description = "ArrSdk generated client + token layer (cache hit)")]
    public async Task<string?> ArrSdkGenerated()
    {
        using var response = await _generated.GetSessionAsync(AccountId, SessionId);
        return response.Content?.Status.Value;
    }

    private static byte[] RecordedBody()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var example = Path.Combine(dir.FullName, "..", "shared", "realdata", "azure-rest-api-specs", "data-plane", "Microsoft.MixedReality", "stable", "2021-01-01", "examples", "GetSession.json");
            if (File.Exists(example))
            {
                using var document = JsonDocument.Parse(File.ReadAllBytes(example));
                return JsonSerializer.SerializeToUtf8Bytes(document.RootElement.GetProperty("responses").GetProperty("200").GetProperty("body"));
            }
        }

        throw new InvalidOperationException("The official GetSession.json example was not found in ../shared/realdata.");
    }

    private sealed class RecordedResponse(byte[] body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
        }
    }
}

/// <summary>The way users write Refit today: an interface and a DTO by hand.</summary>
public interface IHandWrittenSessions
{
    /// <summary>Gets a session.</summary>
    [Get("/accounts/{accountId}/sessions/{sessionId}?api-version=2021-01-01")]
    Task<HandSession> GetSession(string accountId, string sessionId);
}

/// <summary>A hand-written session DTO.</summary>
public sealed class HandSession
{
    /// <summary>The id.</summary>
    [JsonPropertyName("id")] public string Id { get; set; } = "";

    /// <summary>The status.</summary>
    [JsonPropertyName("status")] public string? Status { get; set; }

    /// <summary>The size.</summary>
    [JsonPropertyName("size")] public string? Size { get; set; }

    /// <summary>The host.</summary>
    [JsonPropertyName("hostname")] public string? Hostname { get; set; }

    /// <summary>The lease.</summary>
    [JsonPropertyName("maxLeaseTimeMinutes")] public int? MaxLeaseTimeMinutes { get; set; }

    /// <summary>Minutes up.</summary>
    [JsonPropertyName("elapsedTimeMinutes")] public int? ElapsedTimeMinutes { get; set; }

    /// <summary>Handshake port.</summary>
    [JsonPropertyName("handshakePort")] public int? HandshakePort { get; set; }

    /// <summary>Inspector port.</summary>
    [JsonPropertyName("arrInspectorPort")] public int? ArrInspectorPort { get; set; }

    /// <summary>Teraflops.</summary>
    [JsonPropertyName("teraflops")] public double? Teraflops { get; set; }

    /// <summary>Created.</summary>
    [JsonPropertyName("creationTime")] public DateTimeOffset? CreationTime { get; set; }
}

/// <summary>STJ metadata for the hand-written DTO.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(HandSession))]
public sealed partial class HandWrittenJsonContext : JsonSerializerContext;
