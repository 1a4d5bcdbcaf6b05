using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Opper.Models;

namespace Opper.Traces.Tests.Client.Support;

/// <summary>
/// One call per spec operation (by operationId), with valid arguments: the tests that apply to
/// every operation (error mapping, cancellation) run through this table, and
/// <see cref="OperationCoverageTests"/> checks it names every operation of the spec.
/// </summary>
internal static class OperationCalls
{
    public static readonly IReadOnlyDictionary<string, Func<OpperClient, CancellationToken, Task>> All =
        new Dictionary<string, Func<OpperClient, CancellationToken, Task>>(StringComparer.Ordinal)
        {
            ["list_traces_traces_get"] = (c, ct) => c.Traces.ListAsync(cancellationToken: ct),
            ["get_trace_traces__trace_id__get"] = (c, ct) => c.Traces.GetAsync(Wire.TraceId, ct),
            ["create_span_spans_post"] = (c, ct) => c.Spans.CreateAsync(new CreateSpanRequest { Name = "fetch_page" }, ct),
            ["get_span_spans__span_id__get"] = (c, ct) => c.Spans.GetAsync(Wire.RootSpanId, ct),
            ["update_span_spans__span_id__patch"] = (c, ct) => c.Spans.UpdateAsync(Wire.RootSpanId, new UpdateSpanRequest { Name = "renamed" }, ct),
            ["delete_span_spans__span_id__delete"] = (c, ct) => c.Spans.DeleteAsync(Wire.RootSpanId, ct),
            ["save_to_dataset_spans__span_id__save_examples_post"] = (c, ct) => c.Spans.SaveExamplesAsync(Wire.RootSpanId, ct),
            ["submit_span_feedback_spans__span_id__feedback_post"] = (c, ct) => c.Spans.SubmitFeedbackAsync(Wire.RootSpanId, new SubmitFeedbackRequest { Score = 1 }, ct),
            ["create_metric_spans__span_id__metrics_post"] = (c, ct) => c.SpanMetrics.CreateAsync(Wire.RootSpanId, new CreateSpanMetricRequest { Dimension = "relevance", Value = 0.5 }, ct),
            ["list_metrics_spans__span_id__metrics_get"] = (c, ct) => c.SpanMetrics.ListAsync(Wire.RootSpanId, cancellationToken: ct),
            ["get_metric_spans__span_id__metrics__metric_id__get"] = (c, ct) => c.SpanMetrics.GetAsync(Wire.RootSpanId, Wire.MetricId, ct),
            ["update_metric_spans__span_id__metrics__metric_id__patch"] = (c, ct) => c.SpanMetrics.UpdateAsync(Wire.RootSpanId, Wire.MetricId, new UpdateSpanMetricRequest { Value = 1 }, ct),
            ["delete_metric_spans__span_id__metrics__metric_id__delete"] = (c, ct) => c.SpanMetrics.DeleteAsync(Wire.RootSpanId, Wire.MetricId, ct),
            ["create_function_functions_post"] = (c, ct) => c.Functions.CreateAsync(new CreateFunctionRequest { Name = "f", Instructions = "i" }, ct),
            ["call_function_functions__function_id__call_post"] = (c, ct) => c.Functions.CallAsync(Wire.FunctionId, new CallFunctionRequest { Input = "hi" }, ct),
        };

    public static Task Call(OpperClient client, string operationId, CancellationToken cancellationToken = default) =>
        All.TryGetValue(operationId, out var call)
            ? call(client, cancellationToken)
            : throw new InvalidOperationException($"No call registered for operation {operationId}: add it to {nameof(OperationCalls)}.");
}
