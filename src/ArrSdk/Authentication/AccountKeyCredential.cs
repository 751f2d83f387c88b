namespace ArrSdk.Authentication;

/// <summary>
/// A Mixed Reality account id and key, and the STS endpoint that exchanges them for access tokens.
/// The key is never shown: <see cref="ToString"/> redacts it.
/// </summary>
public sealed class AccountKeyCredential
{
    /// <summary>Creates a credential.</summary>
    /// <param name="accountId">The account id (a GUID for real accounts).</param>
    /// <param name="accountKey">The account key.</param>
    /// <param name="stsEndpoint">The STS endpoint; the global endpoint when omitted.</param>
    public AccountKeyCredential(string accountId, string accountKey, Uri? stsEndpoint = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        ArgumentException.ThrowIfNullOrWhiteSpace(accountKey);

        // Both travel in an HTTP header, which takes visible ASCII only. Never echo the values: the key is a secret,
        // and a line break would let either forge headers.
        if (!accountId.All(IsVisibleAscii))
        {
            throw new ArgumentException("The account id may contain only visible ASCII characters (a GUID such as 00000000-0000-0000-0000-000000000000).", nameof(accountId));
        }

        if (!accountKey.All(IsVisibleAscii))
        {
            throw new ArgumentException("The account key may contain only visible ASCII characters; check that it was copied whole, without spaces or line breaks.", nameof(accountKey));
        }

        AccountId = accountId;
        AccountKey = accountKey;
        StsEndpoint = stsEndpoint ?? StsEndpoints.Global;
    }

    /// <summary>The account id.</summary>
    public string AccountId { get; }

    /// <summary>The STS endpoint that issues tokens for this account.</summary>
    public Uri StsEndpoint { get; }

    /// <summary>The account key; internal so that it cannot leak through casual use of the public API.</summary>
    internal string AccountKey { get; }

    /// <summary>
    /// Which token cache this credential belongs to: STS authority, account id and a fingerprint of the key (never the
    /// key itself). Computed once per credential, so an application that looks its cache up per request pays a
    /// dictionary lookup, not a SHA-256.
    /// </summary>
    internal string CacheIdentity => _cacheIdentity ??= string.Join(
        '|',
        StsEndpoint.GetLeftPart(UriPartial.Authority).ToUpperInvariant(),
        AccountId.ToUpperInvariant(),
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(AccountKey))));

    private string? _cacheIdentity;

    private static bool IsVisibleAscii(char c) => c is > ' ' and < '\u007f';

    /// <inheritdoc/>
    public override string ToString() => $"AccountKeyCredential {{ AccountId = {AccountId}, StsEndpoint = {StsEndpoint}, AccountKey = *** }}";
}
