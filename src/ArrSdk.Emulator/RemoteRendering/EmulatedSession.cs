namespace ArrSdk.Emulator.RemoteRendering;

/// <summary>
/// A rendering session. Its status follows from the clock, so no timers run: Starting until the start-up time has
/// passed, then Ready (or Error, when a failure was scripted), Expired when the lease is used up, Stopped once stopped.
/// </summary>
internal sealed class EmulatedSession(string id, string size, int maxLeaseTimeMinutes, DateTimeOffset creationTime, TimeSpan startupTime, ArrError? scriptedFailure)
{
    private readonly Lock _gate = new();
    private int _maxLeaseTimeMinutes = maxLeaseTimeMinutes;
    private DateTimeOffset? _stoppedAt;

    public string Id { get; } = id;

    public string Size { get; } = size;

    public DateTimeOffset CreationTime { get; } = creationTime;

    public string Hostname { get; } = $"{Guid.NewGuid()}.remoterenderingvm.emulator.mixedreality.azure.com";

    public int MaxLeaseTimeMinutes
    {
        get
        {
            lock (_gate)
            {
                return _maxLeaseTimeMinutes;
            }
        }
    }

    public string Status(DateTimeOffset now)
    {
        lock (_gate)
        {
            var elapsed = now - CreationTime;
            if (_stoppedAt is { } stopped && stopped <= now)
            {
                return "Stopped";
            }

            if (elapsed >= TimeSpan.FromMinutes(_maxLeaseTimeMinutes))
            {
                return "Expired";
            }

            if (elapsed < startupTime)
            {
                return "Starting";
            }

            return scriptedFailure is null ? "Ready" : "Error";
        }
    }

    public ArrError? Error(DateTimeOffset now) => Status(now) == "Error" ? scriptedFailure : null;

    public bool IsActive(DateTimeOffset now) => Status(now) is "Starting" or "Ready";

    public void Stop(DateTimeOffset now)
    {
        lock (_gate)
        {
            if (_stoppedAt is null && IsActiveUnlocked(now))
            {
                _stoppedAt = now;
            }
        }
    }

    public void Extend(int minutes)
    {
        lock (_gate)
        {
            _maxLeaseTimeMinutes = minutes;
        }
    }

    private bool IsActiveUnlocked(DateTimeOffset now)
        => now - CreationTime < TimeSpan.FromMinutes(_maxLeaseTimeMinutes);
}
