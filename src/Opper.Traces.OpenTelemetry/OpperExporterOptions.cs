using System;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Opper.OpenTelemetry;

/// <summary>
/// Settings of the <see cref="OpperExporter"/>. They are read once, when the exporter is built.
/// Bind them from configuration with <c>services.Configure&lt;OpperExporterOptions&gt;(section)</c>
/// or set them in the delegate given to <c>AddOpperExporter</c>.
/// </summary>
public class OpperExporterOptions
{
    /// <summary>The default of <see cref="MaxContentLength"/>: 32,768 characters.</summary>
    public const int DefaultMaxContentLength = 32_768;

    private Uri _baseUrl = new OpperClientOptions().BaseUrl ?? new Uri("https://api.opper.ai/v2");
    private int _maxContentLength = DefaultMaxContentLength;
    private int _maxConcurrency = 8;
    private int _maxRetries = 3;
    private TimeSpan _timeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The API key. When not set, the exporter reads the environment variables <c>OPPER_API_KEY</c>,
    /// then <c>OPPER_HTTP_BEARER</c>, when it is built. Without a key nothing is sent: one error
    /// event says so and the spans are counted as lost.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>The API's base URL, <c>https://api.opper.ai/v2</c> unless changed; an absolute http or https URL.</summary>
    public Uri BaseUrl
    {
        get => _baseUrl;
        set => _baseUrl = value is not null && value.IsAbsoluteUri && (value.Scheme == Uri.UriSchemeHttps || value.Scheme == Uri.UriSchemeHttp)
            ? value
            : throw new ArgumentException("BaseUrl must be an absolute http or https URL.", nameof(value));
    }

    /// <summary>
    /// The longest span input or output kept, in characters (32,768 unless changed). Longer text is
    /// cut there and ends with a visible marker, <c>…[truncated by Opper exporter: N of M characters kept]</c>.
    /// </summary>
    public int MaxContentLength
    {
        get => _maxContentLength;
        set => _maxContentLength = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxContentLength must be positive.");
    }

    /// <summary>How many <c>POST /spans</c> calls may be under way at once (8 unless changed).</summary>
    public int MaxConcurrency
    {
        get => _maxConcurrency;
        set => _maxConcurrency = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxConcurrency must be positive.");
    }

    /// <summary>
    /// How many times a span is sent again after 408, 429, a 5xx, a timeout or a transport failure
    /// (3 unless changed, so at most 4 attempts), with the backoff of <see cref="RetryPolicy"/>.
    /// </summary>
    public int MaxRetries
    {
        get => _maxRetries;
        set => _maxRetries = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxRetries cannot be negative.");
    }

    /// <summary>The longest one attempt may take (10 seconds unless changed).</summary>
    public TimeSpan Timeout
    {
        get => _timeout;
        set => _timeout = value > TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Timeout must be positive.");
    }

    /// <summary>The backoff between attempts: exponential with jitter, at least what a <c>Retry-After</c> asks.</summary>
    public OpperRetryPolicy RetryPolicy { get; set; } = new OpperRetryPolicy();

    /// <summary>Allows sending the API key over plain http to a host that is not the local machine.</summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>
    /// Makes the <see cref="HttpClient"/> the exporter sends with (the exporter never disposes it);
    /// when null, the exporter owns a client of its own.
    /// </summary>
    public Func<HttpClient>? HttpClientFactory { get; set; }

    /// <summary>
    /// The batch processor's settings: queue size (spans beyond it are dropped and counted as lost),
    /// batch size, delay between exports, and the export timeout, which also bounds how long one
    /// export may keep sending. They default to OpenTelemetry's (<c>OTEL_BSP_*</c> environment variables).
    /// </summary>
    public BatchExportProcessorOptions<Activity> BatchExportProcessorOptions { get; set; } = new BatchExportActivityProcessorOptions();

    /// <summary>The settings, for logs and debuggers; the API key is never shown, only whether it is set.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() =>
        string.Format(
            CultureInfo.InvariantCulture,
            "{0} {{ BaseUrl = {1}, ApiKey = {2}, MaxContentLength = {3}, MaxConcurrency = {4}, MaxRetries = {5}, Timeout = {6:c} }}",
            GetType().Name,
            BaseUrl.GetComponents(UriComponents.AbsoluteUri & ~UriComponents.UserInfo, UriFormat.UriEscaped),
            string.IsNullOrWhiteSpace(ApiKey) ? "(from the environment)" : "(set)",
            MaxContentLength,
            MaxConcurrency,
            MaxRetries,
            Timeout);
}
