using System;
using System.IO;
using System.Text.Json;
using Newtonsoft.Json;

namespace Opper.Traces.Cli.Mcp;

/// <summary>
/// A command's <c>--json</c> document without its indentation, for a model's context: the same
/// tokens, names and numbers as written, copied token by token.
/// </summary>
internal static class CompactJson
{
    /// <summary>Runs <paramref name="write"/> (a command's JSON writer) and returns its document on one line.</summary>
    public static string Write(Action<TextWriter> write)
    {
        using var indented = new StringWriter();
        write(indented);

        using var compact = new StringWriter();
        using (var reader = new JsonTextReader(new StringReader(indented.ToString())) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Double })
        using (var writer = new JsonTextWriter(compact) { Formatting = Formatting.None, CloseOutput = false })
        {
            writer.WriteToken(reader);
        }

        return compact.ToString();
    }

    /// <summary>JSON text as a protocol value (structured content, schemas).</summary>
    public static JsonElement Element(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
