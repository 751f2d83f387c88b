using System.Text.Json.Serialization;

namespace ArrSdk.Benchmarks.Comparison.HandWritten;

/// <summary>A hand-written STS response DTO.</summary>
public sealed class HandStsToken
{
    /// <summary>The JWT.</summary>
    [JsonPropertyName("AccessToken")] public string? AccessToken { get; set; }
}
