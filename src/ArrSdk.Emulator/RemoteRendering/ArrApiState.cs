using System.Collections.Concurrent;
using ArrSdk.Emulator.Sts;

namespace ArrSdk.Emulator.RemoteRendering;

/// <summary>Sessions and conversions per account, and the settings that shape their life.</summary>
internal sealed class ArrApiState(ArrEmulatorOptions options, EmulatorTokenIssuer issuer)
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, EmulatedSession>> _sessions = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, EmulatedConversion>> _conversions = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, ArrError> _sessionFailures = new(StringComparer.Ordinal);

    public ArrEmulatorOptions Options { get; } = options;

    public EmulatorTokenIssuer Issuer { get; } = issuer;

    public DateTimeOffset Now => Options.TimeProvider.GetUtcNow();

    public ConcurrentDictionary<string, EmulatedSession> Sessions(string accountId)
        => _sessions.GetOrAdd(accountId, static _ => new ConcurrentDictionary<string, EmulatedSession>(StringComparer.Ordinal));

    public ConcurrentDictionary<string, EmulatedConversion> Conversions(string accountId)
        => _conversions.GetOrAdd(accountId, static _ => new ConcurrentDictionary<string, EmulatedConversion>(StringComparer.Ordinal));

    public void ScriptSessionFailure(string sessionId, ArrError error) => _sessionFailures[sessionId] = error;

    public ArrError? TakeSessionFailure(string sessionId) => _sessionFailures.TryRemove(sessionId, out var error) ? error : null;

    /// <summary>Whether the input asset exists in the asset folder (always, when no folder is configured).</summary>
    public ArrError? CheckInput(ConversionRequest request)
    {
        if (Options.AssetFolder is null)
        {
            return null;
        }

        var path = request.InputPathUnder(Options.AssetFolder);
        return File.Exists(path)
            ? null
            : new ArrError("InputAssetNotFound", $"The input asset '{request.RelativeInputAssetPath}' was not found in the input container", "settings.inputLocation.relativeInputAssetPath");
    }
}
