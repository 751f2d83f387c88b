using ArrSdk.Authentication;

namespace ArrSdk.Tests;

/// <summary>One cache per (STS authority, account id, key), found again without rehashing the key.</summary>
public sealed class AccessTokenCacheRegistryTests
{
    private static readonly Uri Sts = new("https://sts.mixedreality.azure.com/");

    [Fact]
    public void The_same_account_gets_the_same_cache_whatever_the_case_of_its_id_or_the_credential_instance()
    {
        var registry = new AccessTokenCacheRegistry();
        var created = 0;

        var first = registry.GetOrCreate(new AccountKeyCredential("Account-A", "key-1", Sts), Create);
        var again = registry.GetOrCreate(new AccountKeyCredential("account-a", "key-1", new Uri("https://STS.mixedreality.azure.com/other")), Create);

        Assert.Same(first, again);
        Assert.Equal(1, created);

        AccessTokenCache Create(AccountKeyCredential credential)
        {
            created++;
            return NewCache();
        }
    }

    [Fact]
    public void A_different_key_or_sts_gets_its_own_cache()
    {
        var registry = new AccessTokenCacheRegistry();

        var original = registry.GetOrCreate(new AccountKeyCredential("a", "key-1", Sts), _ => NewCache());
        var otherKey = registry.GetOrCreate(new AccountKeyCredential("a", "key-2", Sts), _ => NewCache());
        var otherSts = registry.GetOrCreate(new AccountKeyCredential("a", "key-1", new Uri("https://sts.eastus.mixedreality.azure.com/")), _ => NewCache());

        Assert.NotSame(original, otherKey);
        Assert.NotSame(original, otherSts);
        Assert.Equal(3, registry.Count);
    }

    [Fact]
    public void Looking_up_a_known_credential_again_allocates_nothing()
    {
        var registry = new AccessTokenCacheRegistry();
        var credential = new AccountKeyCredential("a", "key-1", Sts);
        Func<AccountKeyCredential, AccessTokenCache> create = _ => NewCache();
        var cache = registry.GetOrCreate(credential, create);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var found = registry.GetOrCreate(credential, create);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Same(cache, found);
        Assert.Equal(0, allocated);
    }

    private static AccessTokenCache NewCache()
        => AccessTokenCache.ForDelegate(_ => ValueTask.FromResult("unused"));
}
