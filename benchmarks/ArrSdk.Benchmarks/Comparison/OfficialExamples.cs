using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace ArrSdk.Benchmarks.Comparison;

/// <summary>The recorded responses the comparisons replay, taken from the official examples in ../shared/realdata.</summary>
internal static class OfficialExamples
{
    public const string ArrAccountId = "30ea64bd-100f-4bf0-adc9-29fa45d4880c";
    public const string SessionId = "contoso-session-c2b8ac1d-9494-4852-a59c-8c28813adc28";
    public const string StsAccountId = "34adfa4f-cedf-4dc0-ba29-b6d1a69ab345";
    public const string StsAccountKey = "benchmark-account-key-not-a-secret=";

    public static readonly Uri ArrEndpoint = new("https://remoterendering.eastus.mixedreality.azure.com/");
    public static readonly Uri StsEndpoint = new("https://sts.mixedreality.azure.com/");

    /// <summary>GetSession.json (stable/2021-01-01): the 200 body, no headers.</summary>
    public static RecordedResponse GetSession()
    {
        var body = Response("stable/2021-01-01/examples/GetSession.json").GetProperty("body");
        return new RecordedResponse(JsonSerializer.SerializeToUtf8Bytes(body), new Dictionary<string, string>());
    }

    /// <summary>
    /// GetToken.json (2019-02-28-preview): its 200 headers (MS-CV), with the example's "******" token replaced by a JWT of
    /// the size the STS issues (RS256, about 1.2 KB), so deserialization cost is realistic.
    /// </summary>
    public static RecordedResponse GetToken()
    {
        var example = Response("preview/2019-02-28-preview/examples/GetToken.json");
        var headers = example.GetProperty("headers").EnumerateObject().ToDictionary(h => h.Name, h => h.Value.GetString()!);
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["AccessToken"] = StsSizedJwt() });
        return new RecordedResponse(body, headers);
    }

    private static JsonElement Response(string relativePath)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "..", "shared", "realdata", "azure-rest-api-specs", "data-plane", "Microsoft.MixedReality", relativePath);
            if (File.Exists(path))
            {
                using var document = JsonDocument.Parse(File.ReadAllBytes(path));
                return document.RootElement.GetProperty("responses").GetProperty("200").Clone();
            }
        }

        throw new InvalidOperationException(
            $"The official example {relativePath} was not found: looked for shared/realdata/azure-rest-api-specs/data-plane/Microsoft.MixedReality " +
            $"beside every folder above {AppContext.BaseDirectory}. The benchmarks replay it, so run them from a clone that sits beside shared/ (../shared/realdata).");
    }

    private static string StsSizedJwt()
    {
        static string Encode(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = Encode("""{"alg":"RS256","kid":"0A4F6E2B8C1D3E5F7A9B0C2D4E6F8A1B3C5D7E9F","x5t":"Ck9uK4wdPl96mwwtTm-KGzxdfpk","typ":"JWT"}""");
        var payload = Encode($$"""{"accountId":"{{StsAccountId}}","aud":"https://remoterendering.mixedreality.azure.com","iss":"https://sts.mixedreality.azure.com","nbf":{{now}},"iat":{{now}},"exp":{{now + 86_400}},"http://schemas.microsoft.com/identity/claims/scope":"https://mixedreality.azure.com/.default","mrc.accountDomain":"eastus.mixedreality.azure.com","mrc.rid":"e8d93e4a-2f4b-4c5f-9c37-5a0d1b2c3d4e","mrc.tid":"72f988bf-86f1-41af-91ab-2d7cd011db47"}""");
        var signature = Base64Url.EncodeToString(new byte[256]);
        return $"{header}.{payload}.{signature}";
    }
}
