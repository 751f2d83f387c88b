using System.CommandLine;

namespace ArrSdk.Cli.Commands;

/// <summary>Options shared by the commands that talk to an account.</summary>
internal static class CommonOptions
{
    public static Option<string?> AccountId() => new("--account-id")
    {
        Description = $"The account id (default: ${AccountSettings.AccountIdVariable}).",
    };

    public static Option<string?> AccountKey() => new("--account-key")
    {
        Description = $"The account key (default: ${AccountSettings.AccountKeyVariable}); prefer the variable, the command line is visible to other users.",
    };

    public static Option<string?> StsEndpoint() => new("--sts-endpoint")
    {
        Description = $"The STS as a region (eastus), domain or https URL (default: ${AccountSettings.StsEndpointVariable}, else the global STS).",
    };

    public static Option<bool> Emulator() => new("--emulator")
    {
        Description = "Start the embedded emulator and use its demo account: no Azure account needed.",
    };

    public static Option<bool> Json() => new("--json")
    {
        Description = "Print one JSON object instead of text, for scripts.",
    };
}
