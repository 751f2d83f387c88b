using System.Text.Json.Serialization;

namespace ArrSdk.Benchmarks.Comparison.HandWritten;

/// <summary>The hand-written DTO with the three properties the API guarantees marked required, as ArrSdk's are.</summary>
public sealed class HandSessionWithRequired
{
    /// <summary>The id.</summary>
    [JsonRequired, JsonPropertyName("id")] public string Id { get; set; } = "";

    /// <summary>The status.</summary>
    [JsonRequired, JsonPropertyName("status")] public string? Status { get; set; }

    /// <summary>The size.</summary>
    [JsonRequired, JsonPropertyName("size")] public string? Size { get; set; }

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
