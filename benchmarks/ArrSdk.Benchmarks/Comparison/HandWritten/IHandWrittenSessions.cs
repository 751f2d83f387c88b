using Refit;

namespace ArrSdk.Benchmarks.Comparison.HandWritten;

/// <summary>
/// The way users write Refit today: an interface by hand, the bearer token added by Refit's
/// <see cref="RefitSettings.AuthorizationHeaderValueGetter"/> because it changes every day.
/// </summary>
[Headers("Authorization: Bearer")]
public interface IHandWrittenSessions
{
    /// <summary>Gets a session.</summary>
    [Get("/accounts/{accountId}/sessions/{sessionId}?api-version=2021-01-01")]
    Task<HandSession> GetSession(string accountId, string sessionId, CancellationToken cancellationToken = default);
}
