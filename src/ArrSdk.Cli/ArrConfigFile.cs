using System.Text.Json;

namespace ArrSdk.Cli;

/// <summary>
/// Settings from an <c>arrconfig.json</c> in the format of the official ARR PowerShell scripts
/// (accountSettings, renderingSessionSettings, assetConversionSettings). Template placeholders such as
/// <c>&lt;fill in …&gt;</c> count as unset.
/// </summary>
internal sealed class ArrConfigFile
{
    private readonly JsonElement _root;

    private ArrConfigFile(JsonElement root, string path)
    {
        _root = root;
        Path = path;
    }

    public string Path { get; }

    public string? AccountId => Get("accountSettings", "arrAccountId");

    public string? AccountKey => Get("accountSettings", "arrAccountKey");

    public string? AccountDomain => Get("accountSettings", "arrAccountDomain");

    public string? RemoteRenderingDomain => Get("renderingSessionSettings", "remoteRenderingDomain");

    public string? VmSize => Get("renderingSessionSettings", "vmSize");

    public string? MaxLeaseTime => Get("renderingSessionSettings", "maxLeaseTime");

    public string? StorageAccountName => Get("assetConversionSettings", "storageAccountName");

    public string? InputContainer => Get("assetConversionSettings", "blobInputContainerName");

    public string? OutputContainer => Get("assetConversionSettings", "blobOutputContainerName");

    public string? InputFolderPath => Get("assetConversionSettings", "inputFolderPath");

    public string? InputAssetPath => Get("assetConversionSettings", "inputAssetPath");

    public string? OutputFolderPath => Get("assetConversionSettings", "outputFolderPath");

    public string? OutputAssetFileName => Get("assetConversionSettings", "outputAssetFileName");

    /// <summary>Loads the file; a missing default file is no file, a missing or broken named file is an error.</summary>
    public static ArrConfigFile? Load(string? path)
    {
        var explicitPath = path is not null;
        path ??= System.IO.Path.Combine(Environment.CurrentDirectory, "arrconfig.json");
        if (!File.Exists(path))
        {
            return explicitPath ? throw new CliException($"The config file '{path}' does not exist.") : null;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path).AsMemory().TrimUtf8Bom(), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new CliException($"The config file '{path}' must hold a JSON object like the official arrconfig.json.");
            }

            return new ArrConfigFile(document.RootElement.Clone(), path);
        }
        catch (JsonException exception)
        {
            // System.Text.Json counts lines and bytes from 0; editors count from 1.
            var what = exception.Message.Split([" Path:", " LineNumber:"], StringSplitOptions.None)[0].TrimEnd();
            var where = exception.LineNumber is { } line ? $" (line {line + 1}, column {exception.BytePositionInLine + 1 ?? 1})" : "";
            throw new CliException($"The config file '{path}' is not valid JSON{where}: {what}");
        }
    }

    private string? Get(string section, string key)
    {
        if (!_root.TryGetProperty(section, out var group) || group.ValueKind != JsonValueKind.Object
            || !group.TryGetProperty(key, out var value) || value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var text = value.GetString()!.Trim();
        return text.Length == 0 || text.StartsWith('<') ? null : text;
    }
}

internal static class Utf8BomExtensions
{
    public static ReadOnlyMemory<byte> TrimUtf8Bom(this Memory<byte> bytes)
        => bytes.Length >= 3 && bytes.Span[0] == 0xEF && bytes.Span[1] == 0xBB && bytes.Span[2] == 0xBF ? bytes[3..] : bytes;
}
