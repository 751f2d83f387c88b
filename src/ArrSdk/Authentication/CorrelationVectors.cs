namespace ArrSdk.Authentication;

/// <summary>Creates correlation vectors (<c>X-MRC-CV</c>) in the service's format: 16 random bytes, base64.</summary>
internal static class CorrelationVectors
{
    public static string New()
    {
        Span<byte> bytes = stackalloc byte[16];
        System.Security.Cryptography.RandomNumberGenerator.Fill(bytes);
        return Convert.ToBase64String(bytes).TrimEnd('=');
    }
}
