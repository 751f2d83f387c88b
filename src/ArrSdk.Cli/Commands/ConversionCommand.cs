using System.CommandLine;
using System.Globalization;
using ArrSdk.RemoteRendering;

namespace ArrSdk.Cli.Commands;

/// <summary><c>arr conversion start|show|list</c>, on par with the official PowerShell scripts.</summary>
internal static class ConversionCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("conversion", "Convert models into .arrAsset files and follow the conversions.");
        command.Subcommands.Add(Start(context));
        command.Subcommands.Add(Show(context));
        command.Subcommands.Add(List(context));
        return command;
    }

    private static Command Start(CliContext context)
    {
        var options = new ServiceOptions();
        var id = SessionCommand.IdOption(required: false);
        var inputContainer = new Option<string?>("--input-container") { Description = "The input blob container URI (default: from storageAccountName and blobInputContainerName in arrconfig.json)." };
        var input = new Option<string?>("--input") { Description = "The input asset relative to the container and prefix, e.g. house.fbx (default: inputAssetPath in arrconfig.json)." };
        var inputPrefix = new Option<string?>("--input-prefix") { Description = "Only blobs under this prefix are read (default: inputFolderPath in arrconfig.json)." };
        var outputContainer = new Option<string?>("--output-container") { Description = "The output blob container URI (default: from arrconfig.json)." };
        var outputPrefix = new Option<string?>("--output-prefix") { Description = "The folder for the output (default: outputFolderPath in arrconfig.json)." };
        var outputName = new Option<string?>("--output-name") { Description = "The .arrAsset file name (default: outputAssetFileName in arrconfig.json, else from the input name)." };
        var wait = new Option<bool>("--wait") { Description = "Wait until the conversion has finished, showing progress." };
        var command = new Command("start", "Start converting a model.") { id, inputContainer, input, inputPrefix, outputContainer, outputPrefix, outputName, wait };
        options.Handle(command, context, async (parse, connection, cancellationToken) =>
        {
            var config = connection.Config;
            var settings = new ConversionSettings
            {
                InputLocation = new ConversionInputSettings
                {
                    StorageContainerUri = ContainerOption(parse.GetValue(inputContainer), "--input-container") ?? ContainerUri(config?.StorageAccountName, config?.InputContainer) ?? throw new CliException("No input container: pass --input-container or set storageAccountName and blobInputContainerName in arrconfig.json."),
                    RelativeInputAssetPath = parse.GetValue(input) ?? config?.InputAssetPath ?? throw new CliException("No input asset: pass --input (e.g. house.fbx) or set inputAssetPath in arrconfig.json."),
                    BlobPrefix = parse.GetValue(inputPrefix) ?? config?.InputFolderPath,
                },
                OutputLocation = new ConversionOutputSettings
                {
                    StorageContainerUri = ContainerOption(parse.GetValue(outputContainer), "--output-container") ?? ContainerUri(config?.StorageAccountName, config?.OutputContainer) ?? throw new CliException("No output container: pass --output-container or set storageAccountName and blobOutputContainerName in arrconfig.json."),
                    BlobPrefix = parse.GetValue(outputPrefix) ?? config?.OutputFolderPath,
                    OutputAssetFilename = parse.GetValue(outputName) ?? config?.OutputAssetFileName,
                },
            };
            var conversionId = parse.GetValue(id) ?? "arr-conversion-" + context.TimeProvider.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..6];
            var conversion = parse.GetValue(wait)
                ? await connection.Client.StartConversionAsync(conversionId, settings, ResourceOutput.Progress<Conversion>(context, c => $"{c.Id}: {c.Status}"), cancellationToken).ConfigureAwait(false)
                : await connection.Client.CreateConversionAsync(conversionId, settings, cancellationToken).ConfigureAwait(false);
            ResourceOutput.Conversion(context, conversion, parse.GetValue(options.Json));
        });
        return command;
    }

    private static Command Show(CliContext context)
    {
        var options = new ServiceOptions();
        var id = SessionCommand.IdOption(required: true);
        var command = new Command("show", "Show a conversion.") { id };
        options.Handle(command, context, async (parse, connection, cancellationToken) =>
        {
            ResourceOutput.Conversion(context, await connection.Client.GetConversionAsync(parse.GetValue(id)!, cancellationToken).ConfigureAwait(false), parse.GetValue(options.Json));
        });
        return command;
    }

    private static Command List(CliContext context)
    {
        var options = new ServiceOptions();
        var command = new Command("list", "List the conversions of the account (all pages).");
        options.Handle(command, context, async (parse, connection, cancellationToken) =>
        {
            var conversions = await connection.Client.ListConversionsAsync(cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false);
            ResourceOutput.Conversions(context, conversions, parse.GetValue(options.Json));
        });
        return command;
    }

    // A container given on the command line must be an absolute http(s) URI: caught here, as a usage error, rather than
    // by the service after a round trip.
    private static string? ContainerOption(string? value, string option)
        => value is null || (Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
            ? value
            : throw new CliException($"{option} '{value}' is not a blob container URI such as https://<account>.blob.core.windows.net/<container>.");

    private static string? ContainerUri(string? storageAccount, string? container)
        => storageAccount is null || container is null ? null : $"https://{storageAccount}.blob.core.windows.net/{container}";
}
