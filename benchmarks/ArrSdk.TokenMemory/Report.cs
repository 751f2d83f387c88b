using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;

namespace ArrSdk.TokenMemory;

/// <summary>Prints a run for people, then one <c>RESULT</c> line of key=value pairs for run.sh to aggregate.</summary>
internal static class Report
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Print(RunResult result, TextWriter output)
    {
        var n = result.Options.Accounts;
        output.WriteLine(string.Create(Invariant, $"ArrSdk token memory: {n:N0} accounts, {RuntimeInformation.FrameworkDescription}, {Environment.ProcessorCount} CPUs, {(GCSettings.IsServerGC ? "server" : "workstation")} GC"));
        output.WriteLine("path: AccessTokenCacheRegistry.GetOrCreate + AccessTokenCache.ForAccountKey over one StsTokenClient (in-memory STS handler)");
        output.WriteLine(string.Create(Invariant, $"token: {result.LongestToken} chars (shortest {result.ShortestToken}), {result.TokenStringBytes} B as a string; padding {result.Options.TokenPadding}"));
        output.WriteLine();
        output.WriteLine($"{"MiB after a full compacting GC",-32}{"working set",12}{"RssAnon",10}{"managed",10}{"GC heap",10}{"committed",11}");
        foreach (var stage in result.Stages)
        {
            var m = stage.Memory;
            output.WriteLine(string.Create(Invariant, $"{stage.Name,-32}{Mib(m.WorkingSet),12}{Mib(m.RssAnonymous),10}{Mib(m.ManagedLive),10}{Mib(m.HeapSize),10}{Mib(m.Committed),11}"));
        }

        var delta = result.After - result.Baseline;
        output.WriteLine(string.Create(Invariant, $"{"delta baseline -> after",-32}{Mib(delta.WorkingSet),12}{Mib(delta.RssAnonymous),10}{Mib(delta.ManagedLive),10}{Mib(delta.HeapSize),10}{Mib(delta.Committed),11}"));
        output.WriteLine(string.Create(Invariant, $"{"delta per account (bytes)",-32}{delta.WorkingSet / n,12}{delta.RssAnonymous / n,10}{delta.ManagedLive / n,10}{delta.HeapSize / n,10}{delta.Committed / n,11}"));
        output.WriteLine();

        var perStage = PerAccountLive(result);
        output.WriteLine(string.Create(Invariant, $"managed bytes per account, by step: credentials {perStage[0]}, caches {perStage[1]}, token {perStage[2]}; second pass {perStage[3]}"));
        output.WriteLine(string.Create(Invariant, $"managed heap vs working set (delta): {delta.ManagedLive / (double)Math.Max(1, delta.WorkingSet):P0} of the working-set growth is live managed objects"));
        output.WriteLine(string.Create(Invariant, $"time: first pass {result.FillTime.TotalMilliseconds:F0} ms ({result.FillTime.TotalMicroseconds / n:F1} us and {result.AllocatedPerFetch} B allocated per account), second pass {result.HitTime.TotalMilliseconds:F1} ms ({result.HitTime.TotalMicroseconds / n * 1000:F0} ns and {result.AllocatedPerHit} B allocated per registry lookup and hit)"));
        output.WriteLine();
        if (result.Failures.Count == 0)
        {
            output.WriteLine(string.Create(Invariant, $"checks: ok ({n:N0} tokens, one STS request each, second pass all cache hits with the same token)"));
        }
        else
        {
            foreach (var failure in result.Failures)
            {
                output.WriteLine($"CHECK FAILED: {failure}");
            }
        }

        output.WriteLine(string.Create(Invariant, $"RESULT accounts={n} token_chars={result.LongestToken} token_bytes={result.TokenStringBytes} baseline_ws={result.Baseline.WorkingSet} after_ws={result.After.WorkingSet} ws_per_account={delta.WorkingSet / n} anon_per_account={delta.RssAnonymous / n} managed_per_account={delta.ManagedLive / n} heap_per_account={delta.HeapSize / n} credentials_per_account={perStage[0]} caches_per_account={perStage[1]} token_per_account={perStage[2]} checks={(result.Failures.Count == 0 ? "ok" : "failed")}"));
    }

    private static long[] PerAccountLive(RunResult result)
    {
        var n = result.Options.Accounts;
        var perStage = new long[result.Stages.Count - 1];
        for (var i = 1; i < result.Stages.Count; i++)
        {
            perStage[i - 1] = (result.Stages[i].Memory.ManagedLive - result.Stages[i - 1].Memory.ManagedLive) / n;
        }

        return perStage;
    }

    private static string Mib(long bytes) => bytes < 0 && bytes > -1024 ? "0.0" : (bytes / 1048576.0).ToString("F1", Invariant);
}
