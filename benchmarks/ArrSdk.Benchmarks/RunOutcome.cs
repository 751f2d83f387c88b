using BenchmarkDotNet.Reports;

namespace ArrSdk.Benchmarks;

/// <summary>
/// The exit code of a BenchmarkDotNet run, which BenchmarkDotNet itself does not set: a script or CI must see a failure
/// when the command line was wrong, nothing matched the filter, or a benchmark failed.
/// </summary>
internal static class RunOutcome
{
    private static readonly string[] InformationOnly = ["--list", "--help", "-h", "-?", "--version", "--info"];

    public static int ExitCode(IReadOnlyCollection<string> args, IReadOnlyCollection<Summary> summaries, TextWriter errors)
    {
        if (summaries.Count == 0 && args.Any(arg => InformationOnly.Contains(arg, StringComparer.OrdinalIgnoreCase)))
        {
            return 0;
        }

        if (summaries.Count == 0 || summaries.All(summary => summary.Reports.Length == 0 && !summary.HasCriticalValidationErrors))
        {
            errors.WriteLine("No benchmark ran: the command line was not understood or --filter matched nothing (see above; --list flat lists the benchmarks).");
            return 1;
        }

        var failed = summaries
            .SelectMany(summary => summary.HasCriticalValidationErrors
                ? summary.BenchmarksCases.Select(c => c.DisplayInfo)
                : summary.Reports.Where(report => !report.Success).Select(report => report.BenchmarkCase.DisplayInfo))
            .ToList();
        if (failed.Count > 0)
        {
            errors.WriteLine($"{failed.Count} benchmark(s) failed (see above): {string.Join("; ", failed)}");
            return 1;
        }

        return 0;
    }
}
