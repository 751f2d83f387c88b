using Refit;

namespace ArrSdk.Benchmarks.Comparison.HandWritten;

/// <summary>The hand-written interface with its DTO wrapped in <see cref="IApiResponse{T}"/>, as ArrSdk's methods return it.</summary>
public interface IHandWrittenWrappedSessions
{
    /// <summary>Gets a session with its status code and headers.</summary>
    [Get("/accounts/{accountId}/sessions/{sessionId}?api-version=2021-01-01")]
    Task<IApiResponse<HandSession>> GetSession(string accountId, string sessionId, CancellationToken cancellationToken = default);

    /// <summary>Gets a session into the DTO whose guaranteed properties are marked required.</summary>
    [Get("/accounts/{accountId}/sessions/{sessionId}?api-version=2021-01-01")]
    Task<HandSessionWithRequired> GetSessionWithRequired(string accountId, string sessionId, CancellationToken cancellationToken = default);
}
