namespace ArrSdk.Emulator;

/// <summary>How an <see cref="ArrEmulator"/> behaves.</summary>
public sealed class ArrEmulatorOptions
{
    /// <summary>The accounts it knows; the demo account when empty.</summary>
    public IList<EmulatorAccount> Accounts { get; } = new List<EmulatorAccount>();

    /// <summary>The port on 127.0.0.1; 0 (the default) lets the operating system choose a free one.</summary>
    public int Port { get; set; }

    /// <summary>The clock behind issued tokens (and, later, session and conversion state).</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>How long issued tokens live; 24 hours like the real STS.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(24);
}
