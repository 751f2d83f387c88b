using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Perfolizer.Horology;

namespace ArrSdk.Benchmarks;

/// <summary>
/// The job the documented command runs: every benchmark of the project in a few minutes on two cores (4 min 20 s for
/// all 26 cases). BenchmarkDotNet's default job adapts its iteration count to the noise, and on a shared two-core VM it
/// runs each case up to 100 times (the whole project took about 15 minutes); a fixed count keeps the run short. Ten
/// warm-up iterations of 200 ms, because with three the runtime was still tiering code up while the measured
/// iterations ran (errors of 30-70 %, two clusters of results); two launches per case keep one unlucky process from
/// deciding a row.
/// </summary>
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
            .WithId("FewMinutes")
            .AsDefault());

    /// <summary>True when the command line says nothing about the job, so this one should run.</summary>
    public static bool AppliesTo(IEnumerable<string> args)
        => !args.Any(arg => JobOptions.Any(option => arg.StartsWith(option, StringComparison.OrdinalIgnoreCase)));
}
