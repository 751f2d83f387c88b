using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;

namespace ArrSdk.Authentication;

/// <summary>
/// Reads the <c>exp</c> claim of a JWT without checking its signature: the SDK only needs to know when to refresh,
/// and the service, not the client, decides whether a token is genuine.
/// </summary>
public static class JwtExpiry
{
    /// <summary>Reads <c>exp</c> (seconds since the Unix epoch, as a number or a numeric string).</summary>
    /// <param name="token">The JWT.</param>
    /// <param name="expiresOn">The expiry, when found.</param>
    /// <returns>Whether a readable <c>exp</c> claim was found.</returns>
    public static bool TryRead(string? token, out DateTimeOffset expiresOn)
    {
        expiresOn = default;
        if (string.IsNullOrEmpty(token))
        {
            return false;
        }

        var firstDot = token.IndexOf('.', StringComparison.Ordinal);
        var secondDot = firstDot < 0 ? -1 : token.IndexOf('.', firstDot + 1);
        if (firstDot < 0 || secondDot < 0)
        {
            return false;
        }

        var payload = token.AsSpan(firstDot + 1, secondDot - firstDot - 1).TrimEnd('=');
        var buffer = ArrayPool<byte>.Shared.Rent(Base64Url.GetMaxDecodedLength(payload.Length));
        try
        {
            if (Base64Url.DecodeFromChars(payload, buffer, out _, out var written) != OperationStatus.Done)
            {
                return false;
            }

            return TryReadExp(buffer.AsSpan(0, written), out expiresOn);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static bool TryReadExp(ReadOnlySpan<byte> json, out DateTimeOffset expiresOn)
    {
        expiresOn = default;
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isExp = reader.ValueTextEquals("exp"u8);
                reader.Read();
                if (!isExp)
                {
                    reader.Skip();
                    continue;
                }

                double seconds;
                if (reader.TokenType == JsonTokenType.Number)
                {
                    seconds = reader.GetDouble();
                }
                else if (reader.TokenType != JsonTokenType.String
                         || !double.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out seconds))
                {
                    return false;
                }

                // Outside DateTimeOffset's range is as unreadable as no claim at all.
                if (double.IsNaN(seconds) || seconds < 0 || seconds > 253_402_300_799)
                {
                    return false;
                }

                expiresOn = DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000));
                return true;
            }
        }
        catch (JsonException)
        {
            return false;
        }

        return false;
    }
}
