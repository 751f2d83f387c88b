namespace ArrSdk.Authentication;

/// <summary>A token fresh from the STS, with what the refresh policy needs to know about it.</summary>
/// <param name="Token">The token.</param>
/// <param name="IssuedAt">When it was received, by the client's clock.</param>
/// <param name="HasExpiryClaim">False when the JWT had no readable <c>exp</c> and the default lifetime was assumed.</param>
public sealed record StsTokenResult(ArrAccessToken Token, DateTimeOffset IssuedAt, bool HasExpiryClaim);
