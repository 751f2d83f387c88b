using ArrSdk.Authentication;
using ArrSdk.RemoteRendering;
using ArrSdk.Sts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Refit;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the ArrSdk: settings, the STS client, the token provider and the authentication handler.</summary>
public static class ArrSdkServiceCollectionExtensions
{
    /// <summary>The name of the HTTP client that talks to the STS.</summary>
    public const string StsHttpClientName = "ArrSdk.Sts";

    /// <summary>The name of the HTTP client that talks to the ARR API.</summary>
    public const string RemoteRenderingHttpClientName = "ArrSdk.RemoteRendering";

    /// <summary>Registers the SDK with settings bound from the <c>ArrSdk</c> section of <paramref name="configuration"/>.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration root or the <c>ArrSdk</c> section itself.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddArrSdk(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(ArrSdk.DependencyInjection.ArrSdkOptions.SectionName);
        var source = section.Exists() ? section : configuration;
        services.AddOptions<ArrSdk.DependencyInjection.ArrSdkOptions>().Bind(source);
        return services.AddArrSdkCore(tokenSource: null);
    }

    /// <summary>Registers the SDK with settings given in code.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddArrSdk(this IServiceCollection services, Action<ArrSdk.DependencyInjection.ArrSdkOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<ArrSdk.DependencyInjection.ArrSdkOptions>().Configure(configure);
        return services.AddArrSdkCore(tokenSource: null);
    }

    /// <summary>
    /// Registers the SDK with tokens from a delegate (for devices that get ARR tokens from their own back-end).
    /// Tokens are cached and refreshed like STS tokens, by their <c>exp</c> claim.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="tokenSource">Returns a fresh ARR access token.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddArrSdk(this IServiceCollection services, Func<IServiceProvider, CancellationToken, ValueTask<string>> tokenSource)
    {
        ArgumentNullException.ThrowIfNull(tokenSource);
        services.AddOptions<ArrSdk.DependencyInjection.ArrSdkOptions>();
        return services.AddArrSdkCore(tokenSource);
    }

    /// <summary>Adds the ARR authentication handler to an HTTP client that calls ARR APIs.</summary>
    /// <param name="builder">The client's builder.</param>
    /// <returns>The builder.</returns>
    public static IHttpClientBuilder AddArrAuthentication(this IHttpClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddHttpMessageHandler<ArrAuthenticationHandler>();
    }

    private static IServiceCollection AddArrSdkCore(this IServiceCollection services, Func<IServiceProvider, CancellationToken, ValueTask<string>>? tokenSource)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<ArrSdk.DependencyInjection.ArrSdkOptions>().ValidateOnStart();
        if (tokenSource is null)
        {
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ArrSdk.DependencyInjection.ArrSdkOptions>, ArrSdk.DependencyInjection.ArrSdkOptionsValidator>());
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AccessTokenCacheRegistry>();
        services.TryAddTransient<ArrAuthenticationHandler>();

        services.AddRefitGeneratedClient<ISecureTokenService>(StsJsonContext.Default, settingsAction: null, httpClientName: StsHttpClientName)
            .ConfigureHttpClient((provider, client) =>
            {
                var options = provider.GetRequiredService<IOptions<ArrSdk.DependencyInjection.ArrSdkOptions>>().Value;
                client.BaseAddress = StsEndpoints.Resolve(options.AccountDomain);

                // Timeouts belong to the resilience pipeline, which runs on the injectable clock.
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .ConfigurePrimaryHttpMessageHandler(static () => new SocketsHttpHandler { AllowAutoRedirect = false });

        services.TryAddSingleton(provider => new StsTokenClient(
            _ => provider.GetRequiredService<ISecureTokenService>(),
            provider.GetRequiredService<TimeProvider>(),
            Logger<StsTokenClient>(provider)));

        services.TryAddSingleton<IAccessTokenProvider>(provider => CreateTokenProvider(provider, tokenSource));

        services.AddRefitGeneratedClient<IRemoteRenderingService>(RemoteRenderingJsonContext.Default, settingsAction: null, httpClientName: RemoteRenderingHttpClientName)
            .ConfigureHttpClient((provider, client) =>
            {
                var options = provider.GetRequiredService<IOptions<ArrSdk.DependencyInjection.ArrSdkOptions>>().Value;
                client.BaseAddress = RemoteRenderingEndpoints.Resolve(options.RemoteRenderingDomain, ArrSdk.DependencyInjection.ArrSdkOptions.SectionName + ":RemoteRenderingDomain");
            })
            .ConfigurePrimaryHttpMessageHandler(static () => new SocketsHttpHandler { AllowAutoRedirect = false })
            .AddArrAuthentication();
        services.TryAddTransient(provider =>
        {
            var options = provider.GetRequiredService<IOptions<ArrSdk.DependencyInjection.ArrSdkOptions>>().Value;
            if (string.IsNullOrWhiteSpace(options.AccountId))
            {
                throw new InvalidOperationException("ArrSdk:AccountId is needed for sessions and conversions, whichever way tokens are obtained.");
            }

            return new RemoteRenderingClient(provider.GetRequiredService<IRemoteRenderingService>(), options.AccountId, options.RemoteRendering, provider.GetRequiredService<TimeProvider>());
        });
        return services;
    }

    private static IAccessTokenProvider CreateTokenProvider(IServiceProvider provider, Func<IServiceProvider, CancellationToken, ValueTask<string>>? tokenSource)
    {
        var time = provider.GetRequiredService<TimeProvider>();
        var logger = Logger<AccessTokenCache>(provider);
        if (tokenSource is not null)
        {
            return AccessTokenCache.ForDelegate(cancellationToken => tokenSource(provider, cancellationToken), timeProvider: time, logger: logger);
        }

        var options = provider.GetRequiredService<IOptions<ArrSdk.DependencyInjection.ArrSdkOptions>>().Value;
        if (!string.IsNullOrWhiteSpace(options.AccessToken))
        {
            return new FixedAccessTokenProvider(options.AccessToken, time);
        }

        var credential = new AccountKeyCredential(options.AccountId!, options.AccountKey!, StsEndpoints.Resolve(options.AccountDomain));
        var client = provider.GetRequiredService<StsTokenClient>();
        return provider.GetRequiredService<AccessTokenCacheRegistry>().GetOrCreate(
            credential,
            account => AccessTokenCache.ForAccountKey(account, client, retry: options.Retry, timeProvider: time, logger: logger));
    }

    private static ILogger Logger<T>(IServiceProvider provider)
        => (ILogger?)provider.GetService<ILoggerFactory>()?.CreateLogger<T>() ?? NullLogger.Instance;
}
