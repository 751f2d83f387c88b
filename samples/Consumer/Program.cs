using ArrSdk.Authentication;
using ArrSdk.Emulator;
using ArrSdk.RemoteRendering;
using Consumer.Api;
using Refit;

// Runs against the emulator, so no account is needed.
await using var emulator = await ArrEmulator.StartAsync();
var demo = EmulatorAccount.Demo;

// The STS, through the SDK package's generated client and token cache.
var tokens = AccessTokenCache.ForAccountKey(new AccountKeyCredential(demo.AccountId, demo.AccountKey, emulator.BaseAddress), new StsTokenClient());
var token = await tokens.GetTokenAsync();
Console.WriteLine($"STS token expires {token.ExpiresOn:O}");

// A session through the SDK's ARR client, so there is something to list.
var arr = RemoteRenderingClient.Create(emulator.BaseAddress, demo.AccountId, tokens);
await arr.CreateSessionAsync("sample-session", SessionSize.Standard, TimeSpan.FromMinutes(30));

// This project's own endpoint, generated from specs/sessions-lite.api.json and authenticated by the SDK's handler.
using var http = new HttpClient(new ArrAuthenticationHandler(tokens, new SocketsHttpHandler())) { BaseAddress = emulator.BaseAddress };
var overview = RestService.ForGenerated<ISessionOverview>(http, SessionsLiteJsonContext.Default);
using var page = await overview.ListSessionIdsAsync(demo.AccountId);

// A generated method never throws for an answer: a failed status or a body that does not match the spec (a required
// property missing, say) comes back in page.Error, with the reason in its inner exception.
if (page.Error is { } error)
{
    Console.Error.WriteLine($"own endpoint failed ({(int?)page.StatusCode}): {error.InnerException?.Message ?? error.Message}");
    return 1;
}

foreach (var session in page.Content!.Sessions)
{
    Console.WriteLine($"own endpoint: {session.Id} {session.Status}");
}

return 0;
