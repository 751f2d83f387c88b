using System.Globalization;

namespace ArrSdk.Cli;

/// <summary>Durations as people type them: <c>01:30:00</c> (the official scripts' hh:mm:ss) or whole minutes (<c>90</c>).</summary>
internal static class Durations
{
    public static TimeSpan Parse(string text, string option)
    {
        try
        {
            var value = ParseUnchecked(text, option);
            return value >= TimeSpan.FromMinutes(1) ? value : throw new CliException($"{option} '{text}' is shorter than one minute, the service's unit.");
        }
        catch (OverflowException)
        {
            throw new CliException($"{option} '{text}' is far too long: the service allows at most 24 hours in all.");
        }
    }

    private static TimeSpan ParseUnchecked(string text, string option)
    {
        if (text.Length > 0 && text.All(char.IsAsciiDigit))
        {
            return TimeSpan.FromMinutes(long.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture) is var minutes && minutes <= 100_000 ? minutes : throw new OverflowException());
        }

        // hh:mm[:ss] with any number of hours, so that 25:00:00 reaches the lease check instead of a parse error.
        var parts = text.Split(':');
        if (parts.Length is 2 or 3 && parts.All(p => p.Length > 0 && p.All(char.IsAsciiDigit)) && parts.Skip(1).All(p => p.Length == 2 && int.Parse(p, CultureInfo.InvariantCulture) < 60))
        {
            var value = new TimeSpan(
                parts[0].Length <= 6 ? int.Parse(parts[0], CultureInfo.InvariantCulture) : throw new OverflowException(),
                int.Parse(parts[1], CultureInfo.InvariantCulture),
                parts.Length == 3 ? int.Parse(parts[2], CultureInfo.InvariantCulture) : 0);
            if (value > TimeSpan.Zero)
            {
                return value;
            }
        }

        throw new CliException($"{option} '{text}' is not a duration: use hh:mm:ss (e.g. 01:30:00) or whole minutes (e.g. 90).");
    }
}
