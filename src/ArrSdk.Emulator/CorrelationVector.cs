namespace ArrSdk.Emulator;

/// <summary>MS-CV values in the service's format: 16 random bytes in base64 without padding, new for every response.</summary>
internal static class CorrelationVector
{
    public const string HeaderName = "MS-CV";

    public static string New()
    {
        Span<byte> bytes = stackalloc byte[16];
        System.Security.Cryptography.RandomNumberGenerator.Fill(bytes);
        return Convert.ToBase64String(bytes).TrimEnd('=');
    }
}
