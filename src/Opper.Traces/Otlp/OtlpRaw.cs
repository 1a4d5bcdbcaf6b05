using System.Collections.Generic;
using Newtonsoft.Json.Linq;

namespace Opper;

/// <summary>A resource of an OTLP document as read: its attributes.</summary>
internal sealed class OtlpRawResource
{
    public List<KeyValuePair<string, JToken?>> Attributes { get; } = new();
}

/// <summary>An instrumentation scope as read: its name decides how its spans are read back.</summary>
internal sealed class OtlpRawScope
{
    public OtlpRawScope(OtlpRawResource resource)
    {
        Resource = resource;
    }

    public OtlpRawResource Resource { get; }

    public string? Name { get; set; }

    public bool IsOpper => Name == OtlpNames.Scope;
}

/// <summary>A span event as read.</summary>
internal sealed class OtlpRawEvent
{
    public string? Name { get; set; }

    public ulong TimeNanos { get; set; }

    public List<KeyValuePair<string, JToken?>> Attributes { get; } = new();
}

/// <summary>
/// One span as read from OTLP/JSON, before it becomes an Opper span: ids as lowercase hex,
/// times as Unix nanoseconds (0 when absent), attribute values as JSON.
/// </summary>
internal sealed class OtlpRawSpan
{
    public OtlpRawSpan(OtlpRawScope scope)
    {
        Scope = scope;
    }

    public OtlpRawScope Scope { get; }

    public string TraceId { get; set; } = string.Empty;

    public string SpanId { get; set; } = string.Empty;

    public string ParentSpanId { get; set; } = string.Empty;

    public string? Name { get; set; }

    public ulong StartNanos { get; set; }

    public ulong EndNanos { get; set; }

    public List<KeyValuePair<string, JToken?>> Attributes { get; } = new();

    public List<OtlpRawEvent>? Events { get; set; }

    public int StatusCode { get; set; }

    public string? StatusMessage { get; set; }
}
