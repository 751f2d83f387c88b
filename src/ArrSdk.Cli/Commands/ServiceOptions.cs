using System.CommandLine;

namespace ArrSdk.Cli.Commands;

/// <summary>The options every session and conversion command takes: where the account and the service are.</summary>
internal sealed class ServiceOptions
{
    public Option<string?> AccountId { get; } = CommonOptions.AccountId();

    public Option<string?> AccountKey { get; } = CommonOptions.AccountKey();

    public Option<string?> StsEndpoint { get; } = CommonOptions.StsEndpoint();

    public Option<string?> ArrEndpoint { get; } = new("--arr-endpoint")
    {
        Description = "The ARR endpoint as a region (eastus) or https URL (default: $ARR_ENDPOINT, else remoteRenderingDomain in arrconfig.json).",
    };

    public Option<string?> Config { get; } = new("--config")
    {
        Description = "An arrconfig.json in the format of the official scripts (default: ./arrconfig.json when present).",
    };

    public Option<bool> Emulator { get; } = CommonOptions.Emulator();

    public Option<bool> Json { get; } = CommonOptions.Json();

    /// <summary>
    /// Gives <paramref name="command"/> these options and an action that runs <paramref name="run"/> on an open
    /// connection (closed afterwards, a temporary emulator included) and then exits with success.
    /// </summary>
    public void Handle(Command command, CliContext context, Func<ParseResult, ArrConnection, CancellationToken, Task> run)
    {
        AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var connection = await ArrConnection.OpenAsync(parse, this, context, cancellationToken).ConfigureAwait(false);
            await run(parse, connection, cancellationToken).ConfigureAwait(false);
            return ExitCodes.Success;
        });
    }

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { AccountId, AccountKey, StsEndpoint, ArrEndpoint, Config, Emulator, Json })
        {
            command.Options.Add(option);
        }
    }
}
