namespace ArrSdk.TokenMemory;

/// <summary>One snapshot and the step it follows.</summary>
internal sealed record Stage(string Name, MemorySnapshot Memory);

/// <summary>What a run measured and which of its checks failed.</summary>
internal sealed record RunResult(
    RunOptions Options,
    IReadOnlyList<Stage> Stages,
    int ShortestToken,
    int LongestToken,
    TimeSpan FillTime,
    long AllocatedPerFetch,
    TimeSpan HitTime,
    long AllocatedPerHit,
    IReadOnlyList<string> Failures)
{
    public MemorySnapshot Baseline => Stages[0].Memory;

    public MemorySnapshot After => Stages[3].Memory;

    /// <summary>What one token string occupies on the 64-bit heap: header, method table, length, UTF-16 chars and a terminator, rounded to 8.</summary>
    public long TokenStringBytes => (8 + 8 + 4 + (2L * (LongestToken + 1)) + 7) / 8 * 8;
}
