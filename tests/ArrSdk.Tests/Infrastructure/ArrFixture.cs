using ArrSdk.Authentication;
using ArrSdk.Emulator;
using ArrSdk.RemoteRendering;
using Microsoft.Extensions.Time.Testing;

namespace ArrSdk.Tests.Infrastructure;

/// <summary>The emulator (STS and ARR) and a <see cref="RemoteRenderingClient"/> over loopback, on one fake clock.</summary>
internal sealed class ArrFixture : IAsyncDisposable
{
    public const string AccountId = "5d2c1b0a-9f8e-4d7c-a6b5-4c3d2e1f0a9b";

    private ArrFixture(ArrEmulator emulator, FakeTimeProvider time, RemoteRenderingClientOptions clientOptions)
    {
        Emulator = emulator;
        Time = time;
        var credential = new AccountKeyCredential(AccountId, Secrets.CanaryKey, emulator.BaseAddress);
        Tokens = AccessTokenCache.ForAccountKey(credential, new StsTokenClient(timeProvider: time), timeProvider: time, logger: Logs.CreateLogger("tokens"));
        Client = RemoteRenderingClient.Create(emulator.BaseAddress, AccountId, Tokens, options: clientOptions, timeProvider: time);
    }

    public ArrEmulator Emulator { get; }

    public FakeTimeProvider Time { get; }

    public LogCapture Logs { get; } = new();

    public AccessTokenCache Tokens { get; }

    public RemoteRenderingClient Client { get; }

    public static async Task<ArrFixture> StartAsync(Action<ArrEmulatorOptions>? configure = null, RemoteRenderingClientOptions? clientOptions = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
        var options = new ArrEmulatorOptions { TimeProvider = time, SessionStartupTime = TimeSpan.FromSeconds(30), ConversionQueueTime = TimeSpan.FromSeconds(5), ConversionRunTime = TimeSpan.FromSeconds(60) };
        options.Accounts.Add(new EmulatorAccount(AccountId, Secrets.CanaryKey));
        configure?.Invoke(options);
        var emulator = await ArrEmulator.StartAsync(options);
        return new ArrFixture(emulator, time, clientOptions ?? new RemoteRenderingClientOptions { PollInterval = TimeSpan.FromSeconds(5) });
    }

    /// <summary>Runs <paramref name="operation"/> while moving the fake clock in one-second steps.</summary>
    public Task<T> Drive<T>(Task<T> operation) => TimeDriver.DriveAsync(operation, Time, TimeSpan.FromSeconds(1));

    public Task Drive(Task operation) => TimeDriver.DriveAsync(operation, Time, TimeSpan.FromSeconds(1));

    public static ConversionSettings Settings(string input = "house.fbx") => new()
    {
        InputLocation = new ConversionInputSettings { StorageContainerUri = "https://contosostorage01.blob.core.windows.net/arrinput", BlobPrefix = "models/", RelativeInputAssetPath = input },
        OutputLocation = new ConversionOutputSettings { StorageContainerUri = "https://contosostorage01.blob.core.windows.net/arroutput", BlobPrefix = "out", OutputAssetFilename = null },
    };

    public async ValueTask DisposeAsync()
    {
        Logs.AssertNoSecrets();
        await Emulator.DisposeAsync();
    }
}
