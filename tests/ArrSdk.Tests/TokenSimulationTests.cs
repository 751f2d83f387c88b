using System.Net;
using ArrSdk.Authentication;
using ArrSdk.Emulator.Sts;
using ArrSdk.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ArrSdk.Tests;

/// <summary>
/// 72 simulated hours of an ARR client: 100,000 API requests from 50 concurrent callers through the authentication
/// handler, tokens from the emulated STS over loopback, an exact share of STS answers replaced by faults, all on one
/// fake clock.
/// </summary>
public sealed class TokenSimulationTests(ITestOutputHelper output)
{
    private const int TotalRequests = 100_000;
    private const int Concurrency = 50;
    private static readonly TimeSpan Duration = TimeSpan.FromHours(72);
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(6);

    [Theory]
    [InlineData(0.01, 24)]
    [InlineData(0.25, 24)]
    [InlineData(0.01, 1)] // 1-hour tokens: over a hundred STS requests, so 1% of them do fail
    [InlineData(0.25, 1)]
    public async Task Seventy_two_hours_with_STS_faults_fail_no_request_and_send_no_expired_token(double faultRate, int tokenHours)
    {
        var lifetime = TimeSpan.FromHours(tokenHours);
        await using var sts = await StsFixture.StartAsync(lifetime);
        var gate = new Lock();
        var stsRequests = 0;
        StsFault[] kinds =
        [
            StsFault.TooManyRequests(TimeSpan.FromSeconds(5)), StsFault.ServerError(500), StsFault.ServerError(503),
            StsFault.MalformedJson, StsFault.MissingAccessToken, StsFault.ExpiredToken,
        ];
        var faults = 0;
        sts.Emulator.SetStsFaultSelector(StsFixture.AccountId, () =>
        {
            // Exactly faultRate of the STS answers are faults (the 100th, 200th … at 1%), cycling through the kinds.
            lock (gate)
            {
                stsRequests++;
                if ((int)(stsRequests * faultRate) == (int)((stsRequests - 1) * faultRate))
                {
                    return null;
                }

                return kinds[faults++ % kinds.Length];
            }
        });

        // Attempt timeouts long enough that the simulated clock never outruns a loopback round trip.
        var cache = sts.CreateCache(new StsRetryOptions { MaxRetryAttempts = 20, BaseDelay = TimeSpan.FromSeconds(1), AttemptTimeout = TimeSpan.FromHours(1), TotalTimeout = TimeSpan.FromHours(2) });
        var api = new FakeArrApi(sts.Time);
        using var http = new HttpClient(new ArrAuthenticationHandler(cache, api)) { BaseAddress = new Uri("https://remoterendering.eastus.mixedreality.azure.com/") };
        var steps = (int)(Duration / Step);
        var perStep = (TotalRequests + steps - 1) / steps;
        var failed = 0;

        for (var step = 0; step < steps; step++)
        {
            var batch = Parallel.ForEachAsync(Enumerable.Range(0, perStep), new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (_, cancellationToken) =>
            {
                try
                {
                    using var response = await http.GetAsync(new Uri("accounts/a/sessions", UriKind.Relative), cancellationToken);
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        Interlocked.Increment(ref failed);
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref failed);
                }
                catch (StsRequestException)
                {
                    Interlocked.Increment(ref failed);
                }
            });

            // Time does not stop while callers wait: if they are held up (for example by a token fetch that is backing
            // off on the fake clock), let the clock run in small ticks, as it would in production.
            while (!batch.IsCompleted)
            {
                await Task.WhenAny(batch, Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System));
                if (!batch.IsCompleted)
                {
                    sts.Time.Advance(TimeSpan.FromSeconds(1));
                }
            }

            await batch;

            // A moment of real time lets a background refresh's loopback I/O progress before the clock moves on.
            await Task.Delay(TimeSpan.FromMilliseconds(1), TimeProvider.System);
            sts.Time.Advance(Step);
        }

        // The default policy refreshes between 45% and 55% of the lifetime, noticed at the next step of the simulation:
        // for 24-hour tokens that is 1 + floor(72 / 13.3) = 6 to 1 + floor(72 / 10.8) = 7 issued tokens; for 1-hour
        // tokens 111 to 161. Every fault costs exactly one more STS request, never a failed API request.
        var fewest = 1 + (int)(Duration / ((lifetime * 0.55) + Step));
        var most = 1 + (int)(Duration / (lifetime * 0.45));
        var issued = sts.StsRequests - faults;
        output.WriteLine($"fault rate {faultRate}, {tokenHours} h tokens: {api.Requests} API requests, {sts.StsRequests} STS requests, {faults} faults, {issued} tokens issued, {failed} failed");
        Assert.Equal(0, failed);
        Assert.Equal(0, api.WithExpiredToken);
        Assert.Equal(0, api.WithoutToken);
        Assert.True(api.Requests >= TotalRequests, $"{api.Requests} API requests");
        Assert.InRange(issued, fewest, most);
    }
}
