using ArrSdk.Benchmarks;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/ArrSdk.Benchmarks -- --filter '*'
// Without job options on the command line every benchmark runs in the few-minutes job; any job option given replaces it.
var config = FewMinutesJob.AppliesTo(args) ? FewMinutesJob.Config : null;
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
