using Refit;

namespace ArrSdk.Benchmarks.Comparison.HandWritten;

/// <summary>The STS token call written by hand with Refit: the account's key goes in the Authorization header.</summary>
public interface IHandWrittenSts
{
    /// <summary>Gets a token.</summary>
    [Get("/accounts/{accountId}/token?api-version=2019-02-28-preview")]
    Task<HandStsToken> GetToken(string accountId, [Header("Authorization")] string authorization, CancellationToken cancellationToken = default);
}
