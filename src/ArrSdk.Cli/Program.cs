using ArrSdk.Cli;

var context = new CliContext(Console.Out, Console.Error, Environment.GetEnvironmentVariable);
if (Environment.GetEnvironmentVariable("ARR_EMULATOR_STATE_FILE") is { Length: > 0 } stateFile)
{
    // Lets several emulators (or test runs) live side by side.
    context = context with { EmulatorStateFile = stateFile };
}

return await ArrCommandLine.RunAsync(args, context).ConfigureAwait(false);
