using ArrSdk.Benchmarks;
using ArrSdk.Benchmarks.InstructionCounts;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/ArrSdk.Benchmarks -- --filter '*'
// Without job options on the command line every benchmark runs in the few-minutes job; any job option given replaces it.
// benchmarks/instruction-counts.sh runs this program with --call-loop under callgrind instead.
if (args.Length > 0 && args[0] == CallLoop.Command)
{
    return CallLoop.Run(args);
}

var config = FewMinutesJob.AppliesTo(args) ? FewMinutesJob.Config : null;
var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config).ToList();
return RunOutcome.ExitCode(args, summaries, Console.Error);
