namespace ArrSdk.Authentication;

/// <summary>Supplies valid access tokens for ARR requests.</summary>
public interface IAccessTokenProvider
{
    /// <summary>Returns a token that is valid now; from the cache when possible.</summary>
    /// <param name="cancellationToken">Cancels this caller's wait only, never a fetch that other callers share.</param>
    /// <returns>A valid token.</returns>
    ValueTask<ArrAccessToken> GetTokenAsync(CancellationToken cancellationToken = default);

    /// <summary>Forgets <paramref name="token"/> (for example after the service rejected it) so the next call fetches a new one.</summary>
    /// <param name="token">The token to forget; a newer cached token is kept.</param>
    void Invalidate(ArrAccessToken token);
}
