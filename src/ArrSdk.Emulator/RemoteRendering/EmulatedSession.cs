namespace ArrSdk.Emulator.RemoteRendering;

/// <summary>
/// A rendering session. Its status follows from the clock, so no timers run: Starting until the start-up time has
/// passed, then Ready (or Error, when a failure was scripted), Expired when the lease (counted from Ready) is used up,
/// Stopped once stopped.
/// </summary>
internal sealed class EmulatedSession(string id, string size, int maxLeaseTimeMinutes, DateTimeOffset creationTime, TimeSpan startupTime, ArrError? scriptedFailure)
{
    private readonly Lock _gate = new();
    private int _maxLeaseTimeMinutes = maxLeaseTimeMinutes;
    private DateTimeOffset? _stoppedAt;

    public string Id { get; } = id;

    /// <summary>The lease of the create request, which a repeated identical create must match (extensions do not count).</summary>
    public int RequestedLeaseMinutes { get; } = maxLeaseTimeMinutes;

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

            if (elapsed < startupTime)
            {
                return "Starting";
            }

            // The lease runs while the session is up, from the moment it is Ready.
            if (elapsed - startupTime >= TimeSpan.FromMinutes(_maxLeaseTimeMinutes))
            {
                return "Expired";
            }

            return scriptedFailure is null ? "Ready" : "Error";
        }
    }

    /// <summary>Minutes the session has been up: from Ready until now, its stop, or the end of its lease.</summary>
    public int ElapsedMinutes(DateTimeOffset now)
    {
        lock (_gate)
        {
            var end = _stoppedAt is { } stopped && stopped < now ? stopped : now;
            var up = end - (CreationTime + startupTime);
            return up <= TimeSpan.Zero ? 0 : (int)Math.Min(up.TotalMinutes, _maxLeaseTimeMinutes);
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
        => now - CreationTime - startupTime < TimeSpan.FromMinutes(_maxLeaseTimeMinutes);
}
