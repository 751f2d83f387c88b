using ArrSdk.RemoteRendering;
using Refit;

namespace ArrSdk.Benchmarks.Comparison.HandWritten;

/// <summary>
/// The hand-written interface changed one way at a time toward what ArrSdk generates, so the breakdown benchmark can
/// attribute the difference between the two.
/// </summary>
public interface IHandWrittenSessionVariants
{
    /// <summary>Hand-written DTO, wrapped in <see cref="IApiResponse{T}"/> as ArrSdk's methods are.</summary>
    [Get("/accounts/{accountId}/sessions/{sessionId}?api-version=2021-01-01")]
    Task<IApiResponse<HandSession>> GetSessionWithResponse(string accountId, string sessionId, CancellationToken cancellationToken = default);

    /// <summary>ArrSdk's generated DTO, returned bare.</summary>
    [Get("/accounts/{accountId}/sessions/{sessionId}?api-version=2021-01-01")]
    Task<SessionProperties> GetGeneratedSession(string accountId, string sessionId, CancellationToken cancellationToken = default);
}
