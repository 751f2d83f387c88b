using System.Buffers.Text;
using System.Text;

namespace ArrSdk.Tests.Infrastructure;

/// <summary>Builds unsigned test JWTs with any payload.</summary>
internal static class JwtFactory
{
    public static string WithPayload(string json, bool padded = false)
    {
        var header = Base64Url.EncodeToString("""{"alg":"none"}"""u8);
        var payload = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));
        if (padded)
        {
            payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
        }

        return $"{header}.{payload}.c2ln";
    }

    public static string Expiring(DateTimeOffset expiresOn) => WithPayload($$"""{"exp":{{expiresOn.ToUnixTimeSeconds()}}}""");
}
