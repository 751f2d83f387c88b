using System.Text.Json.Serialization;

namespace ArrSdk.Emulator.Sts;

/// <summary>The STS's 200 body: <c>{"AccessToken": "..."}</c>, PascalCase on the wire.</summary>
internal sealed record StsTokenResponse([property: JsonPropertyName("AccessToken")] string AccessToken);

[JsonSerializable(typeof(StsTokenResponse))]
internal sealed partial class EmulatorJsonContext : JsonSerializerContext;
