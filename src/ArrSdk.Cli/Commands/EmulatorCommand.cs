using System.CommandLine;
using ArrSdk.Emulator;

namespace ArrSdk.Cli.Commands;

/// <summary><c>arr emulator</c>: runs the emulator as its own process until Ctrl+C.</summary>
internal static class EmulatorCommand
{
    public static Command Create(CliContext context)
    {
        var port = new Option<int>("--port")
        {
            Description = "The port on 127.0.0.1 (default: one the system chooses).",
        };
        var command = new Command("emulator", "Run the local STS and ARR emulator until interrupted (Ctrl+C).") { port };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var requested = parse.GetValue(port);
            if (requested is < 0 or > 65535)
            {
                throw new CliException($"--port must be between 0 and 65535, not {requested}.");
            }

            await using var emulator = await ArrEmulator.StartAsync(EmulatorConnection.InteractiveOptions(requested), cancellationToken).ConfigureAwait(false);
            EmulatorConnection.Announce(context.EmulatorStateFile, emulator.BaseAddress);
            var demo = EmulatorAccount.Demo;
            await context.Out.WriteLineAsync($"ARR emulator listening on {emulator.BaseAddress}").ConfigureAwait(false);
            await context.Out.WriteLineAsync($"Demo account id:  {demo.AccountId}").ConfigureAwait(false);
            await context.Out.WriteLineAsync($"Demo account key: {demo.AccountKey} (public; it only opens this emulator)").ConfigureAwait(false);
            await context.Out.WriteLineAsync("Other arr commands with --emulator use this emulator. Press Ctrl+C to stop.").ConfigureAwait(false);
            // Ctrl+C or SIGTERM cancels the token (Program.cs), so the state file is withdrawn and the port freed.
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
            finally
            {
                EmulatorConnection.Withdraw(context.EmulatorStateFile);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
