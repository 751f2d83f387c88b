using System.Diagnostics;
using System.Text.Json;
using ArrSdk.Emulator;

namespace ArrSdk.Cli;

/// <summary>
/// What <c>--emulator</c> talks to: the emulator that <c>arr emulator</c> runs, when one is running (so sessions and
/// conversions live across commands), otherwise one started for this command alone.
/// </summary>
internal sealed class EmulatorConnection : IAsyncDisposable
{
    private readonly ArrEmulator? _owned;

    private EmulatorConnection(Uri baseAddress, ArrEmulator? owned)
    {
        BaseAddress = baseAddress;
        _owned = owned;
    }

    public Uri BaseAddress { get; }

    public bool IsShared => _owned is null;

    /// <summary>The emulator timings for people watching: quick, but slow enough to see every state.</summary>
    public static ArrEmulatorOptions InteractiveOptions(int port = 0) => new()
    {
        Port = port,
        SessionStartupTime = TimeSpan.FromSeconds(5),
        ConversionQueueTime = TimeSpan.FromSeconds(1),
        ConversionRunTime = TimeSpan.FromSeconds(5),
    };

    public static async Task<EmulatorConnection> OpenAsync(CliContext context, CancellationToken cancellationToken, bool announceTemporary = true)
    {
        if (ReadRunning(context.EmulatorStateFile) is { } running)
        {
            return new EmulatorConnection(running, owned: null);
        }

        var emulator = await ArrEmulator.StartAsync(context.TemporaryEmulatorOptions(), cancellationToken).ConfigureAwait(false);
        if (announceTemporary)
        {
            await context.Error.WriteLineAsync("arr: started a temporary emulator for this command (run 'arr emulator' in another terminal to keep state between commands).").ConfigureAwait(false);
        }

        return new EmulatorConnection(emulator.BaseAddress, emulator);
    }

    public static void Announce(string stateFile, Uri baseAddress)
    {
        using var self = Process.GetCurrentProcess();
        var state = new EmulatorState(baseAddress.ToString(), Environment.ProcessId, StartTimeOf(self));
        File.WriteAllText(stateFile, JsonSerializer.Serialize(state, Commands.CliJsonContext.Default.EmulatorState));
    }

    public static void Withdraw(string stateFile)
    {
        if (ReadState(stateFile)?.Pid == Environment.ProcessId)
        {
            File.Delete(stateFile);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_owned is not null)
        {
            await _owned.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static Uri? ReadRunning(string stateFile)
    {
        var state = ReadState(stateFile);
        if (state is null || !Uri.TryCreate(state.BaseAddress, UriKind.Absolute, out var address) || !address.IsLoopback)
        {
            return null;
        }

        try
        {
            using var process = Process.GetProcessById(state.Pid);
            return !process.HasExited && IsTheProcessThatWroteIt(process, state) ? address : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>
    /// The system reuses a PID once its process has gone, so a state file left behind by an emulator that was killed
    /// can name a live process that is not an emulator; its start time tells them apart.
    /// </summary>
    private static bool IsTheProcessThatWroteIt(Process process, EmulatorState state)
    {
        // Files from before the start time was recorded, and processes whose start time cannot be read: the PID decides.
        if (state.ProcessStartedAt is not { } recorded || StartTimeOf(process) is not { } actual)
        {
            return true;
        }

        return (actual - recorded).Duration() < TimeSpan.FromSeconds(1);
    }

    private static DateTimeOffset? StartTimeOf(Process process)
    {
        try
        {
            return new DateTimeOffset(process.StartTime.ToUniversalTime(), TimeSpan.Zero);
        }
        catch (Exception exception) when (exception is InvalidOperationException or NotSupportedException or System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    private static EmulatorState? ReadState(string stateFile)
    {
        try
        {
            return File.Exists(stateFile) ? JsonSerializer.Deserialize(File.ReadAllText(stateFile), Commands.CliJsonContext.Default.EmulatorState) : null;
        }
        catch (Exception exception) when (exception is JsonException or IOException)
        {
            return null;
        }
    }
}

/// <summary>Where a running <c>arr emulator</c> listens, and which process it is.</summary>
internal sealed record EmulatorState(string BaseAddress, int Pid, DateTimeOffset? ProcessStartedAt = null);
