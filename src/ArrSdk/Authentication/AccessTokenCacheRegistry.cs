using System.Collections.Concurrent;

namespace ArrSdk.Authentication;

/// <summary>
/// One token cache per (STS endpoint, account id), shared by every client that uses that account, instead of one per
/// client instance. The key's fingerprint is part of the identity too, so a corrected key gets its own cache rather than
/// a cache that keeps failing with the old one.
/// </summary>
public sealed class AccessTokenCacheRegistry
{
    private readonly ConcurrentDictionary<string, Lazy<AccessTokenCache>> _caches = new(StringComparer.Ordinal);

    /// <summary>The process-wide registry used when no other is given.</summary>
    public static AccessTokenCacheRegistry Shared { get; } = new();

    /// <summary>How many caches exist.</summary>
    public int Count => _caches.Count;

    /// <summary>Returns the cache for <paramref name="credential"/>, creating it with <paramref name="create"/> on first use.</summary>
    /// <param name="credential">The account.</param>
    /// <param name="create">Creates the cache; called at most once per account.</param>
    /// <returns>The shared cache.</returns>
    public AccessTokenCache GetOrCreate(AccountKeyCredential credential, Func<AccountKeyCredential, AccessTokenCache> create)
    {
        ArgumentNullException.ThrowIfNull(credential);
        ArgumentNullException.ThrowIfNull(create);
        // The identity is computed once per credential; the factory is static so a hit allocates nothing.
        return _caches.GetOrAdd(
            credential.CacheIdentity,
            static (_, state) => new Lazy<AccessTokenCache>(() => state.create(state.credential)),
            (credential, create)).Value;
    }
}
