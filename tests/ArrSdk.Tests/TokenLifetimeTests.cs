using System.Net;
using ArrSdk.Authentication;
using ArrSdk.Emulator.Sts;
using ArrSdk.Tests.Infrastructure;

namespace ArrSdk.Tests;

/// <summary>Every rule of the token layer against the emulator on loopback, on a fake clock shared by both.</summary>
public sealed class TokenLifetimeTests
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(1);

    [Theory]
    [InlineData(StsFaultKind.ServerError, 500)]
    [InlineData(StsFaultKind.ServerError, 503)]
    [InlineData(StsFaultKind.MalformedJson, 0)]
    [InlineData(StsFaultKind.MissingAccessToken, 0)]
    [InlineData(StsFaultKind.ExpiredToken, 0)]
    public async Task Transient_faults_are_retried_until_a_token_arrives(StsFaultKind kind, int status)
    {
        await using var sts = await StsFixture.StartAsync();
        sts.Emulator.InjectStsFaults(StsFixture.AccountId, new StsFault(kind, status), count: 3);
        var cache = sts.CreateCache();

        var token = await TimeDriver.DriveAsync(cache.GetTokenAsync().AsTask(), sts.Time, Step);

        Assert.True(token.ExpiresOn > sts.Time.GetUtcNow().AddHours(23));
        Assert.Equal(4, sts.StsRequests);
    }

    [Fact]
    public async Task Retry_After_of_a_429_is_honoured()
    {
        await using var sts = await StsFixture.StartAsync();
        sts.Emulator.InjectStsFaults(StsFixture.AccountId, StsFault.TooManyRequests(TimeSpan.FromSeconds(20)));
        var cache = sts.CreateCache();
        var start = sts.Time.GetUtcNow();

        await TimeDriver.DriveAsync(cache.GetTokenAsync().AsTask(), sts.Time, Step);

        Assert.Equal(2, sts.StsRequests);
        // At least the 20 s asked for (the policy's own backoff is shorter), and not a second wait. The time driver may move
        // the fake clock while the retry is in flight on a loaded machine, so the upper bound leaves room for that.
        Assert.InRange(sts.Time.GetUtcNow() - start, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(39));
    }

    [Fact]
    public async Task An_answer_slower_than_the_attempt_timeout_is_abandoned_and_retried()
    {
        await using var sts = await StsFixture.StartAsync();
        sts.Emulator.InjectStsFaults(StsFixture.AccountId, StsFault.Delay(TimeSpan.FromMinutes(5)));
        var cache = sts.CreateCache();
        var start = sts.Time.GetUtcNow();

        var token = await TimeDriver.DriveAsync(cache.GetTokenAsync().AsTask(), sts.Time, Step);

        Assert.NotNull(token);
        Assert.Equal(2, sts.StsRequests);
        Assert.True(sts.Time.GetUtcNow() - start < TimeSpan.FromMinutes(1), "the slow attempt should have been cut at the 10 s attempt timeout");
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, "not-a-guid")]
    [InlineData(HttpStatusCode.Unauthorized, StsFixture.AccountId)]
    public async Task Bad_request_and_unauthorized_are_not_retried(HttpStatusCode expected, string accountId)
    {
        await using var sts = await StsFixture.StartAsync();
        var credential = new AccountKeyCredential(accountId, "wrong-" + Secrets.CanaryKey, sts.Emulator.BaseAddress);
        var cache = AccessTokenCache.ForAccountKey(credential, sts.Client, retry: StsFixture.FastRetry(), timeProvider: sts.Time, logger: sts.Logs.CreateLogger("cache"));

        var error = await Assert.ThrowsAsync<StsRequestException>(() => TimeDriver.DriveAsync(cache.GetTokenAsync().AsTask(), sts.Time, Step));

        Assert.Equal(expected, error.StatusCode);
        Assert.Equal(1, sts.Emulator.StsRequestCount(accountId));
        Assert.False(string.IsNullOrEmpty(error.CorrelationVector));
        Assert.False(string.IsNullOrEmpty(error.WwwAuthenticate));
        Secrets.AssertNoSecretIn(error);
    }

    [Fact]
    public async Task When_retries_run_out_the_typed_error_carries_status_MS_CV_and_Retry_After()
    {
        await using var sts = await StsFixture.StartAsync();
        sts.Emulator.InjectStsFaults(StsFixture.AccountId, StsFault.TooManyRequests(TimeSpan.FromSeconds(3)), count: 100);
        var cache = sts.CreateCache(new StsRetryOptions { MaxRetryAttempts = 2, BaseDelay = TimeSpan.FromSeconds(1) });

        var error = await Assert.ThrowsAsync<StsRequestException>(() => TimeDriver.DriveAsync(cache.GetTokenAsync().AsTask(), sts.Time, Step));

        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(3), error.RetryAfter);
        Assert.False(string.IsNullOrEmpty(error.CorrelationVector));
        Assert.Equal(3, sts.StsRequests);
        Secrets.AssertNoSecretIn(error);
    }

    [Fact]
    public async Task The_overall_deadline_ends_a_request_with_a_timeout_error()
    {
        await using var sts = await StsFixture.StartAsync();
        sts.Emulator.InjectStsFaults(StsFixture.AccountId, StsFault.Delay(TimeSpan.FromHours(1)), count: 100);
        var cache = sts.CreateCache(new StsRetryOptions { MaxRetryAttempts = 100, AttemptTimeout = TimeSpan.FromSeconds(10), TotalTimeout = TimeSpan.FromSeconds(45) });

        var error = await Assert.ThrowsAsync<StsRequestException>(() => TimeDriver.DriveAsync(cache.GetTokenAsync().AsTask(), sts.Time, Step));

        Assert.Null(error.StatusCode);
        Assert.Contains("did not answer in time", error.Message, StringComparison.Ordinal);
        Assert.InRange(sts.StsRequests, 2, 5);
    }

    [Fact]
    public async Task A_token_without_exp_lives_24_hours_from_issue_and_a_log_line_says_so()
    {
        await using var sts = await StsFixture.StartAsync();
        sts.Emulator.InjectStsFaults(StsFixture.AccountId, StsFault.TokenWithoutExpiry);
        var cache = sts.CreateCache();
        var start = sts.Time.GetUtcNow();

        var token = await TimeDriver.DriveAsync(cache.GetTokenAsync().AsTask(), sts.Time, Step);
        var again = await cache.GetTokenAsync();

        Assert.InRange(token.ExpiresOn, start.AddHours(24), sts.Time.GetUtcNow().AddHours(24));
        Assert.Same(token, again);
        Assert.Equal(1, sts.StsRequests);
        Assert.Contains(sts.Logs.Lines, line => line.Contains("no readable 'exp' claim", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(-30)]
    [InlineData(+30)]
    [InlineData(-24 * 60 * 3)]
    public async Task A_skewed_STS_clock_does_not_shorten_or_lengthen_the_token_on_our_clock(int skewMinutes)
    {
        await using var sts = await StsFixture.StartAsync();
        sts.Emulator.InjectStsFaults(StsFixture.AccountId, StsFault.ClockSkew(TimeSpan.FromMinutes(skewMinutes)));
        var cache = sts.CreateCache();
        var start = sts.Time.GetUtcNow();

        var token = await TimeDriver.DriveAsync(cache.GetTokenAsync().AsTask(), sts.Time, Step);

        // 24 hours from when the request was sent, on our clock (2 s for whole-second Date and exp). The request went
        // out between start and now: the time driver may move the fake clock while it is in flight on a loaded machine.
        Assert.InRange(token.ExpiresOn, start.AddHours(24) - TimeSpan.FromSeconds(2), sts.Time.GetUtcNow().AddHours(24) + TimeSpan.FromSeconds(2));
        Assert.Equal(1, sts.StsRequests);
        Assert.Contains(sts.Logs.Lines, line => line.Contains("clock differs", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_thousand_concurrent_first_callers_cause_exactly_one_STS_request()
    {
        await using var sts = await StsFixture.StartAsync();
        var cache = sts.CreateCache();
        var api = new FakeArrApi(sts.Time);
        using var http = new HttpClient(new ArrAuthenticationHandler(cache, api)) { BaseAddress = new Uri("https://remoterendering.eastus.mixedreality.azure.com/") };

        var callers = Enumerable.Range(0, 1000).Select(_ => Task.Run(() => http.GetAsync(new Uri("accounts/x/sessions", UriKind.Relative)))).ToArray();
        var responses = await Task.WhenAll(callers);

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        Assert.Equal(1, sts.StsRequests);
        Assert.Equal(1000, api.Requests);
        Assert.Equal(0, api.WithoutToken + api.WithExpiredToken);
    }

    [Fact]
    public async Task A_six_hour_STS_outage_while_the_token_is_valid_is_invisible_to_callers()
    {
        await using var sts = await StsFixture.StartAsync();
        var cache = sts.CreateCache();
        var first = await TimeDriver.DriveAsync(cache.GetTokenAsync().AsTask(), sts.Time, Step);
        sts.Time.Advance(TimeSpan.FromHours(13.5)); // inside the refresh window
        var outageEnds = sts.Time.GetUtcNow().AddHours(6);
        var refusedDuringOutage = 0;
        sts.Emulator.SetStsFaultSelector(StsFixture.AccountId, () =>
        {
            if (sts.Time.GetUtcNow() >= outageEnds)
            {
                return null;
            }

            Interlocked.Increment(ref refusedDuringOutage);
            return StsFault.ServerError(503);
        });

        var served = new List<ArrAccessToken>();
        while (sts.Time.GetUtcNow() < outageEnds)
        {
            served.Add(await cache.GetTokenAsync()); // must never throw

            // A moment of real time lets the background refresh's loopback I/O progress before the clock moves on.
            await Task.Delay(TimeSpan.FromMilliseconds(1), TimeProvider.System);
            sts.Time.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.All(served, token => Assert.Same(first, token));
        var fresh = await TimeDriver.DriveAsync(WaitForNewTokenAsync(cache, first), sts.Time, TimeSpan.FromSeconds(5));
        Assert.NotSame(first, fresh);
        Assert.True(Volatile.Read(ref refusedDuringOutage) >= 2, "the refresh kept being retried during the outage");
    }

    [Fact]
    public async Task With_no_valid_token_a_failed_fetch_is_the_callers_error()
    {
        await using var sts = await StsFixture.StartAsync();
        sts.Emulator.SetStsFaultSelector(StsFixture.AccountId, () => StsFault.ServerError(503));
        var cache = sts.CreateCache(new StsRetryOptions { MaxRetryAttempts = 1, BaseDelay = TimeSpan.FromSeconds(1) });

        var error = await Assert.ThrowsAsync<StsRequestException>(() => TimeDriver.DriveAsync(cache.GetTokenAsync().AsTask(), sts.Time, Step));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.True(error.IsTransient);
    }

    private static async Task<ArrAccessToken> WaitForNewTokenAsync(AccessTokenCache cache, ArrAccessToken old)
    {
        while (true)
        {
            var token = await cache.GetTokenAsync();
            if (!ReferenceEquals(token, old))
            {
                return token;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(1), TimeProvider.System);
        }
    }
}
