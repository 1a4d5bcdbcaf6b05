using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Opper.DependencyInjection;

/// <summary>
/// Fills <see cref="OpperClientOptions"/> from a delegate or a configuration section. A value the
/// options refuse becomes an <see cref="OptionsValidationException"/> that names the setting, so
/// that the host stops at start-up with one readable message listing every problem.
/// </summary>
internal static class OpperClientConfiguration
{
    public static void Apply(Action<OpperClientOptions> configure, OpperClientOptions options)
    {
        try
        {
            configure(options);
        }
        catch (ArgumentException ex)
        {
            throw Invalid(new[] { "Opper client options: " + ex.Message });
        }
    }

    public static void Apply(IConfiguration section, OpperClientOptions options)
    {
        var problems = new List<string>();

        var apiKey = section["ApiKey"];
        if (!string.IsNullOrWhiteSpace(apiKey))
        {
            options.ApiKey = apiKey;
        }

        if (Value(section, "BaseUrl") is { } url)
        {
            if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
            {
                options.BaseUrl = uri;
            }
            else
            {
                problems.Add($"{Key(section, "BaseUrl")} is {Shown(url)}: it must be an absolute http or https URL such as https://api.opper.ai/v2.");
            }
        }

        if (Value(section, "MaxRetries") is { } retries)
        {
            if (int.TryParse(retries, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) && count >= 0)
            {
                options.MaxRetries = count;
            }
            else
            {
                problems.Add($"{Key(section, "MaxRetries")} is {Shown(retries)}: it must be a whole number, 0 or more.");
            }
        }

        if (Value(section, "Timeout") is { } timeout)
        {
            if (TimeSpan.TryParse(timeout, CultureInfo.InvariantCulture, out var span)
                && (span > TimeSpan.Zero || span == System.Threading.Timeout.InfiniteTimeSpan))
            {
                options.Timeout = span;
            }
            else
            {
                problems.Add($"{Key(section, "Timeout")} is {Shown(timeout)}: it must be a positive time span such as 00:00:30 (or -00:00:00.001 for none).");
            }
        }

        if (Value(section, "AllowInsecureHttp") is { } insecure)
        {
            if (bool.TryParse(insecure, out var allow))
            {
                options.AllowInsecureHttp = allow;
            }
            else
            {
                problems.Add($"{Key(section, "AllowInsecureHttp")} is {Shown(insecure)}: it must be true or false.");
            }
        }

        if (Value(section, "UserAgentSuffix") is { } suffix)
        {
            options.UserAgentSuffix = suffix;
        }

        if (problems.Count > 0)
        {
            throw Invalid(problems);
        }
    }

    private static OptionsValidationException Invalid(IEnumerable<string> problems) =>
        new(Options.DefaultName, typeof(OpperClientOptions), problems);

    private static string? Value(IConfiguration section, string key) =>
        section[key] is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static string Key(IConfiguration section, string key) =>
        section is IConfigurationSection named && named.Path.Length > 0 ? named.Path + ":" + key : key;

    // A value that looks like it holds credentials (user:password@host) is not repeated.
    private static string Shown(string value) =>
        value.IndexOf('@') >= 0 ? "a value that looks like it holds credentials" : "'" + value + "'";
}
