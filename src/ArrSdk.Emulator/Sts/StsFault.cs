namespace ArrSdk.Emulator.Sts;

/// <summary>What kind of misbehaviour an injected STS fault is.</summary>
public enum StsFaultKind
{
    /// <summary>429 with a <c>Retry-After</c> header.</summary>
    TooManyRequests,

    /// <summary>A 5xx status with no body.</summary>
    ServerError,

    /// <summary>The answer comes only after a delay (measured on the emulator's clock), e.g. beyond the client's timeout.</summary>
    Delay,

    /// <summary>200 with a body that is not JSON.</summary>
    MalformedJson,

    /// <summary>200 with a JSON body that has no <c>AccessToken</c>.</summary>
    MissingAccessToken,

    /// <summary>200 with a token that has no <c>exp</c> claim.</summary>
    TokenWithoutExpiry,

    /// <summary>200 with a token that expired before it was issued.</summary>
    ExpiredToken,

    /// <summary>200 with a token whose <c>iat</c> and <c>exp</c> are shifted, as from a server whose clock differs from the caller's.</summary>
    ClockSkew,
}

/// <summary>One scripted misbehaviour of the emulated STS; queue it with <see cref="ArrEmulator.InjectStsFaults"/>.</summary>
/// <param name="Kind">What happens.</param>
/// <param name="Status">The status for <see cref="StsFaultKind.ServerError"/>.</param>
/// <param name="Duration">The <c>Retry-After</c>, the delay, or the clock skew (negative: the server's clock is behind).</param>
public sealed record StsFault(StsFaultKind Kind, int Status = 0, TimeSpan Duration = default)
{
    /// <summary>429 with <c>Retry-After</c>.</summary>
    /// <param name="retryAfter">The delay to announce.</param>
    /// <returns>The fault.</returns>
    public static StsFault TooManyRequests(TimeSpan retryAfter) => new(StsFaultKind.TooManyRequests, 429, retryAfter);

    /// <summary>A 5xx with no body.</summary>
    /// <param name="status">500, 502, 503 …</param>
    /// <returns>The fault.</returns>
    public static StsFault ServerError(int status = 500) => new(StsFaultKind.ServerError, status);

    /// <summary>Answer normally, but only after <paramref name="delay"/> on the emulator's clock.</summary>
    /// <param name="delay">How long to stall.</param>
    /// <returns>The fault.</returns>
    public static StsFault Delay(TimeSpan delay) => new(StsFaultKind.Delay, 0, delay);

    /// <summary>200 with a body that is not JSON.</summary>
    public static StsFault MalformedJson { get; } = new(StsFaultKind.MalformedJson);

    /// <summary>200 with a body without <c>AccessToken</c>.</summary>
    public static StsFault MissingAccessToken { get; } = new(StsFaultKind.MissingAccessToken);

    /// <summary>200 with a token that has no <c>exp</c>.</summary>
    public static StsFault TokenWithoutExpiry { get; } = new(StsFaultKind.TokenWithoutExpiry);

    /// <summary>200 with a token that is already expired.</summary>
    public static StsFault ExpiredToken { get; } = new(StsFaultKind.ExpiredToken);

    /// <summary>200 with a token stamped by a clock that is off by <paramref name="skew"/>.</summary>
    /// <param name="skew">How far the server's clock is ahead (negative: behind).</param>
    /// <returns>The fault.</returns>
    public static StsFault ClockSkew(TimeSpan skew) => new(StsFaultKind.ClockSkew, 0, skew);
}
