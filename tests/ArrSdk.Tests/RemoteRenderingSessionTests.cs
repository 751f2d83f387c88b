using System.Net;
using ArrSdk.RemoteRendering;
using ArrSdk.Tests.Infrastructure;

namespace ArrSdk.Tests;

/// <summary>Rendering sessions end to end: the generated client, the token layer and the emulator over loopback.</summary>
public sealed class RemoteRenderingSessionTests
{
    [Fact]
    public async Task A_started_session_goes_Starting_then_Ready_and_reports_progress()
    {
        await using var arr = await ArrFixture.StartAsync();
        var seen = new List<SessionStatus>();
        var progress = new SynchronousProgress<SessionProperties>(s => seen.Add(s.Status));

        var session = await arr.Drive(arr.Client.StartSessionAsync("s-1", SessionSize.Standard, TimeSpan.FromMinutes(60), progress));

        Assert.Equal(SessionStatus.Ready, session.Status);
        Assert.Equal(SessionStatus.Starting, seen[0]);
        Assert.Equal(SessionStatus.Ready, seen[^1]);
        Assert.False(string.IsNullOrEmpty(session.Hostname));
        Assert.Equal(50051, session.HandshakePort);
        Assert.Equal(60, session.MaxLeaseTimeMinutes);
    }

    [Fact]
    public async Task While_Starting_the_session_has_no_host_ports_or_teraflops_yet()
    {
        await using var arr = await ArrFixture.StartAsync();

        var created = await arr.Client.CreateSessionAsync("s-2", SessionSize.Premium, TimeSpan.FromMinutes(30));

        Assert.Equal(SessionStatus.Starting, created.Status);
        Assert.Null(created.Hostname);
        Assert.Null(created.HandshakePort);
        Assert.Null(created.Teraflops);
        Assert.Null(created.Error);
    }

    [Fact]
    public async Task Extending_the_lease_adds_to_the_current_one()
    {
        await using var arr = await ArrFixture.StartAsync();
        await arr.Drive(arr.Client.StartSessionAsync("s-3", SessionSize.Standard, TimeSpan.FromMinutes(60)));

        var extended = await arr.Client.ExtendSessionAsync("s-3", TimeSpan.FromMinutes(30));

        Assert.Equal(90, extended.MaxLeaseTimeMinutes);
    }

    [Fact]
    public async Task An_extension_past_24_hours_is_refused_before_the_round_trip()
    {
        await using var arr = await ArrFixture.StartAsync();
        await arr.Client.CreateSessionAsync("s-4", SessionSize.Standard, TimeSpan.FromHours(23));

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => arr.Client.ExtendSessionAsync("s-4", TimeSpan.FromHours(2)));

        Assert.Contains("1440", error.Message, StringComparison.Ordinal);
        Assert.Equal(23 * 60, (await arr.Client.GetSessionAsync("s-4")).MaxLeaseTimeMinutes);
    }

    [Fact]
    public async Task A_session_expires_when_its_lease_ends_and_then_cannot_be_extended()
    {
        await using var arr = await ArrFixture.StartAsync();
        await arr.Client.CreateSessionAsync("s-5", SessionSize.Standard, TimeSpan.FromMinutes(1));
        arr.Time.Advance(TimeSpan.FromMinutes(2));

        var expired = await arr.Client.GetSessionAsync("s-5");
        var error = await Assert.ThrowsAsync<RemoteRenderingException>(() => arr.Client.ExtendSessionAsync("s-5", TimeSpan.FromMinutes(10)));

        Assert.Equal(SessionStatus.Expired, expired.Status);
        Assert.Contains("is Expired; only a Starting or Ready session can be extended", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(30, "must be longer than the current one")]
    [InlineData(1441, "at most 1440 minutes")]
    public async Task The_emulator_answers_lease_rule_violations_with_422_and_an_error_body(int lease, string expected)
    {
        await using var arr = await ArrFixture.StartAsync();
        await arr.Client.CreateSessionAsync("lease-rules", SessionSize.Standard, TimeSpan.FromMinutes(60));
        var token = await arr.Tokens.GetTokenAsync();
        using var http = new HttpClient { BaseAddress = arr.Emulator.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"accounts/{ArrFixture.AccountId}/sessions/lease-rules?api-version=2021-01-01")
        {
            Content = new StringContent($$"""{"maxLeaseTimeMinutes": {{lease}}}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", token.Token);

        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        Assert.Contains("\"code\":\"UnprocessableEntity\"", body, StringComparison.Ordinal);
        Assert.Contains(expected, body, StringComparison.Ordinal);
        Assert.True(response.Headers.Contains("MS-CV"));
    }

    [Theory]
    [InlineData("\"60\"")]
    [InlineData("true")]
    [InlineData("null")]
    public async Task A_lease_of_the_wrong_JSON_type_is_a_400_not_a_crash(string lease)
    {
        await using var arr = await ArrFixture.StartAsync();
        var token = await arr.Tokens.GetTokenAsync();
        using var http = new HttpClient { BaseAddress = arr.Emulator.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Put, $"accounts/{ArrFixture.AccountId}/sessions/typed?api-version=2021-01-01")
        {
            Content = new StringContent($$"""{"maxLeaseTimeMinutes": {{lease}}, "size": "Standard"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", token.Token);

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Elapsed_time_stops_counting_when_the_session_stops()
    {
        await using var arr = await ArrFixture.StartAsync();
        await arr.Drive(arr.Client.StartSessionAsync("elapsed", SessionSize.Standard, TimeSpan.FromMinutes(60)));
        arr.Time.Advance(TimeSpan.FromMinutes(10));
        await arr.Client.StopSessionAsync("elapsed");
        arr.Time.Advance(TimeSpan.FromMinutes(30));

        var stopped = await arr.Client.GetSessionAsync("elapsed");

        Assert.Equal(SessionStatus.Stopped, stopped.Status);
        Assert.Equal(10, stopped.ElapsedTimeMinutes);
    }

    [Fact]
    public async Task Cancelling_while_the_create_request_is_in_flight_still_stops_the_session()
    {
        await using var arr = await ArrFixture.StartAsync();
        for (var round = 0; round < 20; round++)
        {
            using var cancel = new CancellationTokenSource();
            var start = arr.Client.StartSessionAsync($"early-{round}", SessionSize.Standard, TimeSpan.FromMinutes(10), cancellationToken: cancel.Token);
            await cancel.CancelAsync();
            var outcome = await Record.ExceptionAsync(() => arr.Drive(start));

            Assert.True(outcome is OperationCanceledException, $"round {round}: {outcome}");
            var status = await Record.ExceptionAsync(() => arr.Client.GetSessionAsync($"early-{round}")) is RemoteRenderingException { StatusCode: HttpStatusCode.NotFound }
                ? "never created"
                : (await arr.Client.GetSessionAsync($"early-{round}")).Status.Value;
            Assert.True(status is "never created" or "Stopped", $"round {round}: the session was left {status}");
        }
    }

    [Fact]
    public async Task Stopping_is_idempotent_and_a_stopped_session_is_not_listed()
    {
        await using var arr = await ArrFixture.StartAsync();
        await arr.Client.CreateSessionAsync("s-6", SessionSize.Standard, TimeSpan.FromMinutes(10));
        await arr.Client.CreateSessionAsync("s-7", SessionSize.Standard, TimeSpan.FromMinutes(10));

        await arr.Client.StopSessionAsync("s-6");
        await arr.Client.StopSessionAsync("s-6");
        var listed = await arr.Client.ListSessionsAsync().ToListAsync();

        Assert.Equal(SessionStatus.Stopped, (await arr.Client.GetSessionAsync("s-6")).Status);
        Assert.Equal(["s-7"], listed.Select(s => s.Id));
    }

    [Fact]
    public async Task A_session_that_fails_to_start_surfaces_the_service_error()
    {
        await using var arr = await ArrFixture.StartAsync();
        arr.Emulator.FailSessionOnStart("s-8", "NoCapacity", "No rendering capacity is available in this region.");

        var error = await Assert.ThrowsAsync<RemoteRenderingException>(() => arr.Drive(arr.Client.StartSessionAsync("s-8", SessionSize.Premium, TimeSpan.FromMinutes(10))));

        Assert.Equal("NoCapacity", error.ErrorCode);
        Assert.Contains("ended Error", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_a_start_stops_the_session()
    {
        await using var arr = await ArrFixture.StartAsync();
        using var cancel = new CancellationTokenSource();
        var progress = new SynchronousProgress<SessionProperties>(_ => cancel.Cancel());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => arr.Drive(arr.Client.StartSessionAsync("s-9", SessionSize.Standard, TimeSpan.FromMinutes(10), progress, cancel.Token)));

        Assert.Equal(SessionStatus.Stopped, (await arr.Client.GetSessionAsync("s-9")).Status);
    }

    [Fact]
    public async Task A_start_that_outlasts_the_timeout_stops_the_session()
    {
        await using var arr = await ArrFixture.StartAsync(o => o.SessionStartupTime = TimeSpan.FromHours(1), new RemoteRenderingClientOptions { PollInterval = TimeSpan.FromSeconds(10), SessionStartTimeout = TimeSpan.FromMinutes(2) });

        await Assert.ThrowsAsync<TimeoutException>(() => arr.Drive(arr.Client.StartSessionAsync("s-10", SessionSize.Standard, TimeSpan.FromMinutes(90))));

        Assert.Equal(SessionStatus.Stopped, (await arr.Client.GetSessionAsync("s-10")).Status);
    }

    [Fact]
    public async Task Polling_honours_Retry_After()
    {
        // The emulator sends Retry-After: 2 while Starting; the client's own interval is a minute.
        await using var arr = await ArrFixture.StartAsync(clientOptions: new RemoteRenderingClientOptions { PollInterval = TimeSpan.FromMinutes(1) });
        var start = arr.Time.GetUtcNow();

        await arr.Drive(arr.Client.StartSessionAsync("s-11", SessionSize.Standard, TimeSpan.FromMinutes(10)));

        // Startup takes 30 s. A client that ignored Retry-After would wait its 1-minute interval after the first poll and
        // could not finish before 60 s. The upper bound is the interval, not 32 s, because the time driver may move the
        // fake clock while a poll is in flight on a loaded machine, which makes the run finish later but never sooner.
        Assert.InRange(arr.Time.GetUtcNow() - start, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(59));
    }

    [Fact]
    public async Task A_repeated_identical_create_returns_the_session_and_a_conflicting_one_is_409()
    {
        await using var arr = await ArrFixture.StartAsync();
        var first = await arr.Client.CreateSessionAsync("s-12", SessionSize.Standard, TimeSpan.FromMinutes(10));

        var again = await arr.Client.CreateSessionAsync("s-12", SessionSize.Standard, TimeSpan.FromMinutes(10));
        var conflict = await Assert.ThrowsAsync<RemoteRenderingException>(() => arr.Client.CreateSessionAsync("s-12", SessionSize.Premium, TimeSpan.FromMinutes(10)));

        Assert.Equal(first.CreationTime, again.CreationTime);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal("Conflict", conflict.ErrorCode);
    }

    [Fact]
    public async Task An_unknown_session_is_a_404()
    {
        await using var arr = await ArrFixture.StartAsync();

        var error = await Assert.ThrowsAsync<RemoteRenderingException>(() => arr.Client.GetSessionAsync("nobody"));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("slash/../x")]
    [InlineData("")]
    public async Task Invalid_ids_are_refused_before_the_round_trip(string id)
    {
        await using var arr = await ArrFixture.StartAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => arr.Client.CreateSessionAsync(id, SessionSize.Standard, TimeSpan.FromMinutes(5)));
        await Assert.ThrowsAsync<ArgumentException>(() => arr.Client.CreateSessionAsync(new string('a', 257), SessionSize.Standard, TimeSpan.FromMinutes(5)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => arr.Client.CreateSessionAsync("ok", SessionSize.Standard, TimeSpan.FromHours(25)));
    }

    [Fact]
    public async Task The_emulator_rejects_invalid_ids_and_sizes_with_400_and_an_error_body()
    {
        await using var arr = await ArrFixture.StartAsync();
        var token = await arr.Tokens.GetTokenAsync();
        using var http = new HttpClient { BaseAddress = arr.Emulator.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Put, $"accounts/{ArrFixture.AccountId}/sessions/bad%20id?api-version=2021-01-01")
        {
            Content = new StringContent("""{"maxLeaseTimeMinutes": 10, "size": "Huge"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", token.Token);

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"code\":\"BadRequest\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_from_elsewhere_is_a_401_even_after_one_retry()
    {
        await using var arr = await ArrFixture.StartAsync();
        var forged = new ArrSdk.Authentication.FixedAccessTokenProvider(JwtFactory.Expiring(DateTimeOffset.UtcNow.AddHours(1)));
        var client = RemoteRenderingClient.Create(arr.Emulator.BaseAddress, ArrFixture.AccountId, forged, timeProvider: arr.Time);

        var error = await Assert.ThrowsAsync<RemoteRenderingException>(() => client.GetSessionAsync("any"));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }

    [Fact]
    public async Task Listing_follows_nextLink_across_pages()
    {
        await using var arr = await ArrFixture.StartAsync(o => o.PageSize = 2);
        for (var i = 0; i < 7; i++)
        {
            await arr.Client.CreateSessionAsync($"page-{i}", SessionSize.Standard, TimeSpan.FromMinutes(30));
            arr.Time.Advance(TimeSpan.FromSeconds(1));
        }

        var all = await arr.Client.ListSessionsAsync().ToListAsync();

        Assert.Equal(Enumerable.Range(0, 7).Select(i => $"page-{i}"), all.Select(s => s.Id));
    }
}
