namespace ArrSdk.Cli;

/// <summary>A problem the user can fix, reported as one line on stderr with a non-zero exit code.</summary>
internal sealed class CliException : Exception
{
    public CliException(string message)
        : base(message)
    {
    }

    public CliException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CliException()
    {
    }
}
