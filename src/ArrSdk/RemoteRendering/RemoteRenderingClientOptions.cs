namespace ArrSdk.RemoteRendering;

/// <summary>How <see cref="RemoteRenderingClient"/> waits for sessions and conversions.</summary>
public sealed class RemoteRenderingClientOptions
{
    /// <summary>How often to poll when the service sends no <c>Retry-After</c>. Default 5 seconds.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a session may take to become Ready. Default 15 minutes.</summary>
    public TimeSpan SessionStartTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a conversion may take. Default 2 hours.</summary>
    public TimeSpan ConversionTimeout { get; set; } = TimeSpan.FromHours(2);
}
