using System.CommandLine;
using ArrSdk.Authentication;
using ArrSdk.Cli.Commands;

namespace ArrSdk.Cli;

/// <summary>The <c>arr</c> command line: parses, runs, and turns every failure into one clear line on stderr.</summary>
internal static class ArrCommandLine
{
    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("arr: Azure Remote Rendering from the command line: tokens, rendering sessions, conversions and a local emulator.")
        {
            TokenCommand.Create(context),
            SessionCommand.Create(context),
            ConversionCommand.Create(context),
            EmulatorCommand.Create(context),
        };

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // One line: the most specific error (an unrecognized word explains the rest).
            var error = parse.Errors.FirstOrDefault(e => e.Message.StartsWith("Unrecognized", StringComparison.Ordinal)) ?? parse.Errors[0];
            await context.Error.WriteLineAsync($"arr: {error.Message}").ConfigureAwait(false);

            await context.Error.WriteLineAsync("Run 'arr --help' for usage.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var configuration = new InvocationConfiguration
        {
            Output = context.Out,
            Error = context.Error,
            EnableDefaultExceptionHandler = false,

            // Signals are handled by the caller (Program.cs), which cancels the token passed in here.
            ProcessTerminationTimeout = null,
        };
        try
        {
            return await parse.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
        catch (CliException exception)
        {
            await context.Error.WriteLineAsync($"arr: {Redact(exception.Message, args)}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        catch (ArgumentException exception)
        {
            // The SDK's checks before a round trip (ids, lease bounds): the command line was wrong. Name the option where
            // the SDK's parameter maps to one.
            var option = exception.ParamName switch { "leaseTime" => "--lease: ", "extension" => "--by: ", _ => string.Empty };
            await context.Error.WriteLineAsync($"arr: {option}{Redact(exception.Message.Split(" (Parameter")[0], args)}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        catch (StsRequestException exception)
        {
            await context.Error.WriteLineAsync($"arr: {Redact(exception.Message, args)}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
        catch (OperationCanceledException)
        {
            await context.Error.WriteLineAsync("arr: cancelled.").ConfigureAwait(false);
            return ExitCodes.Cancelled;
        }
        catch (ArrSdk.RemoteRendering.RemoteRenderingException exception)
        {
            await context.Error.WriteLineAsync($"arr: {Redact(exception.Message, args)}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            await context.Error.WriteLineAsync($"arr: {Redact(exception.Message, args)}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
    }

    // Masking a one-letter "key" would mangle every message; real keys are long.
    private const int MinimumRedactedLength = 6;

    /// <summary>A last guard: whatever a message says, the account key given on the command line is never printed.</summary>
    private static string Redact(string message, string[] args)
    {
        var firstLine = message.ReplaceLineEndings(" ");
        for (var i = 0; i < args.Length - 1; i++)
        {
            if (args[i] == "--account-key" && args[i + 1].Length >= MinimumRedactedLength)
            {
                firstLine = firstLine.Replace(args[i + 1], "***", StringComparison.Ordinal);
            }
        }

        foreach (var arg in args)
        {
            if (arg.StartsWith("--account-key=", StringComparison.Ordinal) && arg.Length >= "--account-key=".Length + MinimumRedactedLength)
            {
                firstLine = firstLine.Replace(arg["--account-key=".Length..], "***", StringComparison.Ordinal);
            }
        }

        return firstLine;
    }
}
