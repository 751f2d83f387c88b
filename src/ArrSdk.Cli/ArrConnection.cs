using System.CommandLine;
using ArrSdk.Authentication;
using ArrSdk.Cli.Commands;
using ArrSdk.Emulator;
using ArrSdk.RemoteRendering;

namespace ArrSdk.Cli;

/// <summary>
/// The client a session or conversion command uses, from options first, then environment variables
/// (<c>ARR_ACCOUNT_ID</c>, <c>ARR_ACCOUNT_KEY</c>, <c>ARR_STS_ENDPOINT</c>, <c>ARR_ENDPOINT</c>), then arrconfig.json;
/// or, with <c>--emulator</c>, the emulator and its demo account.
/// </summary>
internal sealed class ArrConnection : IAsyncDisposable
{
    public const string ArrEndpointVariable = "ARR_ENDPOINT";

    private readonly EmulatorConnection? _emulator;

    private ArrConnection(RemoteRenderingClient client, ArrConfigFile? config, EmulatorConnection? emulator)
    {
        Client = client;
        Config = config;
        _emulator = emulator;
    }

    public RemoteRenderingClient Client { get; }

    public ArrConfigFile? Config { get; }

    public static async Task<ArrConnection> OpenAsync(ParseResult parse, ServiceOptions options, CliContext context, CancellationToken cancellationToken)
    {
        var config = ArrConfigFile.Load(parse.GetValue(options.Config));
        var clientOptions = new RemoteRenderingClientOptions { PollInterval = context.PollInterval };
        if (parse.GetValue(options.Emulator))
        {
            if (parse.GetValue(options.AccountId) is not null || parse.GetValue(options.AccountKey) is not null
                || parse.GetValue(options.StsEndpoint) is not null || parse.GetValue(options.ArrEndpoint) is not null)
            {
                throw new CliException("--emulator uses the emulator's demo account; leave out --account-id, --account-key, --sts-endpoint and --arr-endpoint.");
            }

            var emulator = await EmulatorConnection.OpenAsync(context, cancellationToken).ConfigureAwait(false);
            var demo = EmulatorAccount.Demo;
            var emulatorTokens = Tokens(new AccountKeyCredential(demo.AccountId, demo.AccountKey, emulator.BaseAddress), context);
            return new ArrConnection(RemoteRenderingClient.Create(emulator.BaseAddress, demo.AccountId, emulatorTokens, context.HttpHandler, clientOptions, context.TimeProvider), config, emulator);
        }

        var credential = AccountSettings.Resolve(parse.GetValue(options.AccountId), parse.GetValue(options.AccountKey), parse.GetValue(options.StsEndpoint), context, config);
        var arrEndpoint = parse.GetValue(options.ArrEndpoint) ?? NonEmpty(context.GetEnvironmentVariable(ArrEndpointVariable)) ?? config?.RemoteRenderingDomain;
        Uri endpoint;
        try
        {
            endpoint = RemoteRenderingEndpoints.Resolve(arrEndpoint, "--arr-endpoint");
        }
        catch (ArgumentException exception)
        {
            throw new CliException(exception.Message.Split(" (Parameter")[0] + $" (or set {ArrEndpointVariable}, or remoteRenderingDomain in arrconfig.json)");
        }

        return new ArrConnection(RemoteRenderingClient.Create(endpoint, credential.AccountId, Tokens(credential, context), context.HttpHandler, clientOptions, context.TimeProvider), config, emulator: null);
    }

    public async ValueTask DisposeAsync()
    {
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static AccessTokenCache Tokens(AccountKeyCredential credential, CliContext context)
        => AccessTokenCache.ForAccountKey(credential, new StsTokenClient(context.HttpHandler, context.TimeProvider), retry: context.Retry, timeProvider: context.TimeProvider);

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
