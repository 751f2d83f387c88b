using ArrSdk.Authentication;
using ArrSdk.Emulator;
using Microsoft.Extensions.Time.Testing;

namespace ArrSdk.Tests.Infrastructure;

/// <summary>An emulator and an SDK token stack that share one fake clock, with logs captured and checked for secrets.</summary>
internal sealed class StsFixture : IAsyncDisposable
{
    public const string AccountId = "3f9d2c41-8a6b-4e0f-9d7c-5b1a2e3c4d5e";

    private StsFixture(ArrEmulator emulator, FakeTimeProvider time)
    {
        Emulator = emulator;
        Time = time;
        Credential = new AccountKeyCredential(AccountId, Secrets.CanaryKey, emulator.BaseAddress);
        Client = new StsTokenClient(timeProvider: time, logger: Logs.CreateLogger("StsTokenClient"));
    }

    public ArrEmulator Emulator { get; }

    public FakeTimeProvider Time { get; }

    public LogCapture Logs { get; } = new();

    public AccountKeyCredential Credential { get; }

    public StsTokenClient Client { get; }

    public int StsRequests => Emulator.StsRequestCount(AccountId);

    public static async Task<StsFixture> StartAsync(TimeSpan? tokenLifetime = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero));
        var options = new ArrEmulatorOptions { TimeProvider = time, TokenLifetime = tokenLifetime ?? TimeSpan.FromHours(24) };
        options.Accounts.Add(new EmulatorAccount(AccountId, Secrets.CanaryKey));
        return new StsFixture(await ArrEmulator.StartAsync(options), time);
    }

    public AccessTokenCache CreateCache(StsRetryOptions? retry = null, TokenRefreshPolicy? policy = null)
        => AccessTokenCache.ForAccountKey(Credential, Client, policy, retry ?? FastRetry(), Time, Logs.CreateLogger("AccessTokenCache"));

    public static StsRetryOptions FastRetry() => new()
    {
        MaxRetryAttempts = 6,
        BaseDelay = TimeSpan.FromSeconds(1),
        MaxDelay = TimeSpan.FromSeconds(30),
        AttemptTimeout = TimeSpan.FromSeconds(10),
        TotalTimeout = TimeSpan.FromMinutes(2),
    };

    public async ValueTask DisposeAsync()
    {
        Logs.AssertNoSecrets();
        await Emulator.DisposeAsync();
    }
}
