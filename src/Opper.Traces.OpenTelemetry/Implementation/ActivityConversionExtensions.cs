using System;
using System.Diagnostics;
using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Opper.Models;

namespace Opper.OpenTelemetry.Implementation;

/// <summary>
/// Turns one ended <see cref="Activity"/> into the body of <c>POST /spans</c>. Pure: it reads the
/// Activity and allocates the request, nothing else, so it can be tested without a provider.
/// </summary>
internal static class ActivityConversionExtensions
{
    private const string ErrorStatusCode = "ERROR";

    // What an absent parent reads as.
    private const string NoSpan = "0000000000000000";

    /// <summary>Builds the span for <paramref name="activity"/>; strings of input and output are cut at <paramref name="maxContentLength"/>.</summary>
    /// <param name="activity">An ended Activity.</param>
    /// <param name="maxContentLength">The longest input or output text kept, in characters.</param>
    /// <returns>The request body.</returns>
    public static CreateSpanRequest ToOpperSpan(this Activity activity, int maxContentLength)
    {
        var traceHex = activity.TraceId.ToHexString();
        var start = new DateTimeOffset(DateTime.SpecifyKind(activity.StartTimeUtc, DateTimeKind.Utc));
        var span = new CreateSpanRequest
        {
            Name = activity.DisplayName,
            Id = OpperIds.SpanId(activity.SpanId, traceHex),
            TraceId = OpperIds.TraceId(traceHex),
            StartTime = start,
            EndTime = start + activity.Duration,
        };

        if (activity.ParentSpanId.ToHexString() is { } parentHex && parentHex != NoSpan)
        {
            span.ParentId = OpperIds.SpanId(activity.ParentSpanId, traceHex);
        }

        var tags = ActivityTags.Read(activity);

        if (SpanType(tags) is { } type)
        {
            span.Type = type;
        }

        if (Error(activity, tags) is { } error)
        {
            span.Error = error;
        }

        if (Content(tags.Input, tags.InputMessages, tags.SystemInstructions, maxContentLength) is { } input)
        {
            span.Input = input;
        }

        if (Content(tags.Output, tags.OutputMessages, null, maxContentLength) is { } output)
        {
            span.Output = output;
        }

        if (Meta(tags, maxContentLength) is { } meta)
        {
            span.Meta = meta;
        }

        return span;
    }

    /// <summary><c>opper.span.type</c>; else <c>generation</c> for chat, text completion and content generation; else the GenAI operation name.</summary>
    internal static string? SpanType(in ActivityTags tags)
    {
        if (tags.SpanType is { } explicitType && Text(explicitType) is { Length: > 0 } text)
        {
            return text;
        }

        if (tags.OperationName is not string operation || operation.Length == 0)
        {
            return null;
        }

        return operation switch
        {
            "chat" or "text_completion" or "generate_content" => "generation",
            _ => operation,
        };
    }

    /// <summary>The error text of a failed Activity: its status description, else the recorded exception, else "Error".</summary>
    internal static string? Error(Activity activity, in ActivityTags tags)
    {
        string? description;
        if (activity.Status == ActivityStatusCode.Error)
        {
            description = activity.StatusDescription;
        }
        else if (activity.Status == ActivityStatusCode.Unset
            && tags.LegacyStatusCode is string code
            && string.Equals(code, ErrorStatusCode, StringComparison.OrdinalIgnoreCase))
        {
            // The status as tags: what instrumentation wrote before Activity had a Status.
            description = tags.LegacyStatusDescription as string;
        }
        else
        {
            return null;
        }

        if (!string.IsNullOrEmpty(description))
        {
            return description;
        }

        foreach (var activityEvent in activity.Events)
        {
            if (activityEvent.Name != "exception")
            {
                continue;
            }

            string? type = null;
            string? message = null;
            foreach (var tag in activityEvent.Tags)
            {
                if (tag.Key == "exception.type")
                {
                    type = tag.Value as string;
                }
                else if (tag.Key == "exception.message")
                {
                    message = tag.Value as string;
                }
            }

            if (type is not null || message is not null)
            {
                return type is null ? message : message is null ? type : type + ": " + message;
            }
        }

        return "Error";
    }

    /// <summary>
    /// Input or output: the <c>opper.*</c> tag when set (JSON types kept, text cut); else the GenAI
    /// messages as their JSON text, system instructions first as a <c>system</c> message, cut.
    /// </summary>
    internal static JToken? Content(object? explicitValue, object? messages, object? systemInstructions, int maxContentLength)
    {
        if (explicitValue is not null)
        {
            return TagValues.ToJson(explicitValue, maxContentLength);
        }

        var messagesText = messages is null ? null : Text(messages);
        var instructionsText = systemInstructions is null ? null : Text(systemInstructions);
        if (instructionsText is null)
        {
            return messagesText is null ? null : new JValue(ContentText.Cut(messagesText, maxContentLength));
        }

        // [{"role":"system","parts":<instructions>}, ...messages]: one array in the shape of the messages.
        var combined = new JArray(new JObject
        {
            ["role"] = "system",
            ["parts"] = ParseOrText(instructionsText),
        });
        if (messagesText is not null)
        {
            if (ParseOrText(messagesText) is JArray array)
            {
                foreach (var message in array)
                {
                    combined.Add(message);
                }
            }
            else
            {
                combined.Add(new JValue(messagesText));
            }
        }

        return new JValue(ContentText.Cut(combined.ToString(Formatting.None), maxContentLength));
    }

    /// <summary>Every tag not mapped to a field, JSON types kept; content attributes that stayed here are cut like content.</summary>
    internal static JObject? Meta(in ActivityTags tags, int maxContentLength)
    {
        if (tags.Others is null)
        {
            return null;
        }

        var meta = new JObject();
        foreach (var tag in tags.Others)
        {
            var limit = OpperTags.IsContent(tag.Key) ? maxContentLength : int.MaxValue;
            meta[tag.Key] = TagValues.ToJson(tag.Value, limit);
        }

        return meta;
    }

    private static JToken ParseOrText(string text)
    {
        try
        {
            using var reader = new JsonTextReader(new System.IO.StringReader(text))
            {
                DateParseHandling = DateParseHandling.None,
                MaxDepth = 128,
            };
            var token = JToken.ReadFrom(reader);
            return reader.Read() ? new JValue(text) : token;
        }
        catch (JsonException)
        {
            return new JValue(text);
        }
    }

    private static string Text(object value) =>
        value as string ?? Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
}
