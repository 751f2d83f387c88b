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

        // Never echo the values: the key is a secret, and a line break would let either forge HTTP headers.
        if (accountId.Any(char.IsControl))
        {
            throw new ArgumentException("The account id contains control characters.", nameof(accountId));
        }

        if (accountKey.Any(char.IsControl))
        {
            throw new ArgumentException("The account key contains control characters.", nameof(accountKey));
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

    /// <inheritdoc/>
    public override string ToString() => $"AccountKeyCredential {{ AccountId = {AccountId}, StsEndpoint = {StsEndpoint}, AccountKey = *** }}";
}
