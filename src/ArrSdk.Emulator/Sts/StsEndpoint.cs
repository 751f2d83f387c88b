using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ArrSdk.Emulator.Sts;

/// <summary>
/// <c>GET /accounts/{accountId}/token</c> as the real STS answers it (mr-sts.json 2019-02-28-preview):
/// 200 with <c>{"AccessToken"}</c>; 400 for a malformed account id; 401 for a missing or malformed
/// <c>Authorization</c>, an unknown account or a wrong key. Errors carry no body, only <c>WWW-Authenticate</c>.
/// </summary>
internal static class StsEndpoint
{
    public static void Map(IEndpointRouteBuilder routes, StsState state)
        => routes.MapGet("/accounts/{accountId}/token", context => Handle((string)context.Request.RouteValues["accountId"]!, context, state));

    private static async Task Handle(string accountId, HttpContext context, StsState state)
    {
        state.CountRequest(accountId);
        var fault = state.NextFault(accountId);
        switch (fault?.Kind)
        {
            case StsFaultKind.TooManyRequests:
                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.Response.Headers.RetryAfter = ((int)Math.Ceiling(fault.Duration.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return;
            case StsFaultKind.ServerError:
                context.Response.StatusCode = fault.Status;
                return;
            case StsFaultKind.Delay:
                await Task.Delay(fault.Duration, state.TimeProvider, context.RequestAborted).ConfigureAwait(false);
                break;
        }

        await Answer(accountId, context, state, fault?.Kind switch
        {
            StsFaultKind.Delay or null => null,
            _ => fault,
        }).ConfigureAwait(false);
    }

    private static Task Answer(string accountId, HttpContext context, StsState state, StsFault? fault)
    {
        // Route values keep an escaped '/' as %2F; an id that needs unescaping is malformed anyway.
        if (!Guid.TryParseExact(accountId, "D", out _))
        {
            return Challenge(context, StatusCodes.Status400BadRequest, "Invalid request: the account id must be a GUID such as 00000000-0000-0000-0000-000000000000.");
        }

        var authorization = context.Request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (!authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return Challenge(context, StatusCodes.Status401Unauthorized, "Invalid token: the Authorization header must be 'Bearer {accountId}:{accountKey}'.");
        }

        var credential = authorization.AsSpan(scheme.Length).Trim();
        var separator = credential.IndexOf(':');
        if (separator <= 0 || separator == credential.Length - 1)
        {
            return Challenge(context, StatusCodes.Status401Unauthorized, "Invalid token: the Authorization header must be 'Bearer {accountId}:{accountKey}'.");
        }

        var headerAccountId = credential[..separator].ToString();
        var key = credential[(separator + 1)..].ToString();
        if (!string.Equals(headerAccountId, accountId, StringComparison.OrdinalIgnoreCase))
        {
            return Challenge(context, StatusCodes.Status401Unauthorized, "Invalid token: the account id in the Authorization header does not match the path.");
        }

        if (!state.Accounts.TryGetValue(accountId, out var account) || !KeysMatch(account.AccountKey, key))
        {
            return Challenge(context, StatusCodes.Status401Unauthorized, "Invalid token: unknown account or wrong account key.");
        }

        var now = state.TimeProvider.GetUtcNow();
        switch (fault?.Kind)
        {
            case StsFaultKind.MalformedJson:
                context.Response.ContentType = "application/json";
                return context.Response.WriteAsync("{\"AccessToken\": \"truncated");
            case StsFaultKind.MissingAccessToken:
                context.Response.ContentType = "application/json";
                return context.Response.WriteAsync("{\"Token\": null}");
        }

        if (fault?.Kind == StsFaultKind.ClockSkew)
        {
            // A skewed server stamps its Date header with the same wrong clock as its tokens.
            context.Response.Headers.Date = (now + fault.Duration).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        }

        var token = fault?.Kind switch
        {
            StsFaultKind.TokenWithoutExpiry => state.Issuer.Issue(account.AccountId, now, expiresOn: null),
            StsFaultKind.ExpiredToken => state.Issuer.Issue(account.AccountId, now - state.TokenLifetime - TimeSpan.FromHours(1), now - TimeSpan.FromHours(1)),
            StsFaultKind.ClockSkew => state.Issuer.Issue(account.AccountId, now + fault.Duration, now + fault.Duration + state.TokenLifetime),
            _ => state.Issuer.Issue(account.AccountId, now, now + state.TokenLifetime),
        };
        return context.Response.WriteAsJsonAsync(new StsTokenResponse(token), EmulatorJsonContext.Default.StsTokenResponse);
    }

    private static bool KeysMatch(string expected, string actual)
        => CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(actual));

    private static Task Challenge(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.Headers.WWWAuthenticate = message;
        return Task.CompletedTask;
    }
}
