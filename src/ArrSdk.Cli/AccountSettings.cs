using ArrSdk.Authentication;

namespace ArrSdk.Cli;

/// <summary>
/// The account a command uses, from options first and environment variables second
/// (<c>ARR_ACCOUNT_ID</c>, <c>ARR_ACCOUNT_KEY</c>, <c>ARR_STS_ENDPOINT</c>).
/// </summary>
internal static class AccountSettings
{
    public const string AccountIdVariable = "ARR_ACCOUNT_ID";
    public const string AccountKeyVariable = "ARR_ACCOUNT_KEY";
    public const string StsEndpointVariable = "ARR_STS_ENDPOINT";

    public static AccountKeyCredential Resolve(string? accountId, string? accountKey, string? stsEndpoint, CliContext context, ArrConfigFile? config = null)
    {
        accountId = First(accountId, context.GetEnvironmentVariable(AccountIdVariable)) ?? config?.AccountId;
        accountKey = First(accountKey, context.GetEnvironmentVariable(AccountKeyVariable)) ?? config?.AccountKey;
        stsEndpoint = First(stsEndpoint, context.GetEnvironmentVariable(StsEndpointVariable)) ?? config?.AccountDomain;
        if (string.IsNullOrWhiteSpace(accountId))
        {
            throw new CliException($"No account id: pass --account-id, set {AccountIdVariable} or use an arrconfig.json (or use --emulator to try the local emulator).");
        }

        if (string.IsNullOrWhiteSpace(accountKey))
        {
            throw new CliException($"No account key: pass --account-key, set {AccountKeyVariable} or use an arrconfig.json (or use --emulator to try the local emulator).");
        }

        Uri endpoint;
        try
        {
            endpoint = StsEndpoints.Resolve(stsEndpoint, "--sts-endpoint");
        }
        catch (ArgumentException exception)
        {
            throw new CliException(exception.Message.Split(" (Parameter")[0]);
        }

        try
        {
            return new AccountKeyCredential(accountId, accountKey, endpoint);
        }
        catch (ArgumentException exception)
        {
            throw new CliException(exception.Message.Split(" (Parameter")[0]);
        }
    }

    // An option given on the command line counts even when empty (and is then reported); an empty variable is unset.
    private static string? First(string? option, string? variable)
        => option ?? (string.IsNullOrWhiteSpace(variable) ? null : variable);
}
