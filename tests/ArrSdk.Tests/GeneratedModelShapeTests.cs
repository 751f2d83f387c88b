using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ArrSdk.RemoteRendering;
using ArrSdk.Sts;

namespace ArrSdk.Tests;

/// <summary>
/// The generated DTOs are shaped for System.Text.Json's fast path: a type the client reads is created with its
/// parameterless constructor and filled through setters (no argument buffer, no boxing), a required property of such a
/// type is checked after the read (or by [JsonRequired] where a default cannot be told from a value), and a request-only
/// type keeps C# <c>required</c> for whoever builds it.
/// </summary>
public sealed class GeneratedModelShapeTests
{
    public static TheoryData<string> ReadOnlyTypes => new()
    {
        nameof(SessionProperties), nameof(SessionsList), nameof(Conversion), nameof(ConversionList), nameof(ConversionOutput),
        nameof(Error), nameof(ErrorResponse),
    };

    [Theory]
    [MemberData(nameof(ReadOnlyTypes))]
    public void A_type_the_client_reads_is_created_without_the_constructor_path(string typeName)
    {
        var type = typeof(SessionProperties).Assembly.GetType($"ArrSdk.RemoteRendering.{typeName}", throwOnError: true)!;
        var info = RemoteRenderingJsonContext.Default.GetTypeInfo(type)!;

        Assert.Equal(JsonTypeInfoKind.Object, info.Kind);
        Assert.NotNull(info.CreateObject);
        Assert.Null(type.GetCustomAttribute<RequiredMemberAttribute>());
    }

    [Fact]
    public void The_sts_response_is_created_without_the_constructor_path()
        => Assert.NotNull(StsJsonContext.Default.StsTokenResponse.CreateObject);

    [Theory]
    [InlineData("""{ "size": "Standard", "status": "Ready" }""", "'id'")]
    [InlineData("""{ "id": null, "size": "Standard", "status": "Ready" }""", "'id'")]
    [InlineData("""{ "id": "s", "size": "Standard" }""", "'status'")]
    [InlineData("""{ "id": "s", "size": null, "status": "Ready" }""", "$.size")]
    [InlineData("""{ "id": "s", "size": 3, "status": "Ready" }""", "$.size")]
    public void A_reply_missing_a_required_property_fails_to_deserialize_and_names_it(string json, string named)
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, RemoteRenderingJsonContext.Default.SessionProperties));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_required_value_that_cannot_be_told_from_its_default_is_left_to_the_serializer()
    {
        // creationTime is a DateTimeOffset and error is nullable: only [JsonRequired] can tell "missing" from a value.
        var required = typeof(Conversion).GetProperties()
            .Where(p => p.GetCustomAttribute<JsonRequiredAttribute>() is not null)
            .Select(p => p.Name)
            .Order(StringComparer.Ordinal);
        Assert.Equal(["CreationTime", "Error"], required);
        Assert.DoesNotContain(typeof(SessionProperties).GetProperties(), p => p.GetCustomAttribute<JsonRequiredAttribute>() is not null);

        var withoutCreationTime = """{ "id": "c", "status": "Running", "settings": { "inputLocation": { "storageContainerUri": "https://a", "relativeInputAssetPath": "m.fbx" }, "outputLocation": { "storageContainerUri": "https://a" } }, "error": null }""";
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(withoutCreationTime, RemoteRenderingJsonContext.Default.Conversion));
        Assert.Contains("creationTime", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(typeof(ConversionSettings), nameof(ConversionSettings.InputLocation))]
    [InlineData(typeof(ConversionInputSettings), nameof(ConversionInputSettings.StorageContainerUri))]
    [InlineData(typeof(ConversionOutputSettings), nameof(ConversionOutputSettings.StorageContainerUri))]
    public void A_type_callers_send_and_also_receive_keeps_csharp_required_members(Type type, string property)
    {
        // Callers build conversion settings for StartConversionAsync; a forgotten location must not compile.
        Assert.NotNull(type.GetProperty(property)!.GetCustomAttribute<RequiredMemberAttribute>());
        Assert.Null(RemoteRenderingJsonContext.Default.GetTypeInfo(type)!.CreateObject);
    }

    [Fact]
    public void A_request_only_type_keeps_csharp_required_members()
    {
        Assert.NotNull(typeof(CreateSessionSettings).GetCustomAttribute<RequiredMemberAttribute>());
        Assert.NotNull(typeof(CreateSessionSettings).GetProperty(nameof(CreateSessionSettings.MaxLeaseTimeMinutes))!.GetCustomAttribute<RequiredMemberAttribute>());
        Assert.NotNull(typeof(CreateSessionSettings).GetProperty(nameof(CreateSessionSettings.Size))!.GetCustomAttribute<RequiredMemberAttribute>());
    }
}
