using Refit;

namespace ArrSdk.Benchmarks.Comparison.HandWritten;

/// <summary>
/// The hand-written interface for a token fixed in <c>DefaultRequestHeaders</c>: no <c>[Headers("Authorization: Bearer")]</c>,
/// which would replace that header. One method returns the DTO bare, one wraps it as ArrSdk's methods do.
/// </summary>
public interface IHandWrittenStaticTokenSessions
{
    /// <summary>Gets a session.</summary>
    [Get("/accounts/{accountId}/sessions/{sessionId}?api-version=2021-01-01")]
    Task<HandSession> GetSession(string accountId, string sessionId, CancellationToken cancellationToken = default);

    /// <summary>Gets a session with its status code and headers.</summary>
    [Get("/accounts/{accountId}/sessions/{sessionId}?api-version=2021-01-01")]
    Task<IApiResponse<HandSession>> GetSessionWithResponse(string accountId, string sessionId, CancellationToken cancellationToken = default);
}
