using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Newtonsoft.Json;
using Opper.Models;

namespace Opper;

/// <summary>
/// Opper traces as OTLP/JSON, the OpenTelemetry protocol's JSON encoding (an
/// <c>ExportTraceServiceRequest</c>; ids as lowercase hex, times as strings of Unix nanoseconds,
/// enums as integers), in both directions, so that a trace reaches Jaeger, Grafana Tempo or an
/// OpenTelemetry Collector, and any OpenTelemetry trace can be analysed like an Opper trace.
/// </summary>
/// <remarks>
/// <para>
/// Written: one resource (<c>service.name</c> = <c>opper</c>, and <c>opper.trace.*</c> with the
/// trace's own fields), one scope named <c>Opper.Traces</c>, the spans in input order (an empty
/// list for an empty trace). <c>traceId</c> is the trace id's 32 hex digits when it is a UUID,
/// else the first 16 bytes of the SHA-256 of its text. <c>spanId</c>s are deterministic and
/// unique in the trace (a UUID span id gives its first 16 hex digits). <c>parentSpanId</c> is the
/// parent in <see cref="GetTraceResponse.BuildTree"/> (cycles cut, orphans are roots); the
/// attribute <c>opper.parent_id</c> keeps the original <c>parent_id</c> and <c>opper.span.id</c>
/// the original id. Start: the span's <c>start_time</c>, else the trace's, else 0, with
/// <c>opper.start_time_unknown</c> = true when invented; end: start + the span's duration when
/// known (<c>opper.duration_ms</c>), else the start. <c>opper.span.type</c>; with a model,
/// <c>gen_ai.request.model</c> and <c>gen_ai.provider.name</c> (the text before <c>/</c>);
/// generation spans have <c>gen_ai.operation.name</c> = <c>chat</c> and kind CLIENT, others
/// INTERNAL; <c>opper.usage.total_tokens</c>, <c>opper.score</c>, the span's data as
/// <c>opper.input</c>, <c>opper.output</c> and the like, every <c>meta</c> entry as an attribute
/// of its own (types kept), an error as status ERROR with its text, metrics as span events.
/// </para>
/// <para>
/// Read: one trace per trace id, in order of first appearance; its id is the trace id as a UUID.
/// A span's id is <c>opper.span.id</c> when present, else its span id; <c>parent_id</c> is
/// <c>opper.parent_id</c> when present, else the parent's id (the parent's span id when the parent
/// is not in the input: an orphan). In the <c>Opper.Traces</c> scope a span without
/// <c>opper.duration_ms</c> has an unknown duration and one with <c>opper.start_time_unknown</c>
/// an unknown start; elsewhere the duration is end − start, the type comes from
/// <c>gen_ai.operation.name</c> (<c>chat</c>, <c>text_completion</c> and <c>generate_content</c>
/// are <c>generation</c>), the model from <c>gen_ai.response.model</c>, else
/// <c>gen_ai.request.model</c>, the tokens from <c>gen_ai.usage.input_tokens</c> +
/// <c>output_tokens</c> (or the older <c>prompt_tokens</c>/<c>completion_tokens</c>). Attributes
/// the mapping does not use become <c>meta</c>. So Opper → OTLP → Opper keeps the trace's summary.
/// </para>
/// </remarks>
public static class OtlpJson
{
    /// <summary>The name of the instrumentation scope the export writes spans in.</summary>
    public const string ScopeName = OtlpNames.Scope;

    /// <summary>The <c>service.name</c> of the resource the export writes.</summary>
    public const string ServiceName = OtlpNames.Service;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes <paramref name="trace"/> as one OTLP/JSON <c>ExportTraceServiceRequest</c>, UTF-8, streaming.</summary>
    /// <param name="trace">The trace.</param>
    /// <param name="output">Where the JSON goes; left open.</param>
    /// <exception cref="ArgumentNullException"><paramref name="trace"/> or <paramref name="output"/> is null.</exception>
    public static void Write(GetTraceResponse trace, Stream output)
    {
        if (output is null)
        {
            throw new ArgumentNullException(nameof(output));
        }

        using var text = new StreamWriter(output, Utf8, bufferSize: 65536, leaveOpen: true);
        Write(trace, text);
    }

    /// <summary>Writes <paramref name="trace"/> as one OTLP/JSON <c>ExportTraceServiceRequest</c>, streaming.</summary>
    /// <param name="trace">The trace.</param>
    /// <param name="output">Where the JSON goes; flushed, left open.</param>
    /// <exception cref="ArgumentNullException"><paramref name="trace"/> or <paramref name="output"/> is null.</exception>
    public static void Write(GetTraceResponse trace, TextWriter output)
    {
        if (trace is null)
        {
            throw new ArgumentNullException(nameof(trace));
        }

        if (output is null)
        {
            throw new ArgumentNullException(nameof(output));
        }

        using var json = new JsonTextWriter(output) { Formatting = Formatting.None, CloseOutput = false };
        OtlpWriter.Write(trace, json);
        output.Flush();
    }

    /// <summary>
    /// Reads OTLP/JSON: one <c>ExportTraceServiceRequest</c>, or several in a row as JSON Lines
    /// (one per line, as the OpenTelemetry Collector's file exporter writes them).
    /// </summary>
    /// <param name="input">UTF-8 JSON; left open.</param>
    /// <returns>One trace per trace id, in order of first appearance; one empty trace when there are no spans.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is null.</exception>
    /// <exception cref="JsonException">
    /// The input is not JSON (<see cref="JsonReaderException"/>) or not OTLP's shape
    /// (<see cref="JsonSerializationException"/>); the message and the exception's <c>Path</c> name
    /// the JSON path of the problem, such as <c>resourceSpans[0].scopeSpans[0].spans[3].spanId</c>.
    /// </exception>
    public static IReadOnlyList<GetTraceResponse> Read(Stream input)
    {
        if (input is null)
        {
            throw new ArgumentNullException(nameof(input));
        }

        using var text = new StreamReader(input, Utf8, detectEncodingFromByteOrderMarks: true, bufferSize: 65536, leaveOpen: true);
        return Read(text);
    }

    /// <summary>Reads OTLP/JSON or JSON Lines text; see <see cref="Read(Stream)"/>.</summary>
    /// <param name="input">The JSON text; left open.</param>
    /// <returns>One trace per trace id, in order of first appearance; one empty trace when there are no spans.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is null.</exception>
    /// <exception cref="JsonException">The input is not JSON or not OTLP's shape; the message names the JSON path.</exception>
    public static IReadOnlyList<GetTraceResponse> Read(TextReader input)
    {
        if (input is null)
        {
            throw new ArgumentNullException(nameof(input));
        }

        (List<OtlpRawSpan> spans, List<OtlpRawResource> resources) = OtlpReader.Read(input);
        return OtlpTraceBuilder.Build(spans, resources);
    }

    /// <summary>
    /// The trace id a trace gets in OTLP: the id's 32 lowercase hex digits when it is a UUID,
    /// else the first 16 bytes of the SHA-256 of its UTF-8 text, in hex.
    /// </summary>
    /// <param name="traceId">An Opper trace id.</param>
    /// <returns>32 lowercase hex digits.</returns>
    public static string ToOtlpTraceId(string traceId) => OtlpIds.TraceId(traceId);
}
