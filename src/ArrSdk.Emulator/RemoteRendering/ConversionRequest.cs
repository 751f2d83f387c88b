using System.Text.Json;

namespace ArrSdk.Emulator.RemoteRendering;

/// <summary>The settings of a create-conversion request, read and checked as the service does.</summary>
internal sealed record ConversionRequest(
    string InputContainerUri,
    string? InputSas,
    string? InputBlobPrefix,
    string RelativeInputAssetPath,
    string OutputContainerUri,
    string? OutputSas,
    string? OutputBlobPrefix,
    string? OutputAssetFilename)
{
    public string OutputAssetUri
        => Join(OutputContainerUri, OutputBlobPrefix, OutputAssetFilename ?? Path.ChangeExtension(Path.GetFileName(RelativeInputAssetPath), ".arrAsset"));

    /// <summary>Reads the body; returns the problem (for a 400) or the request.</summary>
    public static (ConversionRequest? Request, ArrError? Problem) Read(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("settings", out var settings) || settings.ValueKind != JsonValueKind.Object)
        {
            return (null, new ArrError("BadRequest", "The body must be an object with 'settings'.", "settings"));
        }

        if (!settings.TryGetProperty("inputLocation", out var input) || input.ValueKind != JsonValueKind.Object)
        {
            return (null, new ArrError("BadRequest", "'settings.inputLocation' is required.", "settings.inputLocation"));
        }

        if (!settings.TryGetProperty("outputLocation", out var output) || output.ValueKind != JsonValueKind.Object)
        {
            return (null, new ArrError("BadRequest", "'settings.outputLocation' is required.", "settings.outputLocation"));
        }

        var inputContainer = Text(input, "storageContainerUri");
        var relativePath = Text(input, "relativeInputAssetPath");
        var outputContainer = Text(output, "storageContainerUri");
        if (Text(input, "blobPrefix") is { } prefix && prefix.Replace('\\', '/').Split('/').Contains(".."))
        {
            return (null, new ArrError("BadRequest", "'inputLocation.blobPrefix' must not contain '..'.", "settings.inputLocation.blobPrefix"));
        }

        if (!IsContainerUri(inputContainer))
        {
            return (null, new ArrError("BadRequest", "'inputLocation.storageContainerUri' must be the absolute http(s) URI of a blob container.", "settings.inputLocation.storageContainerUri"));
        }

        if (string.IsNullOrWhiteSpace(relativePath))
        {
            return (null, new ArrError("BadRequest", "'inputLocation.relativeInputAssetPath' is required.", "settings.inputLocation.relativeInputAssetPath"));
        }

        // A blob path is relative to its container: '..' segments or a rooted path name nothing there.
        if (relativePath.Replace('\\', '/').Split('/').Contains("..") || relativePath.StartsWith('/') || Path.IsPathRooted(relativePath))
        {
            return (null, new ArrError("BadRequest", "'inputLocation.relativeInputAssetPath' must be a path inside the container, without '..'.", "settings.inputLocation.relativeInputAssetPath"));
        }

        if (!IsContainerUri(outputContainer))
        {
            return (null, new ArrError("BadRequest", "'outputLocation.storageContainerUri' must be the absolute http(s) URI of a blob container.", "settings.outputLocation.storageContainerUri"));
        }

        return (new ConversionRequest(
            inputContainer!,
            Text(input, "storageContainerReadListSas"),
            Text(input, "blobPrefix"),
            relativePath!,
            outputContainer!,
            Text(output, "storageContainerWriteSas"),
            Text(output, "blobPrefix"),
            Text(output, "outputAssetFilename")), null);
    }

    /// <summary>Where the input asset lives inside the asset folder standing in for blob storage.</summary>
    public string InputPathUnder(string folder)
        => Path.Combine(folder, ContainerName(InputContainerUri), (InputBlobPrefix ?? string.Empty).Trim('/'), RelativeInputAssetPath.TrimStart('/'));

    private static string ContainerName(string containerUri) => new Uri(containerUri).AbsolutePath.Trim('/');

    private static bool IsContainerUri(string? value)
        => Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && uri.AbsolutePath.Trim('/').Length > 0;

    private static string? Text(JsonElement element, string name)
        => element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Join(params string?[] parts)
        => string.Join('/', parts.Where(p => !string.IsNullOrEmpty(p)).Select((p, i) => i == 0 ? p!.TrimEnd('/') : p!.Trim('/')));
}
