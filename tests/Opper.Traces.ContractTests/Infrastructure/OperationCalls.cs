using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Opper.Models;
using N = Opper.Traces.ContractTests.NSwag;

namespace Opper.Traces.ContractTests.Infrastructure;

/// <summary>The arguments of one call: path parameters, query parameters (JSON values) and the body.</summary>
internal sealed record CallInput(IReadOnlyDictionary<string, string> Path, IReadOnlyDictionary<string, JToken> Query, JToken? Body)
{
    public string P(string name) => Path[name];

    public Guid G(string name) => Guid.Parse(Path[name]);

    public string? QString(string name) => Query.TryGetValue(name, out var value) ? (string?)value : null;

    public long? QLong(string name) => Query.TryGetValue(name, out var value) ? (long?)value : null;

    public int? QInt(string name) => Query.TryGetValue(name, out var value) ? (int?)value : null;

    /// <summary>The body as our DTO, read with JsonConvert's default settings (the generated converters are attached).</summary>
    public T Ours<T>() => JsonConvert.DeserializeObject<T>(Json.Text(Body!))!;

    /// <summary>The body as NSwag's DTO, read with NSwag's settings.</summary>
    public T Theirs<T>() => JsonConvert.DeserializeObject<T>(Json.Text(Body!), Exchange.NSwagSettings)!;
}

/// <summary>One spec operation, called through our client and through NSwag's.</summary>
internal sealed record OperationCall(
    Func<OpperClient, CallInput, CancellationToken, Task<object?>> Ours,
    Func<NSwagClients, CallInput, CancellationToken, Task<object?>> Theirs);

/// <summary>
/// How each operation of the spec is called on both clients. The contract tests enumerate the
/// operations from the spec itself, so an operation added to the spec and missing here fails.
/// </summary>
internal static class OperationCalls
{
    public static readonly IReadOnlyDictionary<string, OperationCall> ByOperationId = new Dictionary<string, OperationCall>(StringComparer.Ordinal)
    {
        ["list_traces_traces_get"] = new(
            async (c, i, ct) => await c.Traces.ListAsync(i.QString("name"), i.QLong("offset"), i.QLong("limit"), ct),
            async (n, i, ct) => await n.Traces.List_traces_traces_getAsync(i.QString("name"), i.QInt("offset"), i.QInt("limit"), ct)),
        ["get_trace_traces__trace_id__get"] = new(
            async (c, i, ct) => await c.Traces.GetAsync(i.P("trace_id"), ct),
            async (n, i, ct) => await n.Traces.Get_trace_traces__trace_id__getAsync(i.G("trace_id"), ct)),
        ["create_span_spans_post"] = new(
            async (c, i, ct) => await c.Spans.CreateAsync(i.Ours<CreateSpanRequest>(), ct),
            async (n, i, ct) => await n.Spans.Create_span_spans_postAsync(i.Theirs<N.CreateSpanRequest>(), ct)),
        ["get_span_spans__span_id__get"] = new(
            async (c, i, ct) => await c.Spans.GetAsync(i.P("span_id"), ct),
            async (n, i, ct) => await n.Spans.Get_span_spans__span_id__getAsync(i.G("span_id"), ct)),
        ["update_span_spans__span_id__patch"] = new(
            async (c, i, ct) => await c.Spans.UpdateAsync(i.P("span_id"), i.Ours<UpdateSpanRequest>(), ct),
            async (n, i, ct) => await n.Spans.Update_span_spans__span_id__patchAsync(i.G("span_id"), i.Theirs<N.UpdateSpanRequest>(), ct)),
        ["delete_span_spans__span_id__delete"] = new(
            async (c, i, ct) => { await c.Spans.DeleteAsync(i.P("span_id"), ct); return null; },
            async (n, i, ct) => { await n.Spans.Delete_span_spans__span_id__deleteAsync(i.G("span_id"), ct); return null; }),
        ["save_to_dataset_spans__span_id__save_examples_post"] = new(
            async (c, i, ct) => await c.Spans.SaveExamplesAsync(i.P("span_id"), ct),
            async (n, i, ct) => await n.Spans.Save_to_dataset_spans__span_id__save_examples_postAsync(i.G("span_id"), ct)),
        ["submit_span_feedback_spans__span_id__feedback_post"] = new(
            async (c, i, ct) => await c.Spans.SubmitFeedbackAsync(i.P("span_id"), i.Ours<SubmitFeedbackRequest>(), ct),
            async (n, i, ct) => await n.Spans.Submit_span_feedback_spans__span_id__feedback_postAsync(i.G("span_id"), i.Theirs<N.SubmitFeedbackRequest>(), ct)),
        ["create_metric_spans__span_id__metrics_post"] = new(
            async (c, i, ct) => await c.SpanMetrics.CreateAsync(i.P("span_id"), i.Ours<CreateSpanMetricRequest>(), ct),
            async (n, i, ct) => await n.SpanMetrics.Create_metric_spans__span_id__metrics_postAsync(i.G("span_id"), i.Theirs<N.CreateSpanMetricRequest>(), ct)),
        ["list_metrics_spans__span_id__metrics_get"] = new(
            async (c, i, ct) => await c.SpanMetrics.ListAsync(i.P("span_id"), i.QLong("offset"), i.QLong("limit"), ct),
            async (n, i, ct) => await n.SpanMetrics.List_metrics_spans__span_id__metrics_getAsync(i.G("span_id"), i.QInt("offset"), i.QInt("limit"), ct)),
        ["get_metric_spans__span_id__metrics__metric_id__get"] = new(
            async (c, i, ct) => await c.SpanMetrics.GetAsync(i.P("span_id"), i.P("metric_id"), ct),
            async (n, i, ct) => await n.SpanMetrics.Get_metric_spans__span_id__metrics__metric_id__getAsync(i.G("span_id"), i.G("metric_id"), ct)),
        ["update_metric_spans__span_id__metrics__metric_id__patch"] = new(
            async (c, i, ct) => await c.SpanMetrics.UpdateAsync(i.P("span_id"), i.P("metric_id"), i.Ours<UpdateSpanMetricRequest>(), ct),
            async (n, i, ct) => await n.SpanMetrics.Update_metric_spans__span_id__metrics__metric_id__patchAsync(i.G("span_id"), i.G("metric_id"), i.Theirs<N.UpdateSpanMetricRequest>(), ct)),
        ["delete_metric_spans__span_id__metrics__metric_id__delete"] = new(
            async (c, i, ct) => { await c.SpanMetrics.DeleteAsync(i.P("span_id"), i.P("metric_id"), ct); return null; },
            async (n, i, ct) => { await n.SpanMetrics.Delete_metric_spans__span_id__metrics__metric_id__deleteAsync(i.G("span_id"), i.G("metric_id"), ct); return null; }),
        ["create_function_functions_post"] = new(
            async (c, i, ct) => await c.Functions.CreateAsync(i.Ours<CreateFunctionRequest>(), ct),
            async (n, i, ct) => await n.Functions.Create_function_functions_postAsync(i.Theirs<N.CreateFunctionRequest>(), ct)),
        ["call_function_functions__function_id__call_post"] = new(
            async (c, i, ct) => await c.Functions.CallAsync(i.P("function_id"), i.Ours<CallFunctionRequest>(), ct),
            async (n, i, ct) => await n.Functions.Call_function_functions__function_id__call_postAsync(i.G("function_id"), i.Theirs<N.App__api__public__v2__functions__CallFunctionRequest>(), ct)),
    };
}
