using System.Net;
using ArrSdk.Emulator.Sts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ArrSdk.Emulator;

/// <summary>
/// A running local emulator of the Mixed Reality STS and the ARR REST API (sessions, conversions), bound to 127.0.0.1. Start it with <see cref="StartAsync"/>,
/// point clients at <see cref="BaseAddress"/>, dispose it to stop.
/// </summary>
public sealed class ArrEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EmulatorTokenIssuer _issuer;

    private readonly StsState _sts;
    private readonly RemoteRendering.ArrApiState _arr;

    private ArrEmulator(WebApplication app, EmulatorTokenIssuer issuer, StsState sts, RemoteRendering.ArrApiState arr, Uri baseAddress, IReadOnlyList<EmulatorAccount> accounts)
    {
        _app = app;
        _issuer = issuer;
        _sts = sts;
        _arr = arr;
        BaseAddress = baseAddress;
        Accounts = accounts;
    }

    /// <summary>Where the emulator listens, for example <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The accounts it knows.</summary>
    public IReadOnlyList<EmulatorAccount> Accounts { get; }

    /// <summary>Starts an emulator.</summary>
    /// <param name="options">How it behaves; defaults when omitted.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running emulator.</returns>
    public static async Task<ArrEmulator> StartAsync(ArrEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new ArrEmulatorOptions();
        if (options.Port is < 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Port, "The emulator port must be between 0 and 65535 (0 lets the system choose).");
        }

        var accounts = options.Accounts.Count > 0 ? options.Accounts.ToArray() : [EmulatorAccount.Demo];
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));
        builder.Services.AddRoutingCore();

        // The host that embeds the emulator (the arr command line, a test, a user's app) owns Ctrl+C and SIGTERM;
        // ASP.NET Core's console lifetime would swallow them and keep the process alive.
        builder.Services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>();

        var issuer = new EmulatorTokenIssuer();
        var app = builder.Build();
        var sts = new StsState(accounts, options.TimeProvider, options.TokenLifetime, issuer);

        // Every response, errors included, carries a fresh MS-CV like the real services, and a Date from the
        // emulator's own clock (which tests may fake or skew), as a real server's Date comes from its clock.
        app.Use(async (context, next) =>
        {
            var correlationVector = CorrelationVector.New();
            context.Response.Headers[CorrelationVector.HeaderName] = correlationVector;
            context.Response.Headers.Date = options.TimeProvider.GetUtcNow().ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            try
            {
                await next(context).ConfigureAwait(false);
            }
            catch (Exception) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
            {
                // A bug of ours still answers like the service: 500 with an error body and an MS-CV.
                context.Response.Clear();
                context.Response.Headers[CorrelationVector.HeaderName] = correlationVector;
                await RemoteRendering.ArrErrors.Write(context, 500, "InternalServerError", "An internal server error occurred.").ConfigureAwait(false);
            }
        });
        StsEndpoint.Map(app, sts);
        var arr = new RemoteRendering.ArrApiState(options, issuer);
        RemoteRendering.ArrApiEndpoints.Map(app, arr);

        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            issuer.Dispose();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ArrEmulator(app, issuer, sts, arr, new Uri(address.EndsWith('/') ? address : address + "/"), accounts);
    }

    /// <summary>Scripts the next <paramref name="count"/> STS answers for <paramref name="accountId"/>, in order, after any already queued.</summary>
    /// <param name="accountId">The account whose requests misbehave.</param>
    /// <param name="fault">What happens.</param>
    /// <param name="count">How many requests in a row it happens to.</param>
    public void InjectStsFaults(string accountId, StsFault fault, int count = 1)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        _sts.Enqueue(accountId, fault, count);
    }

    /// <summary>
    /// Decides, for every STS request of <paramref name="accountId"/> that no queued fault claims, whether it misbehaves:
    /// for example a random 1% of requests, or every request during a simulated outage. Null removes the selector.
    /// </summary>
    /// <param name="accountId">The account.</param>
    /// <param name="selector">Returns the fault for one request, or null for a normal answer.</param>
    public void SetStsFaultSelector(string accountId, Func<StsFault?>? selector) => _sts.SetSelector(accountId, selector);

    /// <summary>Makes the session created next under <paramref name="sessionId"/> end in Error with this error instead of Ready.</summary>
    /// <param name="sessionId">The session id.</param>
    /// <param name="code">The service error code.</param>
    /// <param name="message">The service error message.</param>
    public void FailSessionOnStart(string sessionId, string code, string message)
        => _arr.ScriptSessionFailure(sessionId, new RemoteRendering.ArrError(code, message));

    /// <summary>How many token requests the STS has received for <paramref name="accountId"/>, faults included.</summary>
    /// <param name="accountId">The account.</param>
    /// <returns>The count.</returns>
    public int StsRequestCount(string accountId) => _sts.RequestCount(accountId);

    /// <summary>Stops the emulator.</summary>
    /// <returns>A task that completes when it has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _issuer.Dispose();
    }
}
