namespace ArrSdk.Cli;

/// <summary>The process exit codes of <c>arr</c>.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The operation failed (unreachable endpoint, rejected credentials, malformed reply).</summary>
    public const int Failure = 1;

    /// <summary>The command line itself is wrong (unknown option, missing setting).</summary>
    public const int Usage = 2;

    /// <summary>Interrupted (Ctrl+C or SIGTERM), as shells report SIGINT.</summary>
    public const int Cancelled = 130;
}
