using System.Net;
using ArrSdk.Authentication;
using ArrSdk.Emulator;
using ArrSdk.RemoteRendering;
using ArrSdk.Tests.Infrastructure;

namespace ArrSdk.Tests;

/// <summary>What the emulated ARR API says about tokens, and where the client sends them.</summary>
public sealed class RemoteRenderingAuthorizationTests
{
    [Fact]
    public async Task A_valid_token_for_another_account_is_a_403()
    {
        await using var arr = await ArrFixture.StartAsync(o => o.Accounts.Add(new EmulatorAccount("1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", "other-key")));
        var otherTokens = AccessTokenCache.ForAccountKey(
            new AccountKeyCredential("1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", "other-key", arr.Emulator.BaseAddress), new StsTokenClient(timeProvider: arr.Time), timeProvider: arr.Time);
        var client = RemoteRenderingClient.Create(arr.Emulator.BaseAddress, ArrFixture.AccountId, otherTokens, timeProvider: arr.Time);

        var error = await Assert.ThrowsAsync<RemoteRenderingException>(() => client.GetSessionAsync("any"));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
    }

    [Fact]
    public async Task An_expired_token_is_a_401_with_a_bearer_challenge()
    {
        await using var arr = await ArrFixture.StartAsync();
        var token = await arr.Tokens.GetTokenAsync();
        arr.Time.Advance(TimeSpan.FromHours(25));
        using var http = new HttpClient { BaseAddress = arr.Emulator.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, $"accounts/{ArrFixture.AccountId}/sessions?api-version=2021-01-01");
        request.Headers.Authorization = new("Bearer", token.Token);

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Contains("expired", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_client_refreshes_an_expired_token_instead_of_failing()
    {
        await using var arr = await ArrFixture.StartAsync();
        await arr.Client.CreateSessionAsync("long", SessionSize.Standard, TimeSpan.FromHours(24));
        arr.Time.Advance(TimeSpan.FromHours(23.9));

        var session = await arr.Drive(arr.Client.GetSessionAsync("long"));

        Assert.Equal(SessionStatus.Ready, session.Status);
    }

    [Fact]
    public async Task A_wrong_api_version_is_a_400_with_the_target()
    {
        await using var arr = await ArrFixture.StartAsync();
        var token = await arr.Tokens.GetTokenAsync();
        using var http = new HttpClient { BaseAddress = arr.Emulator.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, $"accounts/{ArrFixture.AccountId}/sessions?api-version=2020-01-01");
        request.Headers.Authorization = new("Bearer", token.Token);

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"target\":\"api-version\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("eastus", "https://remoterendering.eastus.mixedreality.azure.com/")]
    [InlineData("westeurope.mixedreality.azure.com", "https://remoterendering.westeurope.mixedreality.azure.com/")]
    [InlineData("https://remoterendering.japaneast.mixedreality.azure.com", "https://remoterendering.japaneast.mixedreality.azure.com/")]
    [InlineData("http://127.0.0.1:5000", "http://127.0.0.1:5000/")]
    public void The_ARR_endpoint_comes_from_a_region_or_a_URL(string value, string expected)
        => Assert.Equal(new Uri(expected), RemoteRenderingEndpoints.Resolve(value));

    [Theory]
    [InlineData("http://remoterendering.eastus.mixedreality.azure.com")]
    [InlineData("")]
    [InlineData("not a region!")]
    public void An_endpoint_that_cannot_be_ARR_is_refused_naming_the_setting(string value)
    {
        var error = Assert.Throws<ArgumentException>(() => RemoteRenderingEndpoints.Resolve(value, "ArrSdk:RemoteRenderingDomain"));

        Assert.StartsWith("ArrSdk:RemoteRenderingDomain", error.Message, StringComparison.Ordinal);
    }
}
