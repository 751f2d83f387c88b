using System.Text.Encodings.Web;
using System.Text.Json;
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
[JsonSerializable(typeof(EmulatorState))]
internal sealed partial class CliJsonContext : JsonSerializerContext
{
    /// <summary>
    /// Output for people and scripts: characters such as '+' stay as they are instead of \u002B. Safe here, since the
    /// JSON is printed, never embedded in HTML.
    /// </summary>
    public static CliJsonContext Relaxed { get; } = new(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
