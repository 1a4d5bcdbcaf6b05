namespace Opper;

/// <summary>
/// The names the OTLP mapping uses: the resource and scope of a written document, and the
/// attributes that carry Opper's fields through OpenTelemetry.
/// </summary>
internal static class OtlpNames
{
    /// <summary>The scope every exported span is in; spans read from it follow the export's own rules.</summary>
    public const string Scope = "Opper.Traces";

    /// <summary>The <c>service.name</c> of the written resource.</summary>
    public const string Service = "opper";

    public const string ServiceName = "service.name";

    // Span attributes written by the export and read back.
    public const string SpanId = "opper.span.id";
    public const string ParentId = "opper.parent_id";
    public const string SpanType = "opper.span.type";
    public const string Model = "opper.model";
    public const string TotalTokens = "opper.usage.total_tokens";
    public const string Score = "opper.score";
    public const string DurationMs = "opper.duration_ms";
    public const string StartTimeUnknown = "opper.start_time_unknown";
    public const string StartTime = "opper.start_time";
    public const string Input = "opper.input";
    public const string Output = "opper.output";
    public const string Instructions = "opper.instructions";
    public const string Function = "opper.function";
    public const string Tags = "opper.tags";
    public const string DataScore = "opper.data.score";
    public const string GenerationId = "opper.generation_id";
    public const string Observations = "opper.observations";

    // Event attributes of a metric.
    public const string MetricId = "opper.metric.id";
    public const string MetricValue = "opper.metric.value";
    public const string MetricComment = "opper.metric.comment";

    // Resource attributes of the trace itself.
    public const string TraceId = "opper.trace.id";
    public const string TraceName = "opper.trace.name";
    public const string TraceStatus = "opper.trace.status";
    public const string TraceStartTime = "opper.trace.start_time";
    public const string TraceEndTime = "opper.trace.end_time";
    public const string TraceDurationMs = "opper.trace.duration_ms";
    public const string TraceTotalTokens = "opper.trace.total_tokens";
    public const string TraceInput = "opper.trace.input";
    public const string TraceOutput = "opper.trace.output";

    // OpenTelemetry GenAI semantic conventions.
    public const string GenAiRequestModel = "gen_ai.request.model";
    public const string GenAiResponseModel = "gen_ai.response.model";
    public const string GenAiProviderName = "gen_ai.provider.name";
    public const string GenAiOperationName = "gen_ai.operation.name";
    public const string GenAiInputTokens = "gen_ai.usage.input_tokens";
    public const string GenAiOutputTokens = "gen_ai.usage.output_tokens";
    public const string GenAiPromptTokens = "gen_ai.usage.prompt_tokens";
    public const string GenAiCompletionTokens = "gen_ai.usage.completion_tokens";
    public const string GenAiInputMessages = "gen_ai.input.messages";
    public const string GenAiOutputMessages = "gen_ai.output.messages";
    public const string GenAiSystemInstructions = "gen_ai.system_instructions";

    /// <summary>The <c>gen_ai.operation.name</c> of an Opper generation span.</summary>
    public const string ChatOperation = "chat";

    /// <summary>The Opper span type of LLM calls.</summary>
    public const string GenerationType = "generation";

    // Span kinds and status codes: OTLP/JSON writes enums as integers.
    public const int KindInternal = 1;
    public const int KindClient = 3;
    public const int StatusError = 2;

    /// <summary>Whether a <c>gen_ai.operation.name</c> is an LLM call (an Opper <c>generation</c>).</summary>
    public static bool IsGenerationOperation(string? operation) =>
        operation is "chat" or "text_completion" or "generate_content";
}
