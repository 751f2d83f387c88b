using System.CommandLine;
using System.Globalization;
using ArrSdk.RemoteRendering;

namespace ArrSdk.Cli.Commands;

/// <summary><c>arr session start|show|list|extend|stop</c>, on par with the official PowerShell scripts.</summary>
internal static class SessionCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("session", "Start, inspect, extend and stop rendering sessions.");
        command.Subcommands.Add(Start(context));
        command.Subcommands.Add(Show(context));
        command.Subcommands.Add(List(context));
        command.Subcommands.Add(Extend(context));
        command.Subcommands.Add(Stop(context));
        return command;
    }

    private static Command Start(CliContext context)
    {
        var options = new ServiceOptions();
        var id = IdOption(required: false);
        var size = new Option<string?>("--size") { Description = "Standard or Premium (default: vmSize in arrconfig.json, else Standard)." };
        var lease = new Option<string?>("--lease") { Description = "How long the session may run: hh:mm:ss or minutes (default: maxLeaseTime in arrconfig.json, else 01:00:00)." };
        var wait = new Option<bool>("--wait") { Description = "Wait until the session is Ready, showing progress; Ctrl+C stops the session." };
        var command = new Command("start", "Start a rendering session.") { id, size, lease, wait };
        options.Handle(command, context, async (parse, connection, cancellationToken) =>
        {
            var sessionId = parse.GetValue(id) ?? "arr-session-" + context.TimeProvider.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..6];
            var sizeText = parse.GetValue(size) ?? connection.Config?.VmSize ?? "Standard";
            var sessionSize = sizeText.ToUpperInvariant() switch
            {
                "STANDARD" => SessionSize.Standard,
                "PREMIUM" => SessionSize.Premium,
                _ => throw new CliException($"--size '{sizeText}' must be Standard or Premium."),
            };
            var leaseTime = Durations.Parse(parse.GetValue(lease) ?? connection.Config?.MaxLeaseTime ?? "01:00:00", "--lease");
            var json = parse.GetValue(options.Json);
            var session = parse.GetValue(wait)
                ? await connection.Client.StartSessionAsync(sessionId, sessionSize, leaseTime, ResourceOutput.Progress<SessionProperties>(context, s => $"{s.Id}: {s.Status}"), cancellationToken).ConfigureAwait(false)
                : await connection.Client.CreateSessionAsync(sessionId, sessionSize, leaseTime, cancellationToken).ConfigureAwait(false);
            if (session.Status != SessionStatus.Starting && session.Status != SessionStatus.Ready)
            {
                throw new CliException($"Session '{sessionId}' already exists and is {session.Status}; start a new one with another --id.");
            }

            ResourceOutput.Session(context, session, json);
        });
        return command;
    }

    private static Command Show(CliContext context)
    {
        var options = new ServiceOptions();
        var id = IdOption(required: true);
        var command = new Command("show", "Show a rendering session.") { id };
        options.Handle(command, context, async (parse, connection, cancellationToken) =>
        {
            ResourceOutput.Session(context, await connection.Client.GetSessionAsync(parse.GetValue(id)!, cancellationToken).ConfigureAwait(false), parse.GetValue(options.Json));
        });
        return command;
    }

    private static Command List(CliContext context)
    {
        var options = new ServiceOptions();
        var command = new Command("list", "List the active rendering sessions of the account (all pages).");
        options.Handle(command, context, async (parse, connection, cancellationToken) =>
        {
            var sessions = await connection.Client.ListSessionsAsync(cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false);
            ResourceOutput.Sessions(context, sessions, parse.GetValue(options.Json));
        });
        return command;
    }

    private static Command Extend(CliContext context)
    {
        var options = new ServiceOptions();
        var id = IdOption(required: true);
        var by = new Option<string>("--by") { Description = "How much longer: hh:mm:ss or minutes.", Required = true };
        var command = new Command("extend", "Extend a session's lease (at most 24 hours in all).") { id, by };
        options.Handle(command, context, async (parse, connection, cancellationToken) =>
        {
            var extension = Durations.Parse(parse.GetValue(by)!, "--by");
            ResourceOutput.Session(context, await connection.Client.ExtendSessionAsync(parse.GetValue(id)!, extension, cancellationToken).ConfigureAwait(false), parse.GetValue(options.Json));
        });
        return command;
    }

    private static Command Stop(CliContext context)
    {
        var options = new ServiceOptions();
        var id = IdOption(required: true);
        var command = new Command("stop", "Stop a rendering session.") { id };
        options.Handle(command, context, async (parse, connection, cancellationToken) =>
        {
            var sessionId = parse.GetValue(id)!;
            await connection.Client.StopSessionAsync(sessionId, cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(options.Json))
            {
                ResourceOutput.Session(context, await connection.Client.GetSessionAsync(sessionId, cancellationToken).ConfigureAwait(false), json: true);
            }
            else
            {
                await context.Out.WriteLineAsync($"Session {sessionId} stopped.").ConfigureAwait(false);
            }
        });
        return command;
    }

    internal static Option<string> IdOption(bool required) => new("--id")
    {
        Description = "The id: letters, digits, '-' and '_', at most 256 characters." + (required ? string.Empty : " Default: a new one from the date and time."),
        Required = required,
    };
}
