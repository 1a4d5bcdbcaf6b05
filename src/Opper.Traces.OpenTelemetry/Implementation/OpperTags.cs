namespace Opper.OpenTelemetry.Implementation;

/// <summary>The Activity tags the exporter maps to span fields (see the package README).</summary>
internal static class OpperTags
{
    /// <summary>Sets the span's <c>type</c>.</summary>
    public const string SpanType = "opper.span.type";

    /// <summary>Sets the span's <c>input</c>.</summary>
    public const string Input = "opper.input";

    /// <summary>Sets the span's <c>output</c>.</summary>
    public const string Output = "opper.output";

    /// <summary>The GenAI operation (<c>chat</c>, <c>embeddings</c>, <c>execute_tool</c>, ...).</summary>
    public const string GenAIOperationName = "gen_ai.operation.name";

    /// <summary>The input messages as JSON text, recorded when the instrumentation may capture content.</summary>
    public const string GenAIInputMessages = "gen_ai.input.messages";

    /// <summary>The output messages as JSON text.</summary>
    public const string GenAIOutputMessages = "gen_ai.output.messages";

    /// <summary>The system instructions as JSON text (an array of parts).</summary>
    public const string GenAISystemInstructions = "gen_ai.system_instructions";

    /// <summary>The status as a tag, from before <c>Activity.Status</c> existed.</summary>
    public const string LegacyStatusCode = "otel.status_code";

    /// <summary>The status description as a tag.</summary>
    public const string LegacyStatusDescription = "otel.status_description";

    /// <summary>Whether a tag holds message content, which is cut at <c>MaxContentLength</c> wherever it goes.</summary>
    public static bool IsContent(string key) =>
        key is GenAIInputMessages or GenAIOutputMessages or GenAISystemInstructions;
}
