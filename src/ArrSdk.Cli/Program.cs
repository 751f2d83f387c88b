using ArrSdk.Cli;

var context = new CliContext(Console.Out, Console.Error, Environment.GetEnvironmentVariable);
if (Environment.GetEnvironmentVariable("ARR_EMULATOR_STATE_FILE") is { Length: > 0 } stateFile)
{
    // Lets several emulators (or test runs) live side by side.
    context = context with { EmulatorStateFile = stateFile };
}

// Ctrl+C and SIGTERM cancel the running command (a session being started is then stopped) instead of killing the
// process mid-request; the command reports "cancelled" and exits 130.
using var interrupted = new CancellationTokenSource();
using var onInterrupt = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, signal => { signal.Cancel = true; interrupted.Cancel(); });
using var onTerminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, signal => { signal.Cancel = true; interrupted.Cancel(); });
return await ArrCommandLine.RunAsync(args, context, interrupted.Token).ConfigureAwait(false);
