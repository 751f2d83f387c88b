using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Perfolizer.Horology;

namespace ArrSdk.Benchmarks;

/// <summary>
/// The job the documented command runs: every benchmark of the project in a few minutes on two cores. BenchmarkDotNet's
/// default job adapts its iteration count to the noise, and on a shared two-core VM it runs each case up to 100 times
/// (the whole project took about 15 minutes); a fixed count keeps the run short, and two launches per case keep one
/// unlucky process from deciding a row.
/// </summary>
/// <remarks>
/// Tiered compilation waits until no new method has been compiled for 100 ms before it promotes hot code, and these
/// benchmarks run enough new code that the wait outlasted BenchmarkDotNet's pilot stage: the pilot timed Tier-0 code,
/// chose 4-5 times too few calls per iteration (40 ms instead of 200), and tier-up then happened during the warm-up or
/// even the measured iterations (errors of 30-70 %, two clusters of results). With the wait at 0 the pilot sees the code
/// a long-running process runs. The tiers are the same (Tier 1 with dynamic PGO); only when promotion starts changes.
/// </remarks>
internal static class FewMinutesJob
{
    private static readonly string[] JobOptions =
    [
        "-j", "--job", "--launchCount", "--warmupCount", "--iterationCount", "--minIterationCount", "--maxIterationCount",
        "--iterationTime", "--invocationCount", "--unrollFactor", "--strategy", "--runOncePerIteration", "--inProcess",
    ];

    public static IConfig Config { get; } = DefaultConfig.Instance.AddJob(
        Job.Default
            .WithLaunchCount(2)
            .WithWarmupCount(10)
            .WithIterationCount(10)
            .WithIterationTime(TimeInterval.FromMilliseconds(200))
            .WithEnvironmentVariable("DOTNET_TC_CallCountingDelayMs", "0")
            .WithId("FewMinutes")
            .AsDefault());

    /// <summary>True when the command line says nothing about the job, so this one should run.</summary>
    public static bool AppliesTo(IEnumerable<string> args)
        => !args.Any(arg => JobOptions.Any(option => arg.StartsWith(option, StringComparison.OrdinalIgnoreCase)));
}
