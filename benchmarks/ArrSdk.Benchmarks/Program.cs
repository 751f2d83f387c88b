using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/ArrSdk.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
