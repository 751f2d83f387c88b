using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ArrSdk.TokenMemory;

/// <summary>
/// Mints JWTs exactly as the emulator's STS does (src/ArrSdk.Emulator/Sts/EmulatorTokenIssuer.cs: HS256; iss, aud,
/// accountId, jti, iat, nbf, exp), so a cached token here has the emulator's size. Copied rather than referenced because
/// the issuer is internal to the emulator and the emulator would bring ASP.NET Core into the measured process; run.sh
/// checks that the length matches a token the real emulator issues.
/// </summary>
internal sealed class EmulatorShapedTokens : IDisposable
{
    private const string Issuer = "https://sts.emulator.arrsdk.local";
    private const string Audience = "https://remoterendering.mixedreality.azure.com";

    private static readonly string EncodedHeader = Base64Url.EncodeToString("""{"alg":"HS256","typ":"JWT"}"""u8);

    // A fixed key: the SDK never checks signatures, and a fixed key keeps runs alike.
    private readonly HMACSHA256 _signer = new(SHA256.HashData("arrsdk-token-memory"u8));
    private readonly Lock _signerGate = new();
    private readonly string? _padding;

    /// <param name="paddingChars">Characters of an extra <c>pad</c> claim, to try larger tokens (real STS tokens carry more claims and an RS256 signature).</param>
    public EmulatorShapedTokens(int paddingChars) => _padding = paddingChars > 0 ? new string('p', paddingChars) : null;

    public string Issue(string accountId, DateTimeOffset issuedAt, DateTimeOffset expiresOn)
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
            writer.WriteNumber("exp", expiresOn.ToUnixTimeSeconds());
            if (_padding is not null)
            {
                writer.WriteString("pad", _padding);
            }

            writer.WriteEndObject();
        }

        var unsigned = EncodedHeader + "." + Base64Url.EncodeToString(payload.ToArray());
        byte[] signature;
        lock (_signerGate)
        {
            signature = _signer.ComputeHash(Encoding.ASCII.GetBytes(unsigned));
        }

        return unsigned + "." + Base64Url.EncodeToString(signature);
    }

    /// <summary>The <c>accountId</c> claim of a token minted here, to check that every account got its own token.</summary>
    public static string? AccountIdOf(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        using var json = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
        return json.RootElement.TryGetProperty("accountId", out var account) ? account.GetString() : null;
    }

    public void Dispose() => _signer.Dispose();
}
