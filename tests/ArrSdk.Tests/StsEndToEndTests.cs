using System.Net;
using ArrSdk.Authentication;
using ArrSdk.Emulator;
using ArrSdk.Sts;
using ArrSdk.Tests.Infrastructure;
using Refit;

namespace ArrSdk.Tests;

/// <summary>The generated STS client against the emulator on loopback, as a user would call it.</summary>
public sealed class StsEndToEndTests : IAsyncLifetime
{
    private const string AccountId = "6c1a5e3f-7b8d-4f2a-9e0c-1d2b3a4c5e6f";
    private const string AccountKey = "canary-key-4a7b9c";
    private ArrEmulator _emulator = null!;

    public async Task InitializeAsync()
    {
        var options = new ArrEmulatorOptions();
        options.Accounts.Add(new EmulatorAccount(AccountId, AccountKey));
        _emulator = await ArrEmulator.StartAsync(options);
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task Generated_client_gets_a_jwt_with_a_24_hour_expiry_and_the_MS_CV_header()
    {
        using var http = new HttpClient { BaseAddress = _emulator.BaseAddress };
        var sts = RestService.ForGenerated<ISecureTokenService>(http, StsJsonContext.Default);
        var before = DateTimeOffset.UtcNow;

        using var response = await sts.GetTokenAsync(AccountId, SecureTokenService.GetTokenAuthorization(AccountId, AccountKey), "client-cv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var content = response.Content;
        Assert.NotNull(content);
        Assert.Equal(3, content.AccessToken.Split('.').Length);
        Assert.True(JwtExpiry.TryRead(content.AccessToken, out var expiresOn));
        Assert.InRange(expiresOn - before, TimeSpan.FromHours(24) - TimeSpan.FromMinutes(1), TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        Assert.False(string.IsNullOrEmpty(response.Headers!.GetValues(SecureTokenService.CorrelationVectorHeader).Single()));
        Assert.Equal("api-version=2019-02-28-preview", response.RequestMessage!.RequestUri!.Query.TrimStart('?'));
    }

    [Fact]
    public async Task Token_client_returns_the_token_with_its_expiry_and_correlation_vector()
    {
        var client = new StsTokenClient();

        var result = await client.RequestTokenAsync(new AccountKeyCredential(AccountId, AccountKey, _emulator.BaseAddress));

        Assert.True(result.HasExpiryClaim);
        Assert.False(string.IsNullOrEmpty(result.Token.CorrelationVector));
        Assert.InRange(result.Token.ExpiresOn - result.IssuedAt, TimeSpan.FromHours(23.9), TimeSpan.FromHours(24.1));
        Assert.DoesNotContain(result.Token.Token, result.Token.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_key_gives_a_typed_401_with_WWW_Authenticate_and_MS_CV_and_no_secret_in_the_message()
    {
        var client = new StsTokenClient();

        var error = await Assert.ThrowsAsync<StsRequestException>(
            () => client.RequestTokenAsync(new AccountKeyCredential(AccountId, "wrong-key-secret", _emulator.BaseAddress)));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.False(string.IsNullOrEmpty(error.WwwAuthenticate));
        Assert.False(string.IsNullOrEmpty(error.CorrelationVector));
        Assert.False(error.IsTransient);
        Assert.DoesNotContain("wrong-key-secret", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("401", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Account_id_is_escaped_so_it_cannot_change_the_path()
    {
        var recorder = new RecordingHandler();
        var client = new StsTokenClient(recorder);

        var error = await Assert.ThrowsAsync<StsRequestException>(
            () => client.RequestTokenAsync(new AccountKeyCredential("a/../b", AccountKey, _emulator.BaseAddress)));

        var sent = Assert.Single(recorder.RequestUris);
        Assert.Equal("/accounts/a%2F..%2Fb/token", sent.AbsolutePath);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
    }

    [Theory]
    [InlineData("/accounts/{0}/token")]
    [InlineData("/Accounts/{0}/token")]
    [InlineData("/ACCOUNTS/{0}/TOKEN")]
    public async Task Emulator_matches_the_path_case_insensitively(string pathFormat)
    {
        using var http = new HttpClient { BaseAddress = _emulator.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, string.Format(System.Globalization.CultureInfo.InvariantCulture, pathFormat, AccountId));
        request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {AccountId}:{AccountKey}");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Basic abc")]
    [InlineData("Bearer no-colon")]
    [InlineData("Bearer 6c1a5e3f-7b8d-4f2a-9e0c-1d2b3a4c5e6f:")]
    [InlineData("Bearer 00000000-0000-0000-0000-000000000000:canary-key-4a7b9c")]
    public async Task Emulator_answers_a_malformed_or_mismatched_Authorization_with_401_challenge_and_no_body(string? authorization)
    {
        using var http = new HttpClient { BaseAddress = _emulator.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/accounts/{AccountId}/token");
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.NotEmpty(response.Headers.WwwAuthenticate);
        Assert.True(response.Headers.Contains("MS-CV"));
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Emulator_answers_a_malformed_account_id_with_400()
    {
        using var http = new HttpClient { BaseAddress = _emulator.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/accounts/not-a-guid/token");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer not-a-guid:key");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty(response.Headers.WwwAuthenticate);
        Assert.True(response.Headers.Contains("MS-CV"));
    }

    [Fact]
    public async Task Unreachable_sts_gives_a_typed_error_without_status()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var client = new StsTokenClient();

        var error = await Assert.ThrowsAsync<StsRequestException>(
            () => client.RequestTokenAsync(new AccountKeyCredential(AccountId, AccountKey, new Uri($"http://127.0.0.1:{port}/"))));

        Assert.Null(error.StatusCode);
        Assert.True(error.IsTransient);
        Assert.Contains("could not be reached", error.Message, StringComparison.Ordinal);
    }
}
