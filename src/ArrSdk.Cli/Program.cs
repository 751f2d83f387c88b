using ArrSdk.Cli;

return await ArrCommandLine.RunAsync(args, new CliContext(Console.Out, Console.Error, Environment.GetEnvironmentVariable)).ConfigureAwait(false);
