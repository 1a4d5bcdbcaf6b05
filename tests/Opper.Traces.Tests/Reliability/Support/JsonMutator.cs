using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Opper.Traces.Tests.Reliability.Support;

/// <summary>One mutated body: its kind, what was done, and the bytes to feed.</summary>
internal sealed class Mutation
{
    public Mutation(string kind, string description, byte[] bytes)
    {
        Kind = kind;
        Description = description;
        Bytes = bytes;
    }

    public string Kind { get; }

    public string Description { get; }

    public byte[] Bytes { get; }

    /// <summary>The bytes as a .NET string, the way a caller of <c>JsonConvert</c> would hold them.</summary>
    public string Text => Encoding.UTF8.GetString(Bytes);

    public override string ToString() => Kind + ": " + Description;
}

/// <summary>
/// Seeded mutations of a valid JSON body: truncation at every kind of position, wrong types,
/// deleted and duplicated keys, huge numbers, NaN, invalid UTF-8, deep nesting, control
/// characters, byte order marks, odd tokens and plain byte noise. The same text and the same
/// <see cref="Random"/> state give the same mutation.
/// </summary>
internal static class JsonMutator
{
    public static readonly string[] Kinds =
    {
        "truncate", "wrong-type", "delete-key", "duplicate-key", "huge-number", "nan", "invalid-utf8",
        "deep-nesting", "control-chars", "bom", "raw-token", "date-string", "byte-noise", "splice", "big-values",
    };

    private static readonly string[] HugeNumbers =
    {
        "1e400", "-1e400", "1e-400", "99999999999999999999999", "-99999999999999999999999", "9223372036854775808",
        "-9223372036854775809", "18446744073709551616", "1.7976931348623157e309", "123456789012345678901234567890.5",
        "0." + new string('0', 400) + "1", new string('9', 5000), "1" + new string('0', 400), "4.9e-325", "-0", "-0.0",
        "2147483648", "-2147483649", "1E+2", "1e2", "12.0", "1.5",
    };

    private static readonly string[] NanTokens = { "NaN", "Infinity", "-Infinity", "\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "-NaN", "+Infinity" };

    private static readonly string[] RawTokens =
    {
        "undefined", "'single'", "0x1F", "01", "+1", ".5", "1.", "-", "1e", "1e+", "tru", "nul", "fals", "\"unterminated",
        "/*c*/1", "//c\n1", "[1,]", "{\"a\":1,}", "{,}", "[,1]", "\"\"", "\"\\ud800\"", "\"\\udc00\\ud800\"", "\"\\x41\"",
        "\"\\u12\"", "\"\\u12zz\"", "new Date(1)", "{\"a\" 1}", "{\"a\":}", "{a:1}", "[1 2]", "\"a\"\"b\"", "}", "]", ":", ",",
        "{}", "[]", "null", "true", "\"\\/\"", "\"\\\"\"", "1 2", "{\"\":null}", "\"\\u0000\"",
    };

    private static readonly string[] DateStrings =
    {
        "0001-01-01T00:00:00Z", "0001-01-01T00:00:00+14:00", "0001-01-01T00:00:00-14:00", "9999-12-31T23:59:59.9999999Z",
        "9999-12-31T23:59:59-14:00", "9999-12-31T23:59:59+14:00", "2024-11-07T05:31:56.123456+14:00", "2024-11-07T05:31:56.123456-12:00",
        "2024-02-30T00:00:00Z", "2024-13-01T00:00:00Z", "2024-11-07T25:00:00Z", "2024-11-07T05:31:56+25:00", "2024-11-07",
        "05:31:56", "", " ", "not a date", "2024-11-07T05:31:56.1234567890123Z", "1731000000", "2024-11-07 05:31:56",
        "+002024-11-07T05:31:56Z", "2024-W45-4", "2024-11-07T05:31:56Z\u0000", "\u0661\u0669\u0667\u0660-01-01",
    };

    private static readonly byte[][] InvalidUtf8 =
    {
        new byte[] { 0x80 }, new byte[] { 0xBF }, new byte[] { 0xC0, 0xAF }, new byte[] { 0xC3 }, new byte[] { 0xE2, 0x82 },
        new byte[] { 0xED, 0xA0, 0x80 }, new byte[] { 0xF4, 0x90, 0x80, 0x80 }, new byte[] { 0xF8, 0x88, 0x80, 0x80, 0x80 },
        new byte[] { 0xFE }, new byte[] { 0xFF, 0xFE }, new byte[] { 0xF0, 0x9F, 0x98 },
    };

    private static readonly byte[][] Boms =
    {
        new byte[] { 0xEF, 0xBB, 0xBF }, new byte[] { 0xFF, 0xFE }, new byte[] { 0xFE, 0xFF },
        new byte[] { 0xFF, 0xFE, 0x00, 0x00 }, new byte[] { 0x00, 0x00, 0xFE, 0xFF }, new byte[] { 0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF },
        new byte[] { 0xEF, 0xBB },
    };

    private static readonly int[] Depths = { 63, 64, 65, 255, 256, 257, 1000, 100_000 };

    public static Mutation Mutate(string json, Random rng)
    {
        var kind = Kinds[rng.Next(Kinds.Length)];
        return Mutate(json, kind, rng);
    }

    public static Mutation Mutate(string json, string kind, Random rng)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        switch (kind)
        {
            case "truncate":
                return Truncate(bytes, rng);
            case "wrong-type":
                return ReplaceValue(json, rng, kind, token => WrongType(token, rng), _ => true);
            case "delete-key":
                return DeleteKey(json, rng);
            case "duplicate-key":
                return DuplicateKey(json, rng);
            case "huge-number":
                return ReplaceValue(json, rng, kind, _ => new JRaw(Pick(HugeNumbers, rng)), t => t.Type is JTokenType.Integer or JTokenType.Float || rng.Next(4) == 0);
            case "nan":
                return ReplaceValue(json, rng, kind, _ => new JRaw(Pick(NanTokens, rng)), t => t.Type is JTokenType.Integer or JTokenType.Float || rng.Next(4) == 0);
            case "invalid-utf8":
                return Insert(bytes, rng, kind, Pick(InvalidUtf8, rng), preferStrings: true);
            case "deep-nesting":
                return ReplaceValue(json, rng, kind, _ => new JRaw(Deep(rng)), _ => true);
            case "control-chars":
                return ControlChars(json, bytes, rng);
            case "bom":
                return Bom(json, bytes, rng);
            case "raw-token":
                return ReplaceValue(json, rng, kind, _ => new JRaw(Pick(RawTokens, rng)), _ => true);
            case "date-string":
                return ReplaceValue(json, rng, kind, _ => new JValue(Pick(DateStrings, rng)), t => t.Type == JTokenType.String || rng.Next(8) == 0);
            case "byte-noise":
                return ByteNoise(bytes, rng);
            case "splice":
                return Splice(json, bytes, rng);
            case "big-values":
                return BigValues(json, rng);
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown mutation kind");
        }
    }

    private static T Pick<T>(IReadOnlyList<T> items, Random rng) => items[rng.Next(items.Count)];

    // ------------------------------------------------------------ tree mutations

    private static JToken Parse(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None, MaxDepth = null };
        return JToken.ReadFrom(reader);
    }

    private static IEnumerable<JToken> All(JToken root) => root is JContainer container ? container.DescendantsAndSelf() : new[] { root };

    private static byte[] Write(JToken root, Random rng) =>
        Encoding.UTF8.GetBytes(root.ToString(rng.Next(2) == 0 ? Formatting.None : Formatting.Indented));

    /// <summary>Replaces one value (chosen among those <paramref name="prefer"/> accepts, else any) with another.</summary>
    private static Mutation ReplaceValue(string json, Random rng, string kind, Func<JToken, JToken> replacement, Func<JToken, bool> prefer)
    {
        var root = Parse(json);
        var values = All(root).Where(t => t is not JProperty).ToList();
        var preferred = values.Where(prefer).ToList();
        var target = Pick(preferred.Count > 0 ? preferred : values, rng);
        var path = target.Path;
        var with = replacement(target);
        var description = $"{path} := {Shorten(with is JRaw raw ? (string)raw.Value! : with.ToString(Formatting.None))}";
        if (ReferenceEquals(target, root))
        {
            return new Mutation(kind, description, Encoding.UTF8.GetBytes(with is JRaw r ? (string)r.Value! : with.ToString(Formatting.None)));
        }

        target.Replace(with);
        return new Mutation(kind, description, Write(root, rng));
    }

    private static JToken WrongType(JToken token, Random rng)
    {
        JToken[] candidates =
        {
            new JValue("a string"), new JValue(12), new JValue(12.5), new JValue(true), JValue.CreateNull(),
            new JObject { ["x"] = 1 }, new JArray(1, "two"), new JObject(), new JArray(), new JValue(string.Empty), new JValue(-1),
        };
        JToken pick;
        do
        {
            pick = Pick(candidates, rng);
        }
        while (pick.Type == token.Type && rng.Next(10) != 0);
        return pick;
    }

    private static Mutation DeleteKey(string json, Random rng)
    {
        var root = Parse(json);
        var properties = All(root).OfType<JProperty>().ToList();
        if (properties.Count == 0)
        {
            return new Mutation("delete-key", "no property to delete: body unchanged", Encoding.UTF8.GetBytes(json));
        }

        var property = Pick(properties, rng);
        var path = property.Path;
        property.Remove();
        return new Mutation("delete-key", "removed " + path, Write(root, rng));
    }

    private static Mutation DuplicateKey(string json, Random rng)
    {
        const string marker = "__duplicate_marker_7f1c__";
        var root = Parse(json);
        var properties = All(root).OfType<JProperty>().ToList();
        if (properties.Count == 0)
        {
            return new Mutation("duplicate-key", "no property to duplicate: body unchanged", Encoding.UTF8.GetBytes(json));
        }

        var property = Pick(properties, rng);
        var value = rng.Next(2) == 0 ? property.Value.DeepClone() : WrongType(property.Value, rng);
        var before = rng.Next(2) == 0;
        var copy = new JProperty(marker, value);
        if (before)
        {
            property.AddBeforeSelf(copy);
        }
        else
        {
            property.AddAfterSelf(copy);
        }

        var text = root.ToString(rng.Next(2) == 0 ? Formatting.None : Formatting.Indented)
            .Replace(JsonConvert.ToString(marker), JsonConvert.ToString(property.Name), StringComparison.Ordinal);
        return new Mutation("duplicate-key", $"{property.Path} twice ({(before ? "first" : "second")} copy = {Shorten(value.ToString(Formatting.None))})", Encoding.UTF8.GetBytes(text));
    }

    private static string Deep(Random rng)
    {
        var depth = Pick(Depths, rng);
        var objects = rng.Next(2) == 0;
        var closed = rng.Next(4) != 0;
        var text = new StringBuilder(depth * 6);
        for (var i = 0; i < depth; i++)
        {
            text.Append(objects ? "{\"a\":" : "[");
        }

        text.Append('1');
        if (closed)
        {
            text.Append(objects ? '}' : ']', depth);
        }

        return text.ToString();
    }

    private static Mutation BigValues(string json, Random rng)
    {
        switch (rng.Next(3))
        {
            case 0:
                return ReplaceValue(json, rng, "big-values", _ => new JValue(new string('x', 200_000)), t => t.Type == JTokenType.String || rng.Next(4) == 0);
            case 1:
                return ReplaceValue(json, rng, "big-values", _ => new JArray(Enumerable.Range(0, 20_000).Select(i => (object)i)), _ => true);
            default:
                var objectValue = new JObject();
                for (var i = 0; i < 5_000; i++)
                {
                    objectValue["unknown_" + i] = i;
                }

                return ReplaceValue(json, rng, "big-values", _ => objectValue, t => t is JObject || rng.Next(4) == 0);
        }
    }

    // ------------------------------------------------------------ byte mutations

    /// <summary>Where a byte offset falls in the JSON text, so truncation can hit every kind of position.</summary>
    private static string[] Classify(byte[] bytes)
    {
        var kinds = new string[bytes.Length + 1];
        var inString = false;
        var isName = false;
        var escape = 0;
        var stack = new Stack<char>();
        var expectName = false;
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            string kind;
            if ((b & 0xC0) == 0x80)
            {
                kind = "mid-utf8";
            }
            else if (inString)
            {
                kind = escape > 0 ? "in-escape" : isName ? "in-name" : "in-string";
                if (escape > 0)
                {
                    escape = escape == 1 && b == 'u' ? 4 : escape - 1;
                }
                else if (b == '\\')
                {
                    escape = 1;
                }
                else if (b == '"')
                {
                    inString = false;
                }
            }
            else
            {
                var previous = i == 0 ? (byte)0 : PreviousNonSpace(bytes, i);
                kind = b switch
                {
                    (byte)'"' => "string-start",
                    (byte)'{' or (byte)'[' => "container-start",
                    (byte)'}' or (byte)']' => "container-end",
                    (byte)':' => "colon",
                    (byte)',' => "comma",
                    (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t' => "whitespace",
                    (byte)'-' or (>= (byte)'0' and <= (byte)'9') or (byte)'.' or (byte)'e' or (byte)'E' or (byte)'+' when previous is (byte)':' or (byte)'[' or (byte)',' || IsNumberByte(previous) => "in-number",
                    _ => "in-literal",
                };
                switch (b)
                {
                    case (byte)'"':
                        inString = true;
                        isName = stack.Count > 0 && stack.Peek() == '{' && expectName;
                        break;
                    case (byte)'{':
                        stack.Push('{');
                        expectName = true;
                        break;
                    case (byte)'[':
                        stack.Push('[');
                        break;
                    case (byte)'}' or (byte)']':
                        if (stack.Count > 0)
                        {
                            stack.Pop();
                        }

                        break;
                    case (byte)':':
                        expectName = false;
                        break;
                    case (byte)',':
                        expectName = stack.Count > 0 && stack.Peek() == '{';
                        break;
                }
            }

            kinds[i] = kind;
        }

        kinds[bytes.Length] = "end";
        kinds[0] = "empty";
        return kinds;
    }

    private static bool IsNumberByte(byte b) => b is (byte)'-' or (>= (byte)'0' and <= (byte)'9') or (byte)'.' or (byte)'e' or (byte)'E' or (byte)'+';

    private static byte PreviousNonSpace(byte[] bytes, int i)
    {
        for (var j = i - 1; j >= 0; j--)
        {
            if (bytes[j] is not ((byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t'))
            {
                return bytes[j];
            }
        }

        return 0;
    }

    /// <summary>Cuts the body before a byte of a chosen kind (inside a string, a number, an escape, a UTF-8 sequence, ...).</summary>
    private static Mutation Truncate(byte[] bytes, Random rng)
    {
        var kinds = Classify(bytes);
        var byKind = Enumerable.Range(0, kinds.Length - 1).GroupBy(i => kinds[i]).ToDictionary(g => g.Key, g => g.ToList());
        var kind = Pick(byKind.Keys.OrderBy(k => k, StringComparer.Ordinal).ToList(), rng);
        var at = Pick(byKind[kind], rng);
        return new Mutation("truncate", $"cut at byte {at} of {bytes.Length} ({kind})", bytes.AsSpan(0, at).ToArray());
    }

    private static Mutation Insert(byte[] bytes, Random rng, string kind, byte[] insert, bool preferStrings)
    {
        var kinds = Classify(bytes);
        var positions = Enumerable.Range(1, bytes.Length - 1).Where(i => !preferStrings || kinds[i] is "in-string" or "in-name").ToList();
        var at = positions.Count > 0 && rng.Next(4) != 0 ? Pick(positions, rng) : rng.Next(bytes.Length + 1);
        var result = new byte[bytes.Length + insert.Length];
        bytes.AsSpan(0, at).CopyTo(result);
        insert.CopyTo(result.AsSpan(at));
        bytes.AsSpan(at).CopyTo(result.AsSpan(at + insert.Length));
        return new Mutation(kind, $"inserted {Convert.ToHexString(insert)} at byte {at} ({(at < kinds.Length ? kinds[at] : "end")})", result);
    }

    private static Mutation ControlChars(string json, byte[] bytes, Random rng)
    {
        if (rng.Next(2) == 0)
        {
            var control = (byte)(rng.Next(5) == 0 ? 0x7F : rng.Next(0x20));
            return Insert(bytes, rng, "control-chars", new[] { control }, preferStrings: rng.Next(3) != 0);
        }

        var text = rng.Next(3) switch
        {
            0 => "a\u0000b",
            1 => "line\r\nbreak\ttab\u0001\u001F\u007F\u2028\u2029",
            _ => new string((char)rng.Next(0x20), 3),
        };
        return ReplaceValue(json, rng, "control-chars", _ => new JValue(text), t => t.Type == JTokenType.String || rng.Next(4) == 0);
    }

    private static Mutation Bom(string json, byte[] bytes, Random rng)
    {
        var bom = Pick(Boms, rng);
        switch (rng.Next(4))
        {
            case 0:
                return new Mutation("bom", "prefix " + Convert.ToHexString(bom), bom.Concat(bytes).ToArray());
            case 1:
                return Insert(bytes, rng, "bom", bom, preferStrings: false);
            case 2:
                // A UTF-16 body with its own BOM: a proxy that re-encoded the response.
                var little = rng.Next(2) == 0;
                var encoding = new UnicodeEncoding(bigEndian: !little, byteOrderMark: true);
                return new Mutation("bom", "UTF-16 " + (little ? "LE" : "BE") + " body with BOM", encoding.GetPreamble().Concat(encoding.GetBytes(json)).ToArray());
            default:
                return new Mutation("bom", "UTF-16 LE body without BOM", Encoding.Unicode.GetBytes(json));
        }
    }

    private static Mutation ByteNoise(byte[] bytes, Random rng)
    {
        var result = new List<byte>(bytes);
        var operations = rng.Next(1, 9);
        var done = new List<string>();
        for (var i = 0; i < operations && result.Count > 0; i++)
        {
            var at = rng.Next(result.Count);
            switch (rng.Next(3))
            {
                case 0:
                    result[at] ^= (byte)(1 << rng.Next(8));
                    done.Add("flip@" + at);
                    break;
                case 1:
                    result.Insert(at, (byte)rng.Next(256));
                    done.Add("insert@" + at);
                    break;
                default:
                    result.RemoveAt(at);
                    done.Add("delete@" + at);
                    break;
            }
        }

        return new Mutation("byte-noise", string.Join(" ", done), result.ToArray());
    }

    private static Mutation Splice(string json, byte[] bytes, Random rng)
    {
        string[] whole = { string.Empty, " ", "\n\t ", "null", "[]", "{}", "0", "\"text\"", "true", "[null]", "[{}]", "/**/", "//" };
        switch (rng.Next(4))
        {
            case 0:
                var body = Pick(whole, rng);
                return new Mutation("splice", "whole body " + JsonConvert.ToString(body), Encoding.UTF8.GetBytes(body));
            case 1:
                var trailing = Pick(new[] { " {}", "x", ",", "}", "]", json, "\u0000", " /* comment */", " // comment", "\n\n" }, rng);
                return new Mutation("splice", "trailing " + Shorten(JsonConvert.ToString(trailing)), Encoding.UTF8.GetBytes(json + trailing));
            case 2:
                var leading = Pick(new[] { "x", ")]}'\n", "/* comment */", "// comment\n", "\u0000", "{" }, rng);
                return new Mutation("splice", "leading " + JsonConvert.ToString(leading), Encoding.UTF8.GetBytes(leading + json));
            default:
                var cut = rng.Next(bytes.Length);
                var other = rng.Next(bytes.Length);
                return new Mutation("splice", $"bytes 0..{cut} then {other}..end", bytes.AsSpan(0, cut).ToArray().Concat(bytes.AsSpan(other).ToArray()).ToArray());
        }
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text.Substring(0, 60) + "… (" + text.Length + " chars)";
}
