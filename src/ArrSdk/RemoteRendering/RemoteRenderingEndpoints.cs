namespace ArrSdk.RemoteRendering;

/// <summary>Where the ARR REST API lives, from a region name or a URL, as the official scripts accept it.</summary>
public static class RemoteRenderingEndpoints
{
    /// <summary>Resolves <c>eastus</c> to <c>https://remoterendering.eastus.mixedreality.azure.com</c>; a URL is taken as it is
    /// (plain http only for loopback).</summary>
    /// <param name="regionOrUrl">The region or URL.</param>
    /// <param name="settingName">The setting it came from, named in errors.</param>
    /// <returns>The endpoint.</returns>
    /// <exception cref="ArgumentException">The value cannot be an ARR endpoint.</exception>
    public static Uri Resolve(string? regionOrUrl, string settingName = "RemoteRenderingDomain")
    {
        var value = regionOrUrl?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            throw new ArgumentException($"{settingName} is missing: give a region such as 'eastus' or the ARR endpoint URL.", settingName);
        }

        if (value.Contains("://", StringComparison.Ordinal))
        {
            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)))
            {
                throw new ArgumentException($"{settingName} '{value}' must be an https URL (plain http only for loopback).", settingName);
            }

            if (uri.UserInfo.Length > 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0)
            {
                throw new ArgumentException($"{settingName} must be a plain endpoint URL without credentials, query or fragment.", settingName);
            }

            return uri;
        }

        var host = value.Contains('.', StringComparison.Ordinal) ? "remoterendering." + value : $"remoterendering.{value}.mixedreality.azure.com";
        if (Uri.CheckHostName(value) is UriHostNameType.IPv4 or UriHostNameType.IPv6 || value.EndsWith('.') || Uri.CheckHostName(host) != UriHostNameType.Dns)
        {
            throw new ArgumentException($"{settingName} '{value}' is neither a region name such as 'eastus' nor an https URL.", settingName);
        }

        return new Uri("https://" + host);
    }
}
