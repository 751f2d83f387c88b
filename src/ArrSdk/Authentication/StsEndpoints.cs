namespace ArrSdk.Authentication;

/// <summary>Where the Secure Token Service lives, from an account domain as the official scripts accept it.</summary>
public static class StsEndpoints
{
    /// <summary>The global STS endpoint.</summary>
    public static Uri Global { get; } = new(Sts.SecureTokenService.DefaultBaseUrl);

    /// <summary>
    /// Resolves a region name (<c>eastus</c>), an account domain (<c>eastus.mixedreality.azure.com</c>) or a full URL to
    /// the STS endpoint. Plain http is accepted only for loopback (the emulator).
    /// </summary>
    /// <param name="domainOrUrl">The region, domain or URL.</param>
    /// <param name="settingName">The setting the value came from, named in the error message.</param>
    /// <returns>The endpoint.</returns>
    /// <exception cref="ArgumentException">The value cannot be an STS endpoint.</exception>
    public static Uri Resolve(string? domainOrUrl, string settingName = "StsEndpoint")
    {
        if (domainOrUrl is null)
        {
            return Global;
        }

        var value = domainOrUrl.Trim();
        if (value.Length == 0)
        {
            throw new ArgumentException($"{settingName} is empty; give a region such as 'eastus', an account domain or an https URL, or leave it out for the global STS.", settingName);
        }

        if (value.Contains("://", StringComparison.Ordinal))
        {
            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                throw new ArgumentException($"{settingName} '{value}' is not an http(s) URL.", settingName);
            }

            if (uri.UserInfo.Length > 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0)
            {
                throw new ArgumentException($"{settingName} must be a plain endpoint URL without credentials, query or fragment, such as https://sts.eastus.mixedreality.azure.com.", settingName);
            }

            if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback)
            {
                throw new ArgumentException($"{settingName} '{value}' uses plain http; only https is allowed except for loopback addresses.", settingName);
            }

            return uri;
        }

        var host = value.Contains('.', StringComparison.Ordinal) ? "sts." + value : $"sts.{value}.mixedreality.azure.com";
        if (Uri.CheckHostName(value) is UriHostNameType.IPv4 or UriHostNameType.IPv6 || value.EndsWith('.') || Uri.CheckHostName(host) != UriHostNameType.Dns)
        {
            throw new ArgumentException($"{settingName} '{value}' is neither a region name such as 'eastus', an account domain such as 'eastus.mixedreality.azure.com', nor an https URL.", settingName);
        }

        return new Uri("https://" + host);
    }
}
