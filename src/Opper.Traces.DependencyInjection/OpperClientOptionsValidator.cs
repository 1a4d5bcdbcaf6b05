using System;
using System.Collections.Generic;
using Microsoft.Extensions.Options;

namespace Opper.DependencyInjection;

/// <summary>
/// What <see cref="OpperClientOptions"/> cannot refuse by itself, checked at start-up: the same
/// rules that would otherwise fail the first call. A missing API key is not an error here, as it
/// is not for <see cref="OpperClient"/>: the key may come from <c>OPPER_API_KEY</c> later, and
/// the first call says clearly when there is none.
/// </summary>
internal sealed class OpperClientOptionsValidator : IValidateOptions<OpperClientOptions>
{
    public ValidateOptionsResult Validate(string? name, OpperClientOptions options)
    {
        var problems = new List<string>();
        if (options.BaseUrl is null)
        {
            problems.Add("Opper client options: BaseUrl is not set.");
        }

        var apiKey = ApiKey(options);
        if (apiKey is not null && !IsHeaderSafe(apiKey))
        {
            problems.Add("Opper client options: the API key contains a line break, another control character or a non-ASCII character; it cannot be sent in a header.");
        }

        if (apiKey is not null && options.BaseUrl is { } url && url.Scheme != Uri.UriSchemeHttps && !url.IsLoopback && !options.AllowInsecureHttp)
        {
            problems.Add($"Opper client options: BaseUrl is plain http to {url.Host}, which would send the API key unencrypted: use https (http is allowed only to loopback hosts), or set AllowInsecureHttp.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static string? ApiKey(OpperClientOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.ApiKey))
        {
            return options.ApiKey!.Trim();
        }

        foreach (var variable in OpperClientOptions.ApiKeyEnvironmentVariables)
        {
            var value = Environment.GetEnvironmentVariable(variable);
            if (!string.IsNullOrWhiteSpace(value))
            {
                return value!.Trim();
            }
        }

        return null;
    }

    private static bool IsHeaderSafe(string value)
    {
        foreach (var c in value)
        {
            if (c < ' ' || c > '~')
            {
                return false;
            }
        }

        return true;
    }
}
