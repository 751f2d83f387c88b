using ArrSdk.RemoteRendering;
using Refit;

namespace ArrSdk.Benchmarks.Comparison.HandWritten;

/// <summary>The hand-written interface returning ArrSdk's generated DTO bare.</summary>
public interface IGeneratedDtoSessions
{
    /// <summary>Gets a session.</summary>
    [Get("/accounts/{accountId}/sessions/{sessionId}?api-version=2021-01-01")]
    Task<SessionProperties> GetSession(string accountId, string sessionId, CancellationToken cancellationToken = default);
}
