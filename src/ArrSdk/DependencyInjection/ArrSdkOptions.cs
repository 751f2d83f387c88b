using ArrSdk.Authentication;

namespace ArrSdk.DependencyInjection;

/// <summary>
/// Settings of <c>services.AddArrSdk(...)</c>, bound from the <c>ArrSdk</c> configuration section. Give either <see cref="AccountId"/> and <see cref="AccountKey"/>
/// (tokens from the STS) or <see cref="AccessToken"/> (a fixed token).
/// </summary>
public sealed class ArrSdkOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "ArrSdk";

    /// <summary>The account id (a GUID).</summary>
    public string? AccountId { get; set; }

    /// <summary>The account key. Keep it in a secret store, not in appsettings.json.</summary>
    public string? AccountKey { get; set; }

    /// <summary>The account domain for the STS: a region (<c>eastus</c>), a domain or an https URL; the global STS when empty.</summary>
    public string? AccountDomain { get; set; }

    /// <summary>The ARR endpoint for sessions and conversions: a region (<c>eastus</c>) or an https URL.</summary>
    public string? RemoteRenderingDomain { get; set; }

    /// <summary>How <see cref="ArrSdk.RemoteRendering.RemoteRenderingClient"/> polls and times out.</summary>
    public ArrSdk.RemoteRendering.RemoteRenderingClientOptions RemoteRendering { get; set; } = new();

    /// <summary>A fixed ARR access token (a JWT), used instead of an account key; it is never refreshed.</summary>
    public string? AccessToken { get; set; }

    /// <summary>How token requests are retried.</summary>
    public StsRetryOptions Retry { get; set; } = new();

    /// <inheritdoc/>
    public override string ToString()
        => $"ArrSdkOptions {{ AccountId = {AccountId}, AccountDomain = {AccountDomain}, RemoteRenderingDomain = {RemoteRenderingDomain}, AccountKey = {(AccountKey is null ? "(none)" : "***")}, AccessToken = {(AccessToken is null ? "(none)" : "***")} }}";
}
