using System;
using System.Numerics;
using Newtonsoft.Json.Linq;
using Opper.Models;

namespace Opper;

/// <summary>
/// The model and token rule of the trace analysis, in one place so that the tree, the summary,
/// the multi-trace statistics and every later reader agree: a span's model and tokens come from
/// <c>data</c> when it has them, else from the OpenTelemetry GenAI attributes in <c>meta</c>
/// (as the exporter and OTLP input store them).
/// </summary>
/// <remarks>
/// Reading never throws: a <c>meta</c> value of the wrong kind (a string where a number belongs,
/// an object, an array, null) counts as absent. An empty model counts as no model.
/// </remarks>
internal static class SpanUsage
{
    internal const string ResponseModelKey = "gen_ai.response.model";
    internal const string RequestModelKey = "gen_ai.request.model";
    internal const string InputTokensKey = "gen_ai.usage.input_tokens";
    internal const string OutputTokensKey = "gen_ai.usage.output_tokens";

    /// <summary>
    /// The span's model: <c>data.model</c>, else <c>meta["gen_ai.response.model"]</c>, else
    /// <c>meta["gen_ai.request.model"]</c>; each used only when it is a non-empty string.
    /// </summary>
    internal static string? Model(SpanSchema span)
    {
        string? model = span.Data?.Model;
        if (!string.IsNullOrEmpty(model))
        {
            return model;
        }

        JObject? meta = span.Meta;
        if (meta is null)
        {
            return null;
        }

        return MetaString(meta, ResponseModelKey) ?? MetaString(meta, RequestModelKey);
    }

    /// <summary>
    /// The span's tokens: <c>data.total_tokens</c>, else the sum of
    /// <c>meta["gen_ai.usage.input_tokens"]</c> and <c>meta["gen_ai.usage.output_tokens"]</c>
    /// (either alone when only one is a number); null when none is there.
    /// </summary>
    internal static long? TotalTokens(SpanSchema span)
    {
        long? tokens = span.Data?.TotalTokens;
        if (tokens.HasValue)
        {
            return tokens;
        }

        JObject? meta = span.Meta;
        if (meta is null)
        {
            return null;
        }

        long? input = MetaInteger(meta, InputTokensKey);
        long? output = MetaInteger(meta, OutputTokensKey);
        if (input.HasValue && output.HasValue)
        {
            return SpanTiming.SaturatingAdd(input.Value, output.Value);
        }

        return input ?? output;
    }

    private static string? MetaString(JObject meta, string key) =>
        meta.TryGetValue(key, out JToken? token) &&
        token is JValue { Type: JTokenType.String, Value: string text } &&
        text.Length > 0
            ? text
            : null;

    /// <summary>
    /// A whole number from <c>meta</c>: integers (beyond the range of <see cref="long"/> they
    /// saturate), and finite floats truncated toward zero; anything else is absent.
    /// </summary>
    internal static long? MetaInteger(JObject meta, string key)
    {
        if (!meta.TryGetValue(key, out JToken? token) || token is not JValue value)
        {
            return null;
        }

        switch (value.Value)
        {
            case long whole:
                return whole;
            case int small:
                return small;
            case BigInteger big:
                return big > long.MaxValue ? long.MaxValue : big < long.MinValue ? long.MinValue : (long)big;
            case double real when value.Type == JTokenType.Float:
                return FromReal(real);
            case float single:
                return FromReal(single);
            case decimal exact:
                return exact >= long.MaxValue ? long.MaxValue : exact <= long.MinValue ? long.MinValue : (long)decimal.Truncate(exact);
            default:
                return null;
        }
    }

    private static long? FromReal(double real)
    {
        if (double.IsNaN(real) || double.IsInfinity(real))
        {
            return null;
        }

        // 2^63 is exactly representable; anything at or beyond it saturates.
        if (real >= 9223372036854775808d)
        {
            return long.MaxValue;
        }

        if (real <= -9223372036854775808d)
        {
            return long.MinValue;
        }

        return (long)Math.Truncate(real);
    }
}
