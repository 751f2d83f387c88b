using System.Text.Json.Serialization;

namespace ArrSdk.Benchmarks.Comparison.HandWritten;

/// <summary>A hand-written session DTO with the properties a user would copy from the docs.</summary>
public sealed class HandSession
{
    /// <summary>The id.</summary>
    [JsonPropertyName("id")] public string Id { get; set; } = "";

    /// <summary>The status.</summary>
    [JsonPropertyName("status")] public string? Status { get; set; }

    /// <summary>The size.</summary>
    [JsonPropertyName("size")] public string? Size { get; set; }

    /// <summary>The host.</summary>
    [JsonPropertyName("hostname")] public string? Hostname { get; set; }

    /// <summary>The lease.</summary>
    [JsonPropertyName("maxLeaseTimeMinutes")] public int? MaxLeaseTimeMinutes { get; set; }

    /// <summary>Minutes up.</summary>
    [JsonPropertyName("elapsedTimeMinutes")] public int? ElapsedTimeMinutes { get; set; }

    /// <summary>Handshake port.</summary>
    [JsonPropertyName("handshakePort")] public int? HandshakePort { get; set; }

    /// <summary>Inspector port.</summary>
    [JsonPropertyName("arrInspectorPort")] public int? ArrInspectorPort { get; set; }

    /// <summary>Teraflops.</summary>
    [JsonPropertyName("teraflops")] public double? Teraflops { get; set; }

    /// <summary>Created.</summary>
    [JsonPropertyName("creationTime")] public DateTimeOffset? CreationTime { get; set; }
}
