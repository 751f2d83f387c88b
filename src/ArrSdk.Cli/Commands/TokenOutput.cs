using System.Text.Json.Serialization;

namespace ArrSdk.Cli.Commands;

/// <summary>What <c>arr token --json</c> prints.</summary>
internal sealed record TokenOutput(
    [property: JsonPropertyName("accessToken")] string AccessToken,
    [property: JsonPropertyName("expiresOn")] DateTimeOffset ExpiresOn,
    [property: JsonPropertyName("msCv")] string? MsCv,
    [property: JsonPropertyName("stsEndpoint")] string StsEndpoint);

[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(TokenOutput))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
