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

    public void Dispose() => _signer.Dispose();

    private byte[] Sign(string unsigned)
    {
        lock (_signerGate)
        {
            return _signer.ComputeHash(Encoding.ASCII.GetBytes(unsigned));
        }
    }
}
