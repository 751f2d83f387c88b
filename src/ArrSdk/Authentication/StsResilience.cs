using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace ArrSdk.Authentication;

/// <summary>
/// Builds the Polly pipeline around one token request: an overall deadline, then exponential backoff with jitter that
/// honours <c>Retry-After</c>, then a per-attempt timeout. 400 and 401 are final and never retried.
/// </summary>
public static class StsResilience
{
    // Retry and timeout strategies keep no state between executions, so one pipeline can serve every cache. Building
    // one per account was the largest part of a cached account's memory (about 1.7 KB of 2.3 KB; see
    // benchmarks/ArrSdk.TokenMemory), so the caches that ask for the defaults share this one.
    private static readonly ResiliencePipeline<StsTokenResult> DefaultPipeline = CreatePipeline();

    /// <summary>Creates the pipeline.</summary>
    /// <param name="options">Retry and timeout settings; defaults when omitted.</param>
    /// <param name="timeProvider">The clock for delays and timeouts (a fake one in tests).</param>
    /// <returns>The pipeline.</returns>
    public static ResiliencePipeline<StsTokenResult> CreatePipeline(StsRetryOptions? options = null, TimeProvider? timeProvider = null)
    {
        options ??= new StsRetryOptions();
        return new ResiliencePipelineBuilder<StsTokenResult> { TimeProvider = timeProvider ?? TimeProvider.System }
            .AddTimeout(new TimeoutStrategyOptions { Timeout = options.TotalTimeout })
            .AddRetry(new RetryStrategyOptions<StsTokenResult>
            {
                ShouldHandle = new PredicateBuilder<StsTokenResult>()
                    .Handle<StsRequestException>(exception => exception.IsTransient)
                    .Handle<TimeoutRejectedException>(),
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                DelayGenerator = args => new ValueTask<TimeSpan?>(
                    args.Outcome.Exception is StsRequestException { RetryAfter: { } retryAfter } && retryAfter > TimeSpan.Zero
                        ? (retryAfter < options.MaxDelay ? retryAfter : options.MaxDelay)
                        : null),
            })
            .AddTimeout(new TimeoutStrategyOptions { Timeout = options.AttemptTimeout })
            .Build();
    }

    /// <summary>
    /// The pipeline for <paramref name="options"/> and <paramref name="timeProvider"/>: the shared default one when
    /// both are the defaults (no options, the system clock), otherwise a new one, since options are mutable and a
    /// caller's clock may be fake.
    /// </summary>
    internal static ResiliencePipeline<StsTokenResult> SharedOrCreate(StsRetryOptions? options, TimeProvider? timeProvider)
        => options is null && (timeProvider is null || ReferenceEquals(timeProvider, TimeProvider.System))
            ? DefaultPipeline
            : CreatePipeline(options, timeProvider);

    /// <summary>Runs one token request through <paramref name="pipeline"/>, turning an exhausted deadline into a typed error.</summary>
    /// <param name="pipeline">The pipeline from <see cref="CreatePipeline"/>.</param>
    /// <param name="client">The STS client.</param>
    /// <param name="credential">The account.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The token.</returns>
    public static async Task<StsTokenResult> RequestTokenAsync(
        this ResiliencePipeline<StsTokenResult> pipeline, StsTokenClient client, AccountKeyCredential credential, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(client);
        try
        {
            return await pipeline.ExecuteAsync(
                static (state, token) => new ValueTask<StsTokenResult>(state.client.RequestTokenAsync(state.credential, token)),
                (client, credential),
                cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException timeout)
        {
            throw new StsRequestException($"The STS at {credential.StsEndpoint} did not answer in time ({timeout.Timeout.TotalSeconds:0.#} s).", statusCode: null, innerException: timeout);
        }
    }
}
