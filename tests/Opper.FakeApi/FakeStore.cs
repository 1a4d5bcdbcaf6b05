using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Opper.FakeApi;

/// <summary>
/// The fake's state: spans by id and trace, and whole traces seeded by tests. Every member takes
/// one lock, so requests handled in parallel see a consistent store.
/// </summary>
internal sealed class FakeStore
{
    /// <summary>The fields of CreateSpanResponse, in the document's order.</summary>
    internal static readonly string[] SpanFields = { "name", "start_time", "id", "trace_id", "parent_id", "type", "end_time", "input", "output", "error", "meta", "score" };

    /// <summary>The fields UpdateSpanRequest may change.</summary>
    private static readonly HashSet<string> PatchableFields = new(StringComparer.Ordinal) { "name", "start_time", "type", "end_time", "input", "output", "error", "meta", "score" };

    private readonly object _gate = new();
    private readonly Dictionary<string, StoredSpan> _spans = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<StoredSpan>> _spansByTrace = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Raw, JObject Parsed)> _seeded = new(StringComparer.Ordinal);
    private readonly List<string> _traceOrder = new();
    private long _sequence;

    private sealed class StoredSpan
    {
        public StoredSpan(JObject fields, long sequence)
        {
            Fields = fields;
            Sequence = sequence;
        }

        public JObject Fields { get; }

        public long Sequence { get; }

        public string Id => (string)Fields["id"]!;

        public string TraceId => (string)Fields["trace_id"]!;
    }

    /// <summary>Stores a span from a CreateSpanRequest-shaped object; null when the id is taken and <paramref name="replace"/> is false.</summary>
    public JObject? AddSpan(JObject request, bool replace)
    {
        var fields = (JObject)request.DeepClone();
        if (FakeJson.String(fields, "id") is not { Length: > 0 })
        {
            fields["id"] = Guid.NewGuid().ToString();
        }

        if (FakeJson.String(fields, "trace_id") is not { Length: > 0 })
        {
            fields["trace_id"] = Guid.NewGuid().ToString();
        }

        lock (_gate)
        {
            var id = (string)fields["id"]!;
            if (_spans.ContainsKey(id))
            {
                if (!replace)
                {
                    return null;
                }

                RemoveSpan(id);
            }

            var span = new StoredSpan(fields, _sequence++);
            _spans.Add(id, span);
            if (!_spansByTrace.TryGetValue(span.TraceId, out var list))
            {
                _spansByTrace.Add(span.TraceId, list = new List<StoredSpan>());
                if (!_seeded.ContainsKey(span.TraceId))
                {
                    _traceOrder.Add(span.TraceId);
                }
            }

            list.Add(span);
            return SpanResponse(span.Fields);
        }
    }

    /// <summary>The span as GetSpanResponse, or null.</summary>
    public JObject? GetSpan(string id)
    {
        lock (_gate)
        {
            if (!_spans.TryGetValue(id, out var span))
            {
                return null;
            }

            var response = SpanResponse(span.Fields);
            response["feedback"] = span.Fields.TryGetValue("feedback", out var feedback) ? feedback.DeepClone() : JValue.CreateNull();
            return response;
        }
    }

    /// <summary>Merges the sent UpdateSpanRequest fields (an explicit null clears one); null when the span is unknown.</summary>
    public JObject? PatchSpan(string id, JObject patch)
    {
        lock (_gate)
        {
            if (!_spans.TryGetValue(id, out var span))
            {
                return null;
            }

            foreach (var property in patch.Properties().Where(p => PatchableFields.Contains(p.Name)))
            {
                span.Fields[property.Name] = property.Value.DeepClone();
            }

            return SpanResponse(span.Fields);
        }
    }

    public bool DeleteSpan(string id)
    {
        lock (_gate)
        {
            return RemoveSpan(id);
        }
    }

    private bool RemoveSpan(string id)
    {
        if (!_spans.Remove(id, out var span))
        {
            return false;
        }

        var list = _spansByTrace[span.TraceId];
        list.Remove(span);
        if (list.Count == 0)
        {
            _spansByTrace.Remove(span.TraceId);
            if (!_seeded.ContainsKey(span.TraceId))
            {
                _traceOrder.Remove(span.TraceId);
            }
        }

        return true;
    }

    /// <summary>Stores a whole GetTraceResponse, served as sent; returns its id.</summary>
    public string AddTrace(string json)
    {
        var parsed = FakeJson.ParseObject(json, "A GetTraceResponse");
        var id = FakeJson.String(parsed, "id") ?? throw new ArgumentException("The trace has no string \"id\".", nameof(json));
        lock (_gate)
        {
            if (!_seeded.ContainsKey(id) && !_spansByTrace.ContainsKey(id))
            {
                _traceOrder.Add(id);
            }

            _seeded[id] = (json, parsed);
        }

        return id;
    }

    /// <summary>The GetTraceResponse body text, or null when the trace is unknown.</summary>
    public string? GetTraceText(string traceId)
    {
        lock (_gate)
        {
            if (_seeded.TryGetValue(traceId, out var seeded))
            {
                return seeded.Raw;
            }

            return _spansByTrace.TryGetValue(traceId, out var spans) ? FakeJson.Write(TraceAssembly.Build(traceId, spans.Select(s => s.Fields))) : null;
        }
    }

    /// <summary>Traces in the order they were first stored, filtered by exact name, then paged.</summary>
    public (int Total, List<JObject> Page) ListTraces(string? name, int offset, int limit)
    {
        lock (_gate)
        {
            var matching = AllTraces().Where(t => name is null || FakeJson.String(t, "name") == name).ToList();
            var page = matching.Skip(offset).Take(limit).Select(t =>
            {
                var item = (JObject)t.DeepClone();
                item.Remove("spans");
                return item;
            }).ToList();
            return (matching.Count, page);
        }
    }

    public List<JObject> Traces()
    {
        lock (_gate)
        {
            return AllTraces().Select(t => (JObject)t.DeepClone()).ToList();
        }
    }

    public List<JObject> Spans()
    {
        lock (_gate)
        {
            return _spans.Values.OrderBy(s => s.Sequence).Select(s => (JObject)s.Fields.DeepClone()).ToList();
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _spans.Clear();
            _spansByTrace.Clear();
            _seeded.Clear();
            _traceOrder.Clear();
        }
    }

    private IEnumerable<JObject> AllTraces() =>
        _traceOrder.Select(id => _seeded.TryGetValue(id, out var seeded) ? seeded.Parsed : TraceAssembly.Build(id, _spansByTrace[id].Select(s => s.Fields)));

    /// <summary>A stored span in CreateSpanResponse's shape: every field, null when unset.</summary>
    private static JObject SpanResponse(JObject fields)
    {
        var response = new JObject();
        foreach (var name in SpanFields)
        {
            response[name] = fields.TryGetValue(name, StringComparison.Ordinal, out var value) ? value.DeepClone() : JValue.CreateNull();
        }

        return response;
    }
}
