namespace Opper.Models;

// CUSTOM: span-tree traversal and aggregation are not in the OpenAPI spec, so the generator
// cannot emit them. They are hand-written here, on the generated partial class, so that users
// call them on the DTO they already have; the work itself lives in Opper.SpanTree and
// Opper.TraceSummary (src/Opper.Traces/Analysis).
public partial class GetTraceResponse
{
    /// <summary>
    /// Arranges the trace's spans as a tree: roots, children, depth, self time, the critical
    /// path and a text rendering. Never throws for bad data; problems such as orphans, parent
    /// cycles and duplicate ids are repaired and listed in <see cref="Opper.SpanTree.Problems"/>.
    /// </summary>
    /// <returns>The tree; empty when <see cref="Spans"/> is null or empty.</returns>
    /// <remarks>The tree keeps this trace, so that <see cref="Opper.SpanTree.Summarize"/> knows its id and <c>duration_ms</c>.</remarks>
    public Opper.SpanTree BuildTree() => Opper.SpanTree.FromTrace(this);

    /// <summary>
    /// Computes the trace's summary: shape, tokens, time per span type and model, generation
    /// time and share, errors, metrics and scores.
    /// </summary>
    /// <returns>The summary.</returns>
    /// <remarks>
    /// This builds the tree; when you already hold one from <see cref="BuildTree"/>, call
    /// <see cref="Opper.SpanTree.Summarize"/> on it instead: the same summary, without building again.
    /// </remarks>
    public Opper.TraceSummary Summarize() => BuildTree().Summarize();

    /// <summary>
    /// The trace as OTLP/JSON, the OpenTelemetry protocol's JSON encoding: one
    /// <c>ExportTraceServiceRequest</c> for an OpenTelemetry Collector, Jaeger or Grafana Tempo.
    /// See <see cref="Opper.OtlpJson"/> for the mapping.
    /// </summary>
    /// <returns>The JSON text.</returns>
    public string ToOtlpJson()
    {
        using var text = new System.IO.StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        Opper.OtlpJson.Write(this, text);
        return text.ToString();
    }
}
