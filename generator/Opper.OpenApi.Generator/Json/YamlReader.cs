using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Opper.OpenApi.Generator.Json;

/// <summary>
/// Reads a YAML document into the same <see cref="JsonNode"/> model as <see cref="JsonParser"/>,
/// with the offsets of every value, so that nothing downstream knows which syntax the spec used.
/// YamlDotNet tokenizes; this class applies the YAML 1.2 core schema that OpenAPI requires
/// (<c>on</c>, <c>yes</c> and <c>no</c> stay strings; mapping keys are always strings, so
/// <c>200:</c> is the status "200"), resolves aliases, and turns every failure into a
/// <see cref="JsonParseException"/> at the offending offset.
/// </summary>
internal static class YamlReader
{
    /// <summary>Nesting deeper than this is refused, as in the JSON reader.</summary>
    public const int MaxDepth = JsonParser.MaxDepth;

    /// <summary>
    /// How many values the document may stand for once aliases are expanded: an alias is shared,
    /// not copied, but whoever walks the tree visits it once per use ("billion laughs").
    /// </summary>
    public const long MaxExpandedValues = 20_000_000;

    private static readonly Regex PositionPrefix = new(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ", RegexOptions.CultureInvariant);
    private static readonly Regex Integer = new(@"^[-+]?[0-9]+$", RegexOptions.CultureInvariant);
    private static readonly Regex Octal = new(@"^0o[0-7]+$", RegexOptions.CultureInvariant);
    private static readonly Regex Hexadecimal = new(@"^0x[0-9a-fA-F]+$", RegexOptions.CultureInvariant);
    private static readonly Regex Float = new(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant);

    public static JsonNode Parse(string text)
    {
        State? reader = null;
        try
        {
            var parser = new Parser(new StringReader(text));
            parser.Consume<StreamStart>();
            if (!parser.Accept<DocumentStart>(out _))
            {
                throw new JsonParseException("the document is empty", 0);
            }

            parser.Consume<DocumentStart>();
            reader = new State(parser);
            var root = reader.Read(0);
            parser.Consume<DocumentEnd>();
            if (parser.Accept<DocumentStart>(out var second))
            {
                throw new JsonParseException("the file holds more than one YAML document", Offset(second.Start));
            }

            return root.Node;
        }
        catch (YamlException ex)
        {
            throw new JsonParseException(PositionPrefix.Replace(ex.Message, string.Empty), Offset(ex.Start));
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's parser gives up this way on some unclosed flow collections.
            throw new JsonParseException("this collection is not closed well (a missing ']' or '}'?)", reader?.LastOffset ?? 0);
        }
    }

    private static int Offset(Mark mark) => (int)Math.Max(0, Math.Min(int.MaxValue, mark.Index));

    /// <summary>The value of a plain scalar under the YAML 1.2 core schema.</summary>
    private static JsonNode Resolve(Scalar scalar, int start, int end)
    {
        var value = scalar.Value;
        var tag = scalar.Tag.IsEmpty ? null : scalar.Tag.Value;
        if (scalar.Style != ScalarStyle.Plain || tag is "tag:yaml.org,2002:str" or "!")
        {
            return new JsonString(value, start, end);
        }

        switch (value)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return new JsonLiteral(JsonKind.Null, start, end);
            case "true" or "True" or "TRUE":
                return new JsonLiteral(JsonKind.True, start, end);
            case "false" or "False" or "FALSE":
                return new JsonLiteral(JsonKind.False, start, end);
        }

        if (Integer.IsMatch(value))
        {
            // Base 10 whatever the leading zeros ("012" is 12), in JSON's spelling.
            var sign = value[0] == '-' ? "-" : string.Empty;
            var digits = value.TrimStart('+', '-').TrimStart('0');
            return new JsonNumber(digits.Length == 0 ? "0" : sign + digits, start, end);
        }

        if (Octal.IsMatch(value) || Hexadecimal.IsMatch(value))
        {
            var digits = value.Substring(2);
            var fromBase = value[1] == 'o' ? 8 : 16;
            return digits.Length <= 15
                ? new JsonNumber(Convert.ToInt64(digits, fromBase).ToString(CultureInfo.InvariantCulture), start, end)
                : new JsonString(value, start, end);
        }

        if (Float.IsMatch(value))
        {
            // In JSON's spelling: no '+', a digit on each side of the point (".5" → "0.5", "1." → "1.0").
            var raw = value.TrimStart('+');
            var sign = raw.StartsWith("-", StringComparison.Ordinal) ? "-" : string.Empty;
            raw = raw.Substring(sign.Length);
            raw = raw.StartsWith(".", StringComparison.Ordinal) ? "0" + raw : raw;
            raw = Regex.Replace(raw, @"\.(?![0-9])", ".0");
            return new JsonNumber(sign + raw, start, end);
        }

        // Everything else is a string; so are .inf and .nan, floats in YAML without a JSON spelling.
        return new JsonString(value, start, end);
    }

    /// <summary>A value read from the event stream, with the number of values it stands for.</summary>
    private readonly struct Read
    {
        public Read(JsonNode node, long size)
        {
            Node = node;
            Size = size;
        }

        public JsonNode Node { get; }

        public long Size { get; }
    }

    private sealed class State
    {
        private readonly IParser _parser;
        private readonly Dictionary<string, Read> _anchors = new(StringComparer.Ordinal);
        private long _expanded;

        public State(IParser parser)
        {
            _parser = parser;
        }

        private readonly Stack<int> _open = new();

        /// <summary>Where the innermost collection still open began (else the last value read).</summary>
        public int LastOffset => _open.Count > 0 ? _open.Peek() : _lastValue;

        private int _lastValue;

        public Read Read(int depth)
        {
            if (_parser.Current is { } current)
            {
                _lastValue = Offset(current.Start);
            }

            if (depth > MaxDepth)
            {
                var at = _parser.Current;
                throw new JsonParseException($"the document nests deeper than {MaxDepth} levels", at is null ? 0 : Offset(at.Start));
            }

            Read result;
            string? anchor = null;
            switch (_parser.Current)
            {
                case AnchorAlias alias:
                    _parser.MoveNext();
                    if (!_anchors.TryGetValue(alias.Value.Value, out result))
                    {
                        throw new JsonParseException($"the alias '*{alias.Value.Value}' names no anchor defined before it", Offset(alias.Start));
                    }

                    _expanded += result.Size;
                    if (_expanded > MaxExpandedValues)
                    {
                        throw new JsonParseException($"the aliases expand to more than {MaxExpandedValues:N0} values", Offset(alias.Start));
                    }

                    return result;

                case Scalar scalar:
                    _parser.MoveNext();
                    anchor = scalar.Anchor.IsEmpty ? null : scalar.Anchor.Value;
                    result = new Read(Resolve(scalar, Offset(scalar.Start), Offset(scalar.End)), 1);
                    break;

                case SequenceStart sequence:
                    _parser.MoveNext();
                    anchor = sequence.Anchor.IsEmpty ? null : sequence.Anchor.Value;
                    result = ReadSequence(sequence, depth);
                    break;

                case MappingStart mapping:
                    _parser.MoveNext();
                    anchor = mapping.Anchor.IsEmpty ? null : mapping.Anchor.Value;
                    result = ReadMapping(mapping, depth);
                    break;

                case { } other:
                    throw new JsonParseException($"unexpected {other.GetType().Name}", Offset(other.Start));

                default:
                    throw new JsonParseException("unexpected end of the document", 0);
            }

            _expanded += 1;
            if (anchor is not null)
            {
                _anchors[anchor] = result;
            }

            return result;
        }

        private Read ReadSequence(SequenceStart start, int depth)
        {
            var items = new List<JsonNode>();
            long size = 1;
            _open.Push(Offset(start.Start));
            SequenceEnd end;
            while (!_parser.TryConsume<SequenceEnd>(out end!))
            {
                var item = Read(depth + 1);
                items.Add(item.Node);
                size += item.Size;
            }

            _open.Pop();
            return new Read(new JsonArray(items, Offset(start.Start), Offset(end.End)), size);
        }

        private Read ReadMapping(MappingStart start, int depth)
        {
            var properties = new List<JsonProperty>();
            long size = 1;
            _open.Push(Offset(start.Start));
            MappingEnd end;
            while (!_parser.TryConsume<MappingEnd>(out end!))
            {
                if (_parser.Current is not Scalar key)
                {
                    var at = _parser.Current;
                    throw new JsonParseException(
                        at is AnchorAlias ? "an alias cannot be a mapping key" : "a mapping key must be a plain or quoted string, not a collection",
                        at is null ? 0 : Offset(at.Start));
                }

                _parser.MoveNext();
                if (!key.Anchor.IsEmpty)
                {
                    _anchors[key.Anchor.Value] = new Read(new JsonString(key.Value, Offset(key.Start), Offset(key.End)), 1);
                }

                var value = Read(depth + 1);
                size += value.Size;

                // Keys are names: "200", "true" and "on" alike stay the text they are.
                properties.Add(new JsonProperty(key.Value, Offset(key.Start), Offset(key.End), value.Node));
            }

            _open.Pop();
            return new Read(new JsonObject(properties, Offset(start.Start), Offset(end.End)), size);
        }
    }
}
