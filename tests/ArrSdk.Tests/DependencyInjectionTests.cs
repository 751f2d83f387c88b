using System.Net;
using ArrSdk.Authentication;
using ArrSdk.DependencyInjection;
using ArrSdk.Emulator;
using ArrSdk.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ArrSdk.Tests;

public sealed class DependencyInjectionTests
{
    private const string AccountId = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";

    [Fact]
    public async Task AddArrSdk_binds_configuration_and_gets_tokens_from_the_STS_through_IHttpClientFactory()
    {
        await using var emulator = await StartEmulatorAsync();
        var logs = new LogCapture();
        await using var provider = BuildProvider(
            new Dictionary<string, string?>
            {
                ["ArrSdk:AccountId"] = AccountId,
                ["ArrSdk:AccountKey"] = Secrets.CanaryKey,
                ["ArrSdk:AccountDomain"] = emulator.BaseAddress.ToString(),
            },
            logs);

        var tokens = provider.GetRequiredService<IAccessTokenProvider>();
        var token = await tokens.GetTokenAsync();

        Assert.True(token.ExpiresOn > DateTimeOffset.UtcNow.AddHours(23));
        Assert.Same(token, await tokens.GetTokenAsync());
        Assert.Equal(1, emulator.StsRequestCount(AccountId));
        Assert.Contains(logs.Lines, line => line.Contains("MS-CV", StringComparison.Ordinal) && line.Contains("status 200", StringComparison.Ordinal));
        Secrets.SeenTokens.TryAdd(token.Token, 0);
        logs.AssertNoSecrets();
    }

    [Fact]
    public async Task Every_client_of_one_account_shares_one_token_cache()
    {
        await using var emulator = await StartEmulatorAsync();
        var services = new ServiceCollection().AddArrSdk(o =>
        {
            o.AccountId = AccountId;
            o.AccountKey = Secrets.CanaryKey;
            o.AccountDomain = emulator.BaseAddress.ToString();
        });
        var api = new FakeArrApi(TimeProvider.System);
        services.AddHttpClient("first", c => c.BaseAddress = new Uri("https://remoterendering.eastus.mixedreality.azure.com/")).AddArrAuthentication().ConfigurePrimaryHttpMessageHandler(() => api);
        services.AddHttpClient("second", c => c.BaseAddress = new Uri("https://remoterendering.eastus.mixedreality.azure.com/")).AddArrAuthentication().ConfigurePrimaryHttpMessageHandler(() => api);
        await using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IHttpClientFactory>();

        using var first = await factory.CreateClient("first").GetAsync(new Uri("accounts/a/sessions", UriKind.Relative));
        using var second = await factory.CreateClient("second").GetAsync(new Uri("accounts/a/sessions", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(1, emulator.StsRequestCount(AccountId));
        Assert.Equal(1, provider.GetRequiredService<AccessTokenCacheRegistry>().Count);
    }

    [Theory]
    [InlineData(null, "key", null, "ArrSdk:AccountId is missing")]
    [InlineData("not-a-guid", "key", null, "ArrSdk:AccountId 'not-a-guid' is not a GUID")]
    [InlineData(AccountId, null, null, "ArrSdk:AccountKey is missing")]
    [InlineData(AccountId, "key", "http://sts.example.com", "ArrSdk:AccountDomain 'http://sts.example.com' uses plain http")]
    [InlineData(AccountId, "key", "not a domain!", "ArrSdk:AccountDomain 'not a domain!' is neither a region name")]
    public void Invalid_settings_fail_at_start_naming_the_setting(string? accountId, string? accountKey, string? domain, string expected)
    {
        using var provider = BuildProvider(new Dictionary<string, string?>
        {
            ["ArrSdk:AccountId"] = accountId,
            ["ArrSdk:AccountKey"] = accountKey is null ? null : Secrets.CanaryKey,
            ["ArrSdk:AccountDomain"] = domain,
        });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ArrSdkOptions>>().Value);

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Secrets.AssertNoSecretIn(error);
    }

    [Fact]
    public async Task A_region_name_resolves_to_the_regional_STS()
    {
        await using var provider = BuildProvider(new Dictionary<string, string?>
        {
            ["ArrSdk:AccountId"] = AccountId,
            ["ArrSdk:AccountKey"] = Secrets.CanaryKey,
            ["ArrSdk:AccountDomain"] = "westeurope",
        });

        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient(ArrSdkServiceCollectionExtensions.StsHttpClientName);

        Assert.Equal(new Uri("https://sts.westeurope.mixedreality.azure.com/"), client.BaseAddress);
    }

    [Fact]
    public async Task A_fixed_token_from_configuration_is_served_until_it_expires_then_fails_clearly()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        var token = JwtFactory.Expiring(time.GetUtcNow().AddHours(1));
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(time)
            .AddArrSdk(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ArrSdk:AccessToken"] = token }).Build());
        await using var provider = services.BuildServiceProvider();
        var tokens = provider.GetRequiredService<IAccessTokenProvider>();

        Assert.Equal(token, (await tokens.GetTokenAsync()).Token);
        time.Advance(TimeSpan.FromHours(2));
        var error = await Assert.ThrowsAsync<StsRequestException>(() => tokens.GetTokenAsync().AsTask());

        Assert.Contains("fixed access token expired", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(token, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_delegate_is_cached_by_its_exp_claim()
    {
        var calls = 0;
        var services = new ServiceCollection().AddArrSdk((_, _) =>
        {
            Interlocked.Increment(ref calls);
            return ValueTask.FromResult(JwtFactory.Expiring(DateTimeOffset.UtcNow.AddHours(24)));
        });
        await using var provider = services.BuildServiceProvider();
        var tokens = provider.GetRequiredService<IAccessTokenProvider>();

        var first = await tokens.GetTokenAsync();
        var second = await tokens.GetTokenAsync();

        Assert.Same(first, second);
        Assert.Equal(1, calls);
    }

    private static ServiceProvider BuildProvider(Dictionary<string, string?> settings, LogCapture? logs = null)
    {
        var services = new ServiceCollection();
        if (logs is not null)
        {
            services.AddSingleton<ILoggerFactory>(logs);
        }

        services.AddArrSdk(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services.BuildServiceProvider();
    }

    private static Task<ArrEmulator> StartEmulatorAsync()
    {
        var options = new ArrEmulatorOptions();
        options.Accounts.Add(new EmulatorAccount(AccountId, Secrets.CanaryKey));
        return ArrEmulator.StartAsync(options);
    }
}
