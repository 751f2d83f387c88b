using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ArrSdk.TokenMemory;

/// <summary>
/// Account ids and keys derived from a number, so the in-memory STS can check a key without holding a table of
/// accounts (which would be counted as the client's memory) and every run uses the same accounts.
/// </summary>
internal static class DemoAccounts
{
    /// <summary>A GUID, as the STS requires; <paramref name="run"/> keeps warm-up accounts apart from measured ones.</summary>
    public static string Id(int run, int index)
        => string.Create(CultureInfo.InvariantCulture, $"{run:x8}-0000-4000-8000-{index:x12}");

    /// <summary>44 base64 characters, the length of a real account key (32 bytes).</summary>
    public static string Key(string accountId)
        => Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes("arrsdk-token-memory:" + accountId)));
}
