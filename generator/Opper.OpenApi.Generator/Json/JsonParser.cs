using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Opper.OpenApi.Generator.Json;

/// <summary>Thrown for text that is not JSON; carries the offset of the problem.</summary>
internal sealed class JsonParseException : Exception
{
    public JsonParseException(string message, int offset)
        : base(message)
    {
        Offset = offset;
    }

    public int Offset { get; }
}

/// <summary>
/// A strict RFC 8259 reader that builds <see cref="JsonNode"/>s with positions. Nesting is
/// bounded so that a hostile document cannot overflow the compiler's stack.
/// </summary>
internal sealed class JsonParser
{
    public const int MaxDepth = 256;

    private readonly string _text;
    private int _pos;
    private int _depth;

    private JsonParser(string text)
    {
        _text = text;
    }

    public static JsonNode Parse(string text)
    {
        var parser = new JsonParser(text);
        if (parser._pos < text.Length && text[parser._pos] == '\uFEFF')
        {
            parser._pos++;
        }

        parser.SkipWhitespace();
        var root = parser.ParseValue();
        parser.SkipWhitespace();
        if (parser._pos < text.Length)
        {
            throw new JsonParseException("Unexpected text after the end of the JSON document.", parser._pos);
        }

        return root;
    }

    private JsonNode ParseValue()
    {
        if (_pos >= _text.Length)
        {
            throw new JsonParseException("Unexpected end of the document; a value was expected.", _pos);
        }

        var c = _text[_pos];
        switch (c)
        {
            case '{':
                return ParseObject();
            case '[':
                return ParseArray();
            case '"':
            {
                var start = _pos;
                var value = ParseString();
                return new JsonString(value, start, _pos);
            }

            case 't':
                return ParseLiteral("true", JsonKind.True);
            case 'f':
                return ParseLiteral("false", JsonKind.False);
            case 'n':
                return ParseLiteral("null", JsonKind.Null);
            default:
                if (c == '-' || (c >= '0' && c <= '9'))
                {
                    return ParseNumber();
                }

                throw new JsonParseException($"Unexpected character '{Describe(c)}'; a JSON value was expected.", _pos);
        }
    }

    private JsonObject ParseObject()
    {
        var start = _pos;
        Enter();
        _pos++; // {
        var properties = new List<JsonProperty>();
        SkipWhitespace();
        if (Peek() == '}')
        {
            _pos++;
            _depth--;
            return new JsonObject(properties, start, _pos);
        }

        while (true)
        {
            SkipWhitespace();
            if (Peek() != '"')
            {
                throw new JsonParseException("A property name in double quotes was expected.", _pos);
            }

            var nameStart = _pos;
            var name = ParseString();
            var nameEnd = _pos;
            SkipWhitespace();
            if (Peek() != ':')
            {
                throw new JsonParseException($"':' was expected after the property name \"{name}\".", _pos);
            }

            _pos++;
            SkipWhitespace();
            var value = ParseValue();
            properties.Add(new JsonProperty(name, nameStart, nameEnd, value));
            SkipWhitespace();
            var c = Peek();
            if (c == ',')
            {
                _pos++;
                continue;
            }

            if (c == '}')
            {
                _pos++;
                _depth--;
                return new JsonObject(properties, start, _pos);
            }

            throw new JsonParseException("',' or '}' was expected in an object.", _pos);
        }
    }

    private JsonArray ParseArray()
    {
        var start = _pos;
        Enter();
        _pos++; // [
        var items = new List<JsonNode>();
        SkipWhitespace();
        if (Peek() == ']')
        {
            _pos++;
            _depth--;
            return new JsonArray(items, start, _pos);
        }

        while (true)
        {
            SkipWhitespace();
            items.Add(ParseValue());
            SkipWhitespace();
            var c = Peek();
            if (c == ',')
            {
                _pos++;
                continue;
            }

            if (c == ']')
            {
                _pos++;
                _depth--;
                return new JsonArray(items, start, _pos);
            }

            throw new JsonParseException("',' or ']' was expected in an array.", _pos);
        }
    }

    private string ParseString()
    {
        var opening = _pos;
        _pos++;
        StringBuilder? builder = null;
        var runStart = _pos;
        while (true)
        {
            if (_pos >= _text.Length)
            {
                // Point at the string that never ends, not at the end of the document.
                throw new JsonParseException("Unterminated string: the document ends before its closing quote.", opening);
            }

            var c = _text[_pos];
            if (c == '"')
            {
                string result;
                if (builder is null)
                {
                    result = _text.Substring(runStart, _pos - runStart);
                }
                else
                {
                    builder.Append(_text, runStart, _pos - runStart);
                    result = builder.ToString();
                }

                _pos++;
                return result;
            }

            if (c < ' ')
            {
                throw new JsonParseException("Control characters must be escaped in JSON strings.", _pos);
            }

            if (c != '\\')
            {
                _pos++;
                continue;
            }

            builder ??= new StringBuilder();
            builder.Append(_text, runStart, _pos - runStart);
            _pos++;
            if (_pos >= _text.Length)
            {
                throw new JsonParseException("Unterminated escape sequence.", _pos);
            }

            var e = _text[_pos];
            switch (e)
            {
                case '"': builder.Append('"'); break;
                case '\\': builder.Append('\\'); break;
                case '/': builder.Append('/'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'u':
                    if (_pos + 4 >= _text.Length
                        || !int.TryParse(_text.Substring(_pos + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                    {
                        throw new JsonParseException("Invalid \\u escape sequence.", _pos - 1);
                    }

                    builder.Append((char)code);
                    _pos += 4;
                    break;
                default:
                    throw new JsonParseException($"Invalid escape sequence '\\{Describe(e)}'.", _pos - 1);
            }

            _pos++;
            runStart = _pos;
        }
    }

    private JsonNumber ParseNumber()
    {
        var start = _pos;
        if (Peek() == '-')
        {
            _pos++;
        }

        if (Peek() == '0')
        {
            _pos++;
        }
        else if (IsDigit(Peek()))
        {
            while (IsDigit(Peek()))
            {
                _pos++;
            }
        }
        else
        {
            throw new JsonParseException("Invalid number.", start);
        }

        if (Peek() == '.')
        {
            _pos++;
            if (!IsDigit(Peek()))
            {
                throw new JsonParseException("Invalid number: a digit must follow the decimal point.", start);
            }

            while (IsDigit(Peek()))
            {
                _pos++;
            }
        }

        if (Peek() == 'e' || Peek() == 'E')
        {
            _pos++;
            if (Peek() == '+' || Peek() == '-')
            {
                _pos++;
            }

            if (!IsDigit(Peek()))
            {
                throw new JsonParseException("Invalid number: the exponent has no digits.", start);
            }

            while (IsDigit(Peek()))
            {
                _pos++;
            }
        }

        return new JsonNumber(_text.Substring(start, _pos - start), start, _pos);
    }

    private JsonLiteral ParseLiteral(string literal, JsonKind kind)
    {
        if (string.CompareOrdinal(_text, _pos, literal, 0, literal.Length) != 0)
        {
            throw new JsonParseException($"Unexpected token; '{literal}' was expected.", _pos);
        }

        var start = _pos;
        _pos += literal.Length;
        return new JsonLiteral(kind, start, _pos);
    }

    private void Enter()
    {
        if (++_depth > MaxDepth)
        {
            throw new JsonParseException($"The document is nested deeper than {MaxDepth} levels.", _pos);
        }
    }

    private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

    private static bool IsDigit(char c) => c >= '0' && c <= '9';

    private void SkipWhitespace()
    {
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
            {
                _pos++;
            }
            else
            {
                return;
            }
        }
    }

    private static string Describe(char c) => c < ' ' ? "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture) : c.ToString();
}
