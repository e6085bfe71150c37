using System;
using System.Collections.Generic;
using System.Globalization;
using AzureRules.Generators.Diagnostics;

namespace AzureRules.Generators.Formats.Json;

/// <summary>
/// A strict JSON parser (RFC 8259) that keeps positions. <see cref="Parse"/> reads a file holding one
/// value; <see cref="ParseLines"/> reads NDJSON, one value per non-blank line, each line on its own so
/// a bad line does not hide the good ones.
/// </summary>
internal sealed class JsonParser
{
    private const int MaxDepth = 256; // deeper nesting is no rule file; stop before the stack does
    private readonly string _text;
    private readonly TextLines _lines;
    private int _pos;
    private int _end;
    private int _depth;

    private JsonParser(string text, TextLines lines)
    {
        _text = text;
        _lines = lines;
        _end = text.Length;
    }

    public static JsonParseResult Parse(string text, out TextLines lines)
    {
        text ??= "";
        lines = new TextLines(text);
        var parser = new JsonParser(text, lines);
        if (text.Length > 0 && text[0] == '\uFEFF') parser._pos = 1;
        return parser.ParseWhole();
    }

    public static IReadOnlyList<JsonParseResult> ParseLines(string text, out TextLines lines)
    {
        text ??= "";
        lines = new TextLines(text);
        var results = new List<JsonParseResult>();
        for (var line = 0; line < lines.LineCount; line++)
        {
            var start = lines.LineStart(line);
            var end = line + 1 < lines.LineCount ? lines.LineStart(line + 1) : text.Length;
            while (end > start && text[end - 1] is '\n' or '\r') end--; // an error at the end of a line is reported on that line
            var parser = new JsonParser(text, lines) { _pos = start, _end = end };
            if (line == 0 && text.Length > 0 && text[0] == '\uFEFF') parser._pos = 1;
            parser.SkipWhitespace();
            if (parser._pos >= end) continue; // blank line
            results.Add(parser.ParseWhole());
        }
        return results;
    }

    private JsonParseResult ParseWhole()
    {
        try
        {
            SkipWhitespace();
            var value = ParseValue();
            SkipWhitespace();
            if (_pos < _end) throw Error($"unexpected {Describe(_text[_pos])} after the JSON value");
            return new JsonParseResult(value, null);
        }
        catch (JsonSyntaxException e)
        {
            return new JsonParseResult(null, new JsonSyntaxError(e.Message, _lines.PositionOf(e.Offset)));
        }
    }

    private JsonNode ParseValue()
    {
        if (_pos >= _end) throw Error("expected a JSON value");
        var start = _pos;
        switch (_text[_pos])
        {
            case '{': return ParseObject();
            case '[': return ParseArray();
            case '"': return ParseString();
            case 't': return ParseWord("true", new JsonBoolean(true, Position(start), Position(start + 4)));
            case 'f': return ParseWord("false", new JsonBoolean(false, Position(start), Position(start + 5)));
            case 'n': return ParseWord("null", new JsonNull(Position(start), Position(start + 4)));
        }
        if (_text[_pos] is '-' or >= '0' and <= '9') return ParseNumber();
        throw Error($"expected a JSON value, found {Describe(_text[_pos])}");
    }

    private JsonNode ParseWord(string word, JsonNode node)
    {
        if (_pos + word.Length > _end || string.CompareOrdinal(_text, _pos, word, 0, word.Length) != 0)
            throw Error("expected a JSON value (true, false, null, a number, a string, an array or an object)");
        _pos += word.Length;
        return node;
    }

    private JsonObject ParseObject()
    {
        EnterNesting();
        var obj = new JsonObject(Position(_pos), default);
        _pos++;
        SkipWhitespace();
        if (Current == '}')
        {
            _pos++;
        }
        else
        {
            while (true)
            {
                SkipWhitespace();
                if (Current != '"') throw Error(Current == '}' ? "a trailing comma is not allowed in JSON" : "expected a property name in double quotes");
                var nameStart = _pos;
                var name = ParseString();
                // a repeated key would let a reviewer read one value while another runs (the last
                // wins in JavaScript): an error here, as in the YAML and TOML readers
                if (obj.TryGet(name.Value, out _)) throw Error(nameStart, $"duplicate key '{name.Value}'");
                SkipWhitespace();
                if (Current != ':') throw Error("expected ':' after the property name");
                _pos++;
                SkipWhitespace();
                obj.Add(name.Value, Position(nameStart), ParseValue());
                SkipWhitespace();
                if (Current == ',') { _pos++; continue; }
                if (Current == '}') { _pos++; break; }
                throw Error(_pos >= _end ? "unterminated object: expected '}'" : $"expected ',' or '}}' in the object, found {Describe(Current)}");
            }
        }
        obj.End = Position(_pos);
        _depth--;
        return obj;
    }

    private JsonArray ParseArray()
    {
        EnterNesting();
        var array = new JsonArray(Position(_pos), default);
        _pos++;
        SkipWhitespace();
        if (Current == ']')
        {
            _pos++;
        }
        else
        {
            while (true)
            {
                SkipWhitespace();
                if (Current == ']') throw Error("a trailing comma is not allowed in JSON");
                array.Items.Add(ParseValue());
                SkipWhitespace();
                if (Current == ',') { _pos++; continue; }
                if (Current == ']') { _pos++; break; }
                throw Error(_pos >= _end ? "unterminated array: expected ']'" : $"expected ',' or ']' in the array, found {Describe(Current)}");
            }
        }
        array.End = Position(_pos);
        _depth--;
        return array;
    }

    private JsonString ParseString()
    {
        var start = _pos;
        _pos++;
        var builder = new QueryTextBuilder(_lines);
        while (true)
        {
            if (_pos >= _end || _text[_pos] is '\n' or '\r') throw Error(start, "unterminated string");
            var c = _text[_pos];
            if (c == '"') break;
            if (c < ' ') throw Error($"{Describe(c)} must be escaped in a JSON string");
            if (c != '\\')
            {
                builder.Append(c, _pos++);
                continue;
            }
            var escape = _pos;
            var e = _pos + 1 < _end ? _text[_pos + 1] : '\0';
            string decoded;
            switch (e)
            {
                case '"': decoded = "\""; break;
                case '\\': decoded = "\\"; break;
                case '/': decoded = "/"; break;
                case 'b': decoded = "\b"; break;
                case 'f': decoded = "\f"; break;
                case 'n': decoded = "\n"; break;
                case 'r': decoded = "\r"; break;
                case 't': decoded = "\t"; break;
                case 'u':
                    if (_pos + 6 > _end || !IsHex(_text, _pos + 2, 4)) throw Error("invalid escape sequence: expected 4 hexadecimal digits after \\u");
                    // surrogate pairs arrive as two escapes; each code unit is kept as it is
                    decoded = ((char)int.Parse(_text.Substring(_pos + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture)).ToString();
                    _pos += 4;
                    break;
                default:
                    throw Error($"invalid escape sequence '\\{e}'");
            }
            _pos += 2;
            builder.AppendDecoded(decoded, escape);
        }
        _pos++;
        return new JsonString(builder.ToString(), builder.ToMap(start + 1), Position(start), Position(_pos));
    }

    private JsonNumber ParseNumber()
    {
        var start = _pos;
        if (Current == '-') _pos++;
        if (Current == '0')
        {
            _pos++;
            if (Current is >= '0' and <= '9') throw Error("invalid number: leading zeros are not allowed");
        }
        else if (Current is >= '1' and <= '9') SkipDigits();
        else throw Error(start, "invalid number: expected a digit");
        if (Current == '.')
        {
            _pos++;
            if (Current is not (>= '0' and <= '9')) throw Error("invalid number: expected a digit after '.'");
            SkipDigits();
        }
        if (Current is 'e' or 'E')
        {
            _pos++;
            if (Current is '+' or '-') _pos++;
            if (Current is not (>= '0' and <= '9')) throw Error("invalid number: expected a digit in the exponent");
            SkipDigits();
        }
        var text = _text.Substring(start, _pos - start);
        var value = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        return new JsonNumber(text, value, Position(start), Position(_pos));
    }

    private void SkipDigits()
    {
        while (Current is >= '0' and <= '9') _pos++;
    }

    private static bool IsHex(string s, int start, int count)
    {
        for (var i = start; i < start + count; i++)
        {
            if (s[i] is not (>= '0' and <= '9' or >= 'a' and <= 'f' or >= 'A' and <= 'F')) return false;
        }
        return true;
    }

    private void EnterNesting()
    {
        if (++_depth > MaxDepth) throw Error($"nesting deeper than {MaxDepth} levels");
    }

    private char Current => _pos < _end ? _text[_pos] : '\0';

    private void SkipWhitespace()
    {
        while (_pos < _end && _text[_pos] is ' ' or '\t' or '\n' or '\r') _pos++;
    }

    private SourcePosition Position(int offset) => _lines.PositionOf(offset);

    private static string Describe(char c) => c < ' ' ? $"control character U+{(int)c:X4}" : $"'{c}'";

    private JsonSyntaxException Error(string message) => new(message, _pos);
    private static JsonSyntaxException Error(int offset, string message) => new(message, offset);

    private sealed class JsonSyntaxException(string message, int offset) : Exception(message)
    {
        public int Offset { get; } = offset;
    }
}
