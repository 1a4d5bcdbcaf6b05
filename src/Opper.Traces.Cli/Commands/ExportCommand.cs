using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text;
using Opper.Models;
using Opper.Traces.Cli.Output;

namespace Opper.Traces.Cli.Commands;

/// <summary>
/// <c>opper-traces export &lt;trace-id | file&gt; [--format chrome|otlp] [-o FILE | --endpoint URL]</c>:
/// Chrome trace-event JSON for timeline viewers, or OTLP JSON for OpenTelemetry tools.
/// </summary>
internal static class ExportCommand
{
    private const string Chrome = "chrome";
    private const string Otlp = "otlp";

    public static Command Create(CliHost host)
    {
        Argument<string> trace = CommonOptions.Trace();
        Option<string?> baseUrl = CommonOptions.BaseUrl();
        var format = new Option<string>("--format", "-f")
        {
            Description = "The output format: chrome (Chrome trace-event JSON, for Perfetto and chrome://tracing) or otlp "
                + "(OTLP JSON, for an OpenTelemetry Collector, Jaeger or Grafana Tempo). Default: chrome, or otlp with --endpoint.",
        };
        format.AcceptOnlyFromAmong(Chrome, Otlp);
        var output = new Option<string?>("--output", "-o")
        {
            Description = "The file to write; - or no -o writes to stdout.",
            HelpName = "file",
        };
        var endpoint = new Option<string?>("--endpoint")
        {
            Description = "POST the OTLP JSON to this OTLP/HTTP collector (/v1/traces is appended when the URL has no path).",
            HelpName = "url",
        };
        var headers = new Option<string[]>("--header")
        {
            Description = "A header for --endpoint, key=value; repeatable. OTEL_EXPORTER_OTLP_HEADERS is read too (key=value,key2=value2, values URL-encoded).",
            HelpName = "key=value",
            AllowMultipleArgumentsPerToken = false,
        };

        var command = new Command("export", "Export a trace: for a timeline viewer (chrome) or for OpenTelemetry tools (otlp).")
        {
            trace,
            baseUrl,
            CommonOptions.TraceId(),
            format,
            output,
            endpoint,
            headers,
        };

        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(host, async ct =>
        {
            string? target = parse.GetValue(output);
            string? url = parse.GetValue(endpoint);
            string[] headerOptions = parse.GetValue(headers) ?? Array.Empty<string>();
            string chosen = parse.GetValue(format) ?? (url is null ? Chrome : Otlp);
            if (target is not null && target.Trim().Length == 0)
            {
                throw CliException.Usage("--output needs a file name, or - for stdout.");
            }

            if (url is not null && chosen != Otlp)
            {
                throw CliException.Usage("--endpoint sends OTLP JSON; it cannot be used with --format " + chosen + ".");
            }

            if (url is not null && target is not null)
            {
                throw CliException.Usage("Use either --endpoint or --output, not both.");
            }

            if (url is null && headerOptions.Length > 0)
            {
                throw CliException.Usage("--header goes with --endpoint.");
            }

            // Check what can be checked before the trace is fetched.
            Uri? collector = url is null ? null : OtlpCollector.TracesUrl(url);
            var sendHeaders = collector is null ? null : OtlpCollector.Headers(host, headerOptions);

            GetTraceResponse loaded = await TraceLoader.LoadAsync(host, parse, ct).ConfigureAwait(false);
            int spans = loaded.Spans?.Count(s => s is not null) ?? 0;
            if (collector is not null)
            {
                using var body = new MemoryStream();
                OtlpJson.Write(loaded, body);
                string answer = await OtlpCollector.SendAsync(collector, body, sendHeaders!, ct).ConfigureAwait(false);
                host.Error.WriteLine("Sent " + Spans(spans) + " to " + collector + " (" + answer + ").");
                return ExitCodes.Success;
            }

            if (chosen == Otlp)
            {
                if (target is null || target == "-")
                {
                    OtlpJson.Write(loaded, host.Out);
                    host.Out.WriteLine();
                }
                else
                {
                    OutputFile.Write<object?>(target, writer =>
                    {
                        OtlpJson.Write(loaded, writer);
                        return null;
                    });
                    host.Error.WriteLine("Wrote " + Spans(spans) + " to " + Text.Preview(target, 200) + " as OTLP JSON.");
                }

                return ExitCodes.Success;
            }

            ChromeTrace.Result result = target is null || target == "-" ? ChromeTrace.Write(host.Out, loaded) : OutputFile.Write(target, writer => ChromeTrace.Write(writer, loaded));
            if (result.Skipped > 0)
            {
                host.Error.WriteLine("opper-traces: skipped " + Text.Count(result.Skipped)
                    + (result.Skipped == 1 ? " span" : " spans") + " without a start time or a known duration.");
            }

            if (target is not null && target != "-")
            {
                host.Error.WriteLine("Wrote " + Spans(result.Exported)
                    + " to " + Text.Preview(target, 200) + " (open it in https://ui.perfetto.dev or chrome://tracing).");
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static string Spans(int count) => Text.Count(count) + (count == 1 ? " span" : " spans");
}
