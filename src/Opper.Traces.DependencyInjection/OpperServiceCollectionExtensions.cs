using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Opper;
using Opper.DependencyInjection;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="OpperClient"/> in a service collection.</summary>
public static class OpperServiceCollectionExtensions
{
    /// <summary>The name of the HttpClient that the Opper client sends with (see <c>IHttpClientFactory</c>).</summary>
    public const string HttpClientName = "Opper";

    /// <summary>
    /// Registers a shared <see cref="OpperClient"/> set up by <paramref name="configure"/>, sending through
    /// the <c>IHttpClientFactory</c> client named <see cref="HttpClientName"/>. The options are checked
    /// when the host starts: an invalid value stops it with a message that names the setting.
    /// Without an API key the client reads <c>OPPER_API_KEY</c>, then <c>OPPER_HTTP_BEARER</c>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the client's options.</param>
    /// <returns>The HttpClient's builder, to add handlers (logging, resilience) or change the primary handler.</returns>
    public static IHttpClientBuilder AddOpperClient(this IServiceCollection services, Action<OpperClientOptions> configure)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        if (configure is null)
        {
            throw new ArgumentNullException(nameof(configure));
        }

        services.AddOptions<OpperClientOptions>().Configure(options => OpperClientConfiguration.Apply(configure, options));
        return AddClient(services);
    }

    /// <summary>
    /// Registers a shared <see cref="OpperClient"/> whose options are read from a configuration section,
    /// such as <c>builder.Configuration.GetSection("Opper")</c>, with the keys <c>ApiKey</c>,
    /// <c>BaseUrl</c>, <c>MaxRetries</c>, <c>Timeout</c> (a time span, <c>00:00:30</c>),
    /// <c>AllowInsecureHttp</c> and <c>UserAgentSuffix</c>. Environment variables reach it the usual
    /// way (<c>Opper__BaseUrl</c>). Values are checked when the host starts.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="section">The configuration section that holds the options.</param>
    /// <returns>The HttpClient's builder, to add handlers (logging, resilience) or change the primary handler.</returns>
    public static IHttpClientBuilder AddOpperClient(this IServiceCollection services, IConfiguration section)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        if (section is null)
        {
            throw new ArgumentNullException(nameof(section));
        }

        services.AddOptions<OpperClientOptions>().Configure(options => OpperClientConfiguration.Apply(section, options));
        return AddClient(services);
    }

    private static IHttpClientBuilder AddClient(IServiceCollection services)
    {
        services.AddOptions<OpperClientOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OpperClientOptions>, OpperClientOptionsValidator>());

        // One client for the application, as OpperClient is meant to be used; it copies its options
        // when built. The HttpClient keeps one handler, whose pooled connections are renewed every
        // few minutes so that DNS changes are seen.
        services.TryAddSingleton(serviceProvider => new OpperClient(
            serviceProvider.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            serviceProvider.GetRequiredService<IOptions<OpperClientOptions>>().Value));

        return services.AddHttpClient(HttpClientName)
            // The client bounds each attempt with OpperClientOptions.Timeout; the HttpClient must not cut in first.
            .ConfigureHttpClient(http => http.Timeout = Timeout.InfiniteTimeSpan)
            // The client follows redirects itself (and never sends the key to another host).
            .ConfigurePrimaryHttpMessageHandler(CreatePrimaryHandler);
    }

    private static HttpMessageHandler CreatePrimaryHandler()
    {
#if NET
        return new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
#else
        return new HttpClientHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
        };
#endif
    }
}
