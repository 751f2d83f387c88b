using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using ArrSdk.RemoteRendering;

namespace ArrSdk.Cli.Commands;

/// <summary>Prints sessions and conversions as text for people or, with --json, as JSON in the service's own shape.</summary>
internal static class ResourceOutput
{
    private static readonly RemoteRenderingJsonContext Json = new(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    });

    public static void Session(CliContext context, SessionProperties session, bool json)
    {
        if (json)
        {
            context.Out.WriteLine(JsonSerializer.Serialize(session, Json.SessionProperties));
            return;
        }

        context.Out.WriteLine($"Session:   {session.Id}");
        context.Out.WriteLine($"Status:    {session.Status}");
        context.Out.WriteLine($"Size:      {session.Size}");
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Lease:     {session.MaxLeaseTimeMinutes} min, {session.ElapsedTimeMinutes ?? 0} min used"));
        if (session.Hostname is not null)
        {
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Host:      {session.Hostname} (handshake port {session.HandshakePort}, ArrInspector port {session.ArrInspectorPort})"));
        }

        if (session.Error is { } error)
        {
            context.Out.WriteLine($"Error:     {error.Code}: {error.Message}");
        }
    }

    public static void Sessions(CliContext context, IReadOnlyList<SessionProperties> sessions, bool json)
    {
        if (json)
        {
            context.Out.WriteLine(JsonSerializer.Serialize(new SessionsList { Sessions = sessions }, Json.SessionsList));
            return;
        }

        if (sessions.Count == 0)
        {
            context.Out.WriteLine("No active sessions.");
            return;
        }

        foreach (var session in sessions)
        {
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{session.Id,-40} {session.Status,-9} {session.Size,-9} {session.ElapsedTimeMinutes ?? 0}/{session.MaxLeaseTimeMinutes} min"));
        }
    }

    public static void Conversion(CliContext context, Conversion conversion, bool json)
    {
        if (json)
        {
            context.Out.WriteLine(JsonSerializer.Serialize(conversion, Json.Conversion));
            return;
        }

        context.Out.WriteLine($"Conversion: {conversion.Id}");
        context.Out.WriteLine($"Status:     {conversion.Status}");
        context.Out.WriteLine($"Input:      {conversion.Settings.InputLocation.StorageContainerUri} {conversion.Settings.InputLocation.RelativeInputAssetPath}");
        if (conversion.Output?.OutputAssetUri is { } output)
        {
            context.Out.WriteLine($"Output:     {output}");
        }

        if (conversion.Error is { } error)
        {
            context.Out.WriteLine($"Error:      {error.Code}: {error.Message}");
        }
    }

    public static void Conversions(CliContext context, IReadOnlyList<Conversion> conversions, bool json)
    {
        if (json)
        {
            context.Out.WriteLine(JsonSerializer.Serialize(new ConversionList { Conversions = conversions }, Json.ConversionList));
            return;
        }

        if (conversions.Count == 0)
        {
            context.Out.WriteLine("No conversions.");
            return;
        }

        foreach (var conversion in conversions)
        {
            context.Out.WriteLine($"{conversion.Id,-40} {conversion.Status,-10} {conversion.Settings.InputLocation.RelativeInputAssetPath}");
        }
    }

    /// <summary>Live progress for --wait, on stderr so stdout stays the result.</summary>
    public static IProgress<T> Progress<T>(CliContext context, Func<T, string> describe)
    {
        string? last = null;
        return new Reporter<T>(value =>
        {
            var line = describe(value);
            if (line != last)
            {
                context.Error.WriteLine(line);
                last = line;
            }
        });
    }

    private sealed class Reporter<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
