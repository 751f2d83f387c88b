using System.Text.Json;
using System.Text.Json.Serialization;

namespace ArrSdk.Benchmarks.Comparison.HandWritten;

/// <summary>System.Text.Json source-generated metadata for the hand-written DTOs (the floor and hand-written Refit share it).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(HandSession))]
[JsonSerializable(typeof(HandStsToken))]
public sealed partial class HandWrittenJsonContext : JsonSerializerContext;
