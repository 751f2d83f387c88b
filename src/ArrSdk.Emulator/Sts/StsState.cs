using System.Collections.Concurrent;

namespace ArrSdk.Emulator.Sts;

/// <summary>What the emulated STS knows: accounts (by id, case-insensitive like GUIDs), the clock and the token issuer.</summary>
internal sealed class StsState(IEnumerable<EmulatorAccount> accounts, TimeProvider timeProvider, TimeSpan tokenLifetime, EmulatorTokenIssuer issuer)
{
    public ConcurrentDictionary<string, EmulatorAccount> Accounts { get; } =
        new(accounts.Select(a => KeyValuePair.Create(a.AccountId, a)), StringComparer.OrdinalIgnoreCase);

    public TimeProvider TimeProvider { get; } = timeProvider;

    public TimeSpan TokenLifetime { get; } = tokenLifetime;

    public EmulatorTokenIssuer Issuer { get; } = issuer;
}
