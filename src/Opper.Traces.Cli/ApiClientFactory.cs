using System;
using System.Net.Http;
using System.Reflection;

namespace Opper.Traces.Cli;

/// <summary>Builds the <see cref="OpperClient"/> the commands call the API with.</summary>
internal static class ApiClientFactory
{
    /// <summary>The variables that may hold the API key, in the order they are read.</summary>
    public static readonly string[] ApiKeyVariables = { "OPPER_API_KEY", "OPPER_HTTP_BEARER" };

    /// <summary>
    /// A client with the API key from the environment (<c>OPPER_API_KEY</c>, then
    /// <c>OPPER_HTTP_BEARER</c>) and the base URL from <c>--base-url</c> when given.
    /// </summary>
    /// <param name="host">The environment and the HTTP plumbing.</param>
    /// <param name="baseUrl">The <c>--base-url</c> value, or null for the default.</param>
    /// <param name="purpose">What the key is needed for, for the message when there is none.</param>
    /// <exception cref="CliException">No API key, or a base URL that is not an absolute http(s) URL (exit code 2).</exception>
    public static OpperClient Create(CliHost host, string? baseUrl, string purpose)
    {
        string? apiKey = null;
        foreach (string name in ApiKeyVariables)
        {
            string? value = host.GetEnvironmentVariable(name);
            if (!string.IsNullOrWhiteSpace(value))
            {
                apiKey = value.Trim();
                break;
            }
        }

        if (apiKey is null)
        {
            throw CliException.Usage(
                "No API key: set OPPER_API_KEY (or OPPER_HTTP_BEARER) to " + purpose + ".");
        }

        var options = new OpperClientOptions
        {
            ApiKey = apiKey,
            UserAgentSuffix = "opper-traces-cli/" + Version,
        };

        if (baseUrl is not null)
        {
            options.BaseUrl = ParseBaseUrl(baseUrl);
        }

        host.ConfigureClient?.Invoke(options);
        HttpClient? http = host.CreateHttpClient?.Invoke();
        return http is null ? new OpperClient(options) : new OpperClient(http, options);
    }

    /// <summary>The tool's version, without build metadata.</summary>
    public static string Version { get; } =
        (typeof(ApiClientFactory).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0")
            .Split('+')[0];

    /// <summary>The <c>--base-url</c> value as a URI.</summary>
    /// <exception cref="CliException">Not an absolute http(s) URL (exit code 2).</exception>
    public static Uri ParseBaseUrl(string text)
    {
        if (Uri.TryCreate(text, UriKind.Absolute, out Uri? uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
        {
            return uri;
        }

        throw CliException.Usage("--base-url must be an absolute http or https URL, not '" + Output.Text.Preview(text, 100) + "'.");
    }
}
