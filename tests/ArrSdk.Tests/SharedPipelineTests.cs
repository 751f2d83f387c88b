using System.Net;
using ArrSdk.Authentication;
using ArrSdk.Emulator;
using Microsoft.Extensions.Time.Testing;

namespace ArrSdk.Tests;

/// <summary>
/// Caches made with the default retry options on the system clock share one resilience pipeline (a pipeline per account
/// was most of an account's memory); sharing must not mix up accounts or let one account's failure reach another.
/// </summary>
public sealed class SharedPipelineTests : IAsyncLifetime
{
    private const string AccountA = "0b6f3c2e-1d4a-4e8b-9c7f-2a5d8e1b3c4f";
    private const string AccountB = "7e2a9d4c-3b1f-4a6e-8d5c-9f0b2e4a6c8d";
    private const string KeyA = "canary-key-shared-a";
    private const string KeyB = "canary-key-shared-b";
    private ArrEmulator _emulator = null!;

    public async Task InitializeAsync()
    {
        var options = new ArrEmulatorOptions();
        options.Accounts.Add(new EmulatorAccount(AccountA, KeyA));
        options.Accounts.Add(new EmulatorAccount(AccountB, KeyB));
        _emulator = await ArrEmulator.StartAsync(options);
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public void Defaults_share_one_pipeline_and_anything_else_gets_its_own()
    {
        var shared = StsResilience.SharedOrCreate(null, null);

        Assert.Same(shared, StsResilience.SharedOrCreate(null, TimeProvider.System));
        Assert.NotSame(shared, StsResilience.SharedOrCreate(new StsRetryOptions(), null));
        Assert.NotSame(shared, StsResilience.SharedOrCreate(null, new FakeTimeProvider()));
    }

    [Fact]
    public async Task Accounts_on_the_shared_pipeline_get_their_own_tokens_concurrently()
    {
        var client = new StsTokenClient();
        var a = AccessTokenCache.ForAccountKey(new AccountKeyCredential(AccountA, KeyA, _emulator.BaseAddress), client);
        var b = AccessTokenCache.ForAccountKey(new AccountKeyCredential(AccountB, KeyB, _emulator.BaseAddress), client);

        var tokens = await Task.WhenAll(a.GetTokenAsync().AsTask(), b.GetTokenAsync().AsTask());

        Assert.Contains(AccountA, Payload(tokens[0].Token), StringComparison.Ordinal);
        Assert.Contains(AccountB, Payload(tokens[1].Token), StringComparison.Ordinal);
        Assert.Equal(1, _emulator.StsRequestCount(AccountA));
        Assert.Equal(1, _emulator.StsRequestCount(AccountB));
    }

    [Fact]
    public async Task A_rejected_account_on_the_shared_pipeline_does_not_affect_another()
    {
        var client = new StsTokenClient();
        var good = AccessTokenCache.ForAccountKey(new AccountKeyCredential(AccountA, KeyA, _emulator.BaseAddress), client);
        var rejected = AccessTokenCache.ForAccountKey(new AccountKeyCredential(AccountB, "wrong-key", _emulator.BaseAddress), client);

        var failure = await Assert.ThrowsAsync<StsRequestException>(() => rejected.GetTokenAsync().AsTask());
        var token = await good.GetTokenAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, failure.StatusCode);
        Assert.Equal(1, _emulator.StsRequestCount(AccountB));
        Assert.Contains(AccountA, Payload(token.Token), StringComparison.Ordinal);
    }

    private static string Payload(string jwt)
        => System.Text.Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(jwt.Split('.')[1]));
}
