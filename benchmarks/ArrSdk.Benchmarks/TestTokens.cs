using System.Buffers.Text;
using System.Text;
using ArrSdk.Authentication;

namespace ArrSdk.Benchmarks;

/// <summary>Tokens shaped like the STS's, made locally.</summary>
internal static class TestTokens
{
    public static StsTokenResult Issue(DateTimeOffset now, TimeSpan lifetime)
    {
        var expiresOn = now + lifetime;
        var payload = Base64Url.EncodeToString(Encoding.UTF8.GetBytes($$"""{"exp":{{expiresOn.ToUnixTimeSeconds()}},"accountId":"bench"}"""));
        var token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9." + payload + ".c2lnbmF0dXJl";
        return new StsTokenResult(new ArrAccessToken(token, expiresOn), now, HasExpiryClaim: true);
    }
}
