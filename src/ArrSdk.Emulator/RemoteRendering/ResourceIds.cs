namespace ArrSdk.Emulator.RemoteRendering;

/// <summary>The service's rule for session and conversion ids: 1 to 256 letters, digits, '-' or '_', case sensitive.</summary>
internal static class ResourceIds
{
    public const int MaxLength = 256;

    public static bool IsValid(string id)
        => id.Length is > 0 and <= MaxLength && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
