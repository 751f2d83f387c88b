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

    /// <summary>How long a rendering session stays Starting before it is Ready. Default 10 seconds.</summary>
    public TimeSpan SessionStartupTime { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a conversion stays NotStarted before it runs. Default 1 second.</summary>
    public TimeSpan ConversionQueueTime { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a conversion runs before it succeeds or fails. Default 10 seconds.</summary>
    public TimeSpan ConversionRunTime { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How many items a list page holds. Default 20.</summary>
    public int PageSize { get; set; } = 20;

    /// <summary>
    /// A local folder standing in for blob storage: <c>{folder}/{container}/{blobPrefix}/{relativeInputAssetPath}</c>
    /// must exist for a conversion to succeed (otherwise it fails with InputAssetNotFound). When null, every input asset
    /// is taken to exist. No output file is written.
    /// </summary>
    public string? AssetFolder { get; set; }
}
