using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ArrSdk.Emulator.Sts;

/// <summary>
/// Issues JWTs (header.payload.signature, base64url, HS256) shaped like the STS's, signed with a key of this emulator
/// instance so that the emulated ARR API can tell its own tokens from forged ones.
/// </summary>
internal sealed class EmulatorTokenIssuer : IDisposable
{
    public const string Issuer = "https://sts.emulator.arrsdk.local";
    public const string Audience = "https://remoterendering.mixedreality.azure.com";

    private static readonly string EncodedHeader = Base64Url.EncodeToString("""{"alg":"HS256","typ":"JWT"}"""u8);

    private readonly HMACSHA256 _signer = new(RandomNumberGenerator.GetBytes(32));
    private readonly Lock _signerGate = new();

    public string Issue(string accountId, DateTimeOffset issuedAt, DateTimeOffset? expiresOn)
    {
        using var payload = new MemoryStream();
        using (var writer = new Utf8JsonWriter(payload))
        {
            writer.WriteStartObject();
            writer.WriteString("iss", Issuer);
            writer.WriteString("aud", Audience);
            writer.WriteString("accountId", accountId);
            writer.WriteString("jti", Guid.NewGuid().ToString());
            writer.WriteNumber("iat", issuedAt.ToUnixTimeSeconds());
            writer.WriteNumber("nbf", issuedAt.ToUnixTimeSeconds());
            if (expiresOn is { } exp)
            {
                writer.WriteNumber("exp", exp.ToUnixTimeSeconds());
            }

            writer.WriteEndObject();
        }

        var unsigned = EncodedHeader + "." + Base64Url.EncodeToString(payload.ToArray());
        return unsigned + "." + Base64Url.EncodeToString(Sign(unsigned));
    }

    /// <summary>Checks a bearer token as the ARR service would: our signature, not expired, and its account.</summary>
    /// <returns>The token's account id, or the reason it is not valid.</returns>
    public (string? AccountId, string? Problem) Validate(string token, DateTimeOffset now)
    {
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return (null, "the token is not a JWT");
        }

        byte[] signature;
        byte[] payload;
        try
        {
            signature = Base64Url.DecodeFromChars(parts[2]);
            payload = Base64Url.DecodeFromChars(parts[1]);
        }
        catch (FormatException)
        {
            return (null, "the token is not base64url");
        }

        if (!CryptographicOperations.FixedTimeEquals(signature, Sign(parts[0] + "." + parts[1])))
        {
            return (null, "the token signature is invalid");
        }

        using var json = JsonDocument.Parse(payload);
        var root = json.RootElement;
        if (!root.TryGetProperty("exp", out var exp) || exp.ValueKind != JsonValueKind.Number || DateTimeOffset.FromUnixTimeSeconds(exp.GetInt64()) <= now)
        {
            return (null, "the token has expired");
        }

        return (root.TryGetProperty("accountId", out var account) ? account.GetString() : null, null);
    }

    public void Dispose() => _signer.Dispose();

    private byte[] Sign(string unsigned)
    {
        lock (_signerGate)
        {
            return _signer.ComputeHash(Encoding.ASCII.GetBytes(unsigned));
        }
    }
}
