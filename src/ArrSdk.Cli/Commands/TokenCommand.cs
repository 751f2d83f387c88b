using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ArrSdk.Authentication;
using ArrSdk.Emulator;

namespace ArrSdk.Cli.Commands;

/// <summary><c>arr token</c>: gets an access token from the STS and prints it with its expiry and MS-CV.</summary>
internal static class TokenCommand
{
    public static Command Create(CliContext context)
    {
        var accountId = CommonOptions.AccountId();
        var accountKey = CommonOptions.AccountKey();
        var stsEndpoint = CommonOptions.StsEndpoint();
        var emulator = CommonOptions.Emulator();
        var json = CommonOptions.Json();
        var command = new Command("token", "Get an access token for an account from the Secure Token Service.")
        {
            accountId, accountKey, stsEndpoint, emulator, json,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            context,
            parse.GetValue(emulator),
            parse.GetValue(json),
            parse.GetValue(accountId),
            parse.GetValue(accountKey),
            parse.GetValue(stsEndpoint),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        CliContext context, bool useEmulator, bool json, string? accountId, string? accountKey, string? stsEndpoint, CancellationToken cancellationToken)
    {
        EmulatorConnection? emulator = null;
        try
        {
            AccountKeyCredential credential;
            if (useEmulator)
            {
                if (accountId is not null || accountKey is not null || stsEndpoint is not null)
                {
                    throw new CliException("--emulator uses the emulator's demo account; leave out --account-id, --account-key and --sts-endpoint.");
                }

                emulator = await EmulatorConnection.OpenAsync(context, cancellationToken, announceTemporary: false).ConfigureAwait(false);
                var demo = EmulatorAccount.Demo;
                credential = new AccountKeyCredential(demo.AccountId, demo.AccountKey, emulator.BaseAddress);
            }
            else
            {
                credential = AccountSettings.Resolve(accountId, accountKey, stsEndpoint, context);
            }

            var client = new StsTokenClient(context.HttpHandler, context.TimeProvider);
            var pipeline = StsResilience.CreatePipeline(context.Retry, context.TimeProvider);
            var result = await pipeline.RequestTokenAsync(client, credential, cancellationToken).ConfigureAwait(false);
            Print(context, credential, result.Token, json);
            return ExitCodes.Success;
        }
        finally
        {
            if (emulator is not null)
            {
                await emulator.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static void Print(CliContext context, AccountKeyCredential credential, ArrAccessToken token, bool json)
    {
        if (json)
        {
            var output = new TokenOutput(token.Token, token.ExpiresOn, token.CorrelationVector, credential.StsEndpoint.ToString());
            context.Out.WriteLine(JsonSerializer.Serialize(output, CliJsonContext.Relaxed.TokenOutput));
            return;
        }

        var remaining = token.ExpiresOn - context.TimeProvider.GetUtcNow();
        context.Out.WriteLine($"Access token: {token.Token}");
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Expires on:   {token.ExpiresOn:O} (in {(int)remaining.TotalHours}h {remaining.Minutes}m)"));
        context.Out.WriteLine($"MS-CV:        {token.CorrelationVector ?? "(none)"}");
    }
}
