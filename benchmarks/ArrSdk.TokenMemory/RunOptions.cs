using System.Globalization;

namespace ArrSdk.TokenMemory;

/// <summary>The command line: <c>[--accounts N] [--token-padding CHARS] [--warmup N]</c>.</summary>
internal sealed record RunOptions(int Accounts, int TokenPadding, int Warmup)
{
    public const string Usage = "usage: ArrSdk.TokenMemory [--accounts N (default 10000)] [--token-padding CHARS (default 0)] [--warmup N (default 200)]";

    public static RunOptions? Parse(string[] args, TextWriter error)
    {
        var options = new RunOptions(Accounts: 10_000, TokenPadding: 0, Warmup: 200);
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (int?)null;
            switch (args[i])
            {
                case "--accounts" when value is > 0:
                    options = options with { Accounts = value.Value };
                    break;
                case "--token-padding" when value is not null:
                    options = options with { TokenPadding = value.Value };
                    break;
                case "--warmup" when value is > 0:
                    options = options with { Warmup = value.Value };
                    break;
                default:
                    error.WriteLine($"unknown option or missing number: {args[i]}");
                    error.WriteLine(Usage);
                    return null;
            }

            i++;
        }

        return options;
    }
}
