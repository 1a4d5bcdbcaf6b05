using System.IO;
using Newtonsoft.Json;

namespace Opper.Traces.Cli;

/// <summary>Tells OTLP/JSON from Opper's trace JSON by content: OTLP's top-level object has <c>resourceSpans</c>.</summary>
internal static class OtlpDetector
{
    /// <summary>
    /// Whether the first JSON object of <paramref name="text"/> has a top-level <c>resourceSpans</c>
    /// property. Stops at the first property that only Opper's trace has; anything unreadable is
    /// "no", so that the trace reader reports it.
    /// </summary>
    public static bool IsOtlp(TextReader text)
    {
        using var json = new JsonTextReader(text) { DateParseHandling = DateParseHandling.None, MaxDepth = 256, CloseInput = false };
        try
        {
            if (!ReadSkippingComments(json) || json.TokenType != JsonToken.StartObject)
            {
                return false;
            }

            while (ReadSkippingComments(json) && json.TokenType == JsonToken.PropertyName)
            {
                switch ((string?)json.Value)
                {
                    case "resourceSpans":
                        return true;
                    case "id":
                    case "spans":
                        return false;
                }

                json.Read();
                json.Skip();
            }

            return false;
        }
        catch (JsonReaderException)
        {
            return false;
        }
    }

    private static bool ReadSkippingComments(JsonReader json)
    {
        while (json.Read())
        {
            if (json.TokenType != JsonToken.Comment)
            {
                return true;
            }
        }

        return false;
    }
}
