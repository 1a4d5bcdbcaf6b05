using System.Collections.Generic;
using System.Diagnostics;

namespace Opper.OpenTelemetry.Implementation;

/// <summary>An Activity's tags read once: the ones the exporter maps to fields, and the others in order.</summary>
internal readonly struct ActivityTags
{
    private ActivityTags(
        object? spanType,
        object? operationName,
        object? input,
        object? output,
        object? inputMessages,
        object? outputMessages,
        object? systemInstructions,
        object? legacyStatusCode,
        object? legacyStatusDescription,
        List<KeyValuePair<string, object?>>? others)
    {
        SpanType = spanType;
        OperationName = operationName;
        Input = input;
        Output = output;
        InputMessages = inputMessages;
        OutputMessages = outputMessages;
        SystemInstructions = systemInstructions;
        LegacyStatusCode = legacyStatusCode;
        LegacyStatusDescription = legacyStatusDescription;
        Others = others;
    }

    public object? SpanType { get; }

    public object? OperationName { get; }

    /// <summary><c>opper.input</c>.</summary>
    public object? Input { get; }

    /// <summary><c>opper.output</c>.</summary>
    public object? Output { get; }

    /// <summary><c>gen_ai.input.messages</c>, unless <c>opper.input</c> took its place (then it is in <see cref="Others"/>).</summary>
    public object? InputMessages { get; }

    /// <summary><c>gen_ai.output.messages</c>, unless <c>opper.output</c> took its place.</summary>
    public object? OutputMessages { get; }

    /// <summary><c>gen_ai.system_instructions</c>, unless <c>opper.input</c> took its place.</summary>
    public object? SystemInstructions { get; }

    public object? LegacyStatusCode { get; }

    public object? LegacyStatusDescription { get; }

    /// <summary>The tags that become <c>meta</c>, in the Activity's order; null when there are none.</summary>
    public List<KeyValuePair<string, object?>>? Others { get; }

    public static ActivityTags Read(Activity activity)
    {
        object? spanType = null, operationName = null, input = null, output = null;
        object? inputMessages = null, outputMessages = null, systemInstructions = null;
        object? statusCode = null, statusDescription = null;
        List<KeyValuePair<string, object?>>? others = null;

        foreach (ref readonly var tag in activity.EnumerateTagObjects())
        {
            switch (tag.Key)
            {
                case OpperTags.SpanType:
                    spanType = tag.Value;
                    continue;
                case OpperTags.Input:
                    input = tag.Value;
                    continue;
                case OpperTags.Output:
                    output = tag.Value;
                    continue;
                case OpperTags.GenAIInputMessages:
                    inputMessages = tag.Value;
                    continue;
                case OpperTags.GenAIOutputMessages:
                    outputMessages = tag.Value;
                    continue;
                case OpperTags.GenAISystemInstructions:
                    systemInstructions = tag.Value;
                    continue;
                case OpperTags.LegacyStatusCode:
                    statusCode = tag.Value;
                    continue;
                case OpperTags.LegacyStatusDescription:
                    statusDescription = tag.Value;
                    continue;
                case OpperTags.GenAIOperationName:
                    // Used for the type, and kept in meta: it names the operation more precisely.
                    operationName = tag.Value;
                    break;
            }

            (others ??= new List<KeyValuePair<string, object?>>()).Add(tag);
        }

        // Content attributes that an explicit opper.input/opper.output replaced stay visible in meta.
        if (input is not null)
        {
            AddOther(ref others, OpperTags.GenAISystemInstructions, ref systemInstructions);
            AddOther(ref others, OpperTags.GenAIInputMessages, ref inputMessages);
        }

        if (output is not null)
        {
            AddOther(ref others, OpperTags.GenAIOutputMessages, ref outputMessages);
        }

        return new ActivityTags(spanType, operationName, input, output, inputMessages, outputMessages, systemInstructions, statusCode, statusDescription, others);
    }

    private static void AddOther(ref List<KeyValuePair<string, object?>>? others, string key, ref object? value)
    {
        if (value is not null)
        {
            (others ??= new List<KeyValuePair<string, object?>>()).Add(new KeyValuePair<string, object?>(key, value));
            value = null;
        }
    }
}
