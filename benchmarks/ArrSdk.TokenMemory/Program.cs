using ArrSdk.TokenMemory;

// dotnet run -c Release --project benchmarks/ArrSdk.TokenMemory -- --accounts 10000
// Exit codes: 0 all checks passed, 1 a check failed (a token missing, a second-pass STS call ...), 2 bad arguments.
if (RunOptions.Parse(args, Console.Error) is not { } options)
{
    return 2;
}

var result = await new TokenMemoryRun(options).ExecuteAsync();
Report.Print(result, Console.Out);
return result.Failures.Count == 0 ? 0 : 1;
