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

    private readonly ConcurrentDictionary<string, ConcurrentQueue<StsFault>> _faults = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, int> _requests = new(StringComparer.OrdinalIgnoreCase);

    public void Enqueue(string accountId, StsFault fault, int count)
    {
        var queue = _faults.GetOrAdd(accountId, static _ => new ConcurrentQueue<StsFault>());
        for (var i = 0; i < count; i++)
        {
            queue.Enqueue(fault);
        }
    }

    private readonly ConcurrentDictionary<string, Func<StsFault?>> _selectors = new(StringComparer.OrdinalIgnoreCase);

    public void SetSelector(string accountId, Func<StsFault?>? selector)
    {
        if (selector is null)
        {
            _selectors.TryRemove(accountId, out _);
        }
        else
        {
            _selectors[accountId] = selector;
        }
    }

    /// <summary>The next scripted fault: queued ones first, then whatever the account's selector says.</summary>
    public StsFault? NextFault(string accountId)
    {
        if (_faults.TryGetValue(accountId, out var queue) && queue.TryDequeue(out var fault))
        {
            return fault;
        }

        return _selectors.TryGetValue(accountId, out var selector) ? selector() : null;
    }

    public int CountRequest(string accountId) => _requests.AddOrUpdate(accountId, 1, static (_, n) => n + 1);

    public int RequestCount(string accountId) => _requests.TryGetValue(accountId, out var n) ? n : 0;
}
