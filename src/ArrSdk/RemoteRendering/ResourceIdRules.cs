namespace ArrSdk.RemoteRendering;

/// <summary>Checks values before the round trip, with the rules the service applies.</summary>
public static class ResourceIdRules
{
    /// <summary>The longest session or conversion id.</summary>
    public const int MaxIdLength = 256;

    /// <summary>The longest lease the service grants.</summary>
    public static readonly TimeSpan MaxLeaseTime = TimeSpan.FromMinutes(1440);

    // Checked on every call before the round trip, so a span search rather than LINQ over the string's characters.
    private static readonly System.Buffers.SearchValues<char> IdCharacters =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_");

    /// <summary>Throws when <paramref name="id"/> is not 1 to 256 letters, digits, '-' or '_'.</summary>
    /// <param name="id">The id.</param>
    /// <param name="parameterName">The parameter to name.</param>
    public static void EnsureValidId(string id, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(id, parameterName);
        if (id.Length is 0 or > MaxIdLength || id.AsSpan().ContainsAnyExcept(IdCharacters))
        {
            throw new ArgumentException($"'{Shorten(id)}' is not a valid id: use 1 to {MaxIdLength} letters, digits, '-' or '_'.", parameterName);
        }
    }

    /// <summary>Throws when <paramref name="lease"/> is not between one minute and 24 hours.</summary>
    /// <param name="lease">The lease.</param>
    /// <param name="parameterName">The parameter to name.</param>
    /// <returns>The lease in whole minutes, rounded up.</returns>
    public static int EnsureValidLease(TimeSpan lease, string parameterName)
    {
        if (lease < TimeSpan.FromMinutes(1) || lease > MaxLeaseTime)
        {
            throw new ArgumentOutOfRangeException(parameterName, lease, $"A lease must be between 1 minute and {MaxLeaseTime.TotalMinutes:0} minutes (24 hours).");
        }

        return (int)Math.Ceiling(lease.TotalMinutes);
    }

    private static string Shorten(string id) => id.Length <= 40 ? id : id[..40] + "…";
}
