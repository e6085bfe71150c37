using System.Globalization;
using AzureRules.Generators.Diagnostics;

namespace AzureRules.Generators.Formats.Toml;

// The four string kinds. Each records, through a QueryTextBuilder, where every decoded character was
// written, so a query inside a multi-line string maps back to the line and column of the file.
internal sealed partial class TomlParser
{
    /// <summary><c>"…"</c>: one line, escapes.</summary>
    private TomlString ParseBasicString(int start)
    {
        _pos++;
        var builder = new QueryTextBuilder(_lines);
        while (true)
        {
            if (AtEnd || IsNewlineStart(Current)) throw Error(start, "unterminated string: expected '\"' before the end of the line");
            var c = _text[_pos];
            if (c == '"') break;
            if (c == '\\') ReadEscape(builder);
            else
            {
                if (IsForbiddenControl(c)) throw Error($"{Describe(c)} must be escaped in a string");
                CopyPlainRun(builder, '"');
            }
        }
        _pos++;
        return Finish(builder, TomlStringStyle.Basic, start, start + 1);
    }

    /// <summary><c>'…'</c>: one line, taken as written.</summary>
    private TomlString ParseLiteralString(int start)
    {
        _pos++;
        var builder = new QueryTextBuilder(_lines);
        while (true)
        {
            if (AtEnd || IsNewlineStart(Current)) throw Error(start, "unterminated literal string: expected \"'\" before the end of the line");
            var c = _text[_pos];
            if (c == '\'') break;
            if (IsForbiddenControl(c)) throw Error($"{Describe(c)} is not allowed in a literal string");
            CopyPlainRun(builder, '\'');
        }
        _pos++;
        return Finish(builder, TomlStringStyle.Literal, start, start + 1);
    }

    /// <summary><c>"""…"""</c>: escapes, newlines kept, a line-ending backslash joins lines.</summary>
    private TomlString ParseMultiLineBasicString(int start)
    {
        _pos += 3;
        TrySkipNewline(); // a newline right after the opening delimiter is trimmed
        var contentStart = _pos;
        var builder = new QueryTextBuilder(_lines);
        while (true)
        {
            if (AtEnd) throw Error(start, "unterminated multi-line string: expected '\"\"\"'");
            var c = _text[_pos];
            if (c == '"')
            {
                if (TryCloseMultiLine('"', builder)) break;
                continue; // fewer than three quotes were content
            }
            if (c == '\\')
            {
                if (IsLineEndingBackslash()) SkipLineEndingBackslash();
                else ReadEscape(builder);
            }
            else if (c == '\r')
            {
                if (Peek(1) != '\n') throw Error("a carriage return must be followed by a line feed");
                _pos++; // CRLF is read as LF
            }
            else if (c == '\n')
            {
                builder.Append(c, _pos++);
            }
            else
            {
                if (IsForbiddenControl(c)) throw Error($"{Describe(c)} must be escaped in a string");
                CopyPlainRun(builder, '"');
            }
        }
        return Finish(builder, TomlStringStyle.MultiLineBasic, start, contentStart);
    }

    /// <summary><c>'''…'''</c>: newlines kept, no escapes.</summary>
    private TomlString ParseMultiLineLiteralString(int start)
    {
        _pos += 3;
        TrySkipNewline();
        var contentStart = _pos;
        var builder = new QueryTextBuilder(_lines);
        while (true)
        {
            if (AtEnd) throw Error(start, "unterminated multi-line literal string: expected \"'''\"");
            var c = _text[_pos];
            if (c == '\'')
            {
                if (TryCloseMultiLine('\'', builder)) break;
                continue; // fewer than three quotes were content
            }
            if (c == '\r')
            {
                if (Peek(1) != '\n') throw Error("a carriage return must be followed by a line feed");
                _pos++;
                continue;
            }
            if (c == '\n')
            {
                builder.Append(c, _pos++);
                continue;
            }
            if (IsForbiddenControl(c)) throw Error($"{Describe(c)} is not allowed in a literal string");
            CopyPlainRun(builder, '\'');
        }
        return Finish(builder, TomlStringStyle.MultiLineLiteral, start, contentStart);
    }

    /// <summary>
    /// Copies the characters from here up to the next quote, backslash, line break or control character
    /// in one go: most of a string is such a run, and one map segment covers it.
    /// </summary>
    private void CopyPlainRun(QueryTextBuilder builder, char quote)
    {
        var start = _pos++; // the caller checked the first character
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (c == quote || c == '\\' || (c < ' ' && c != '\t') || c == '\u007F') break;
            _pos++;
        }
        builder.AppendRun(_text, start, _pos - start);
    }

    /// <summary>
    /// At a quote inside a multi-line string: three or more quotes close it, and up to two quotes before
    /// the closing three belong to the content (<c>""""a""""</c> is <c>"a"</c>). Fewer than three are content.
    /// </summary>
    private bool TryCloseMultiLine(char quote, QueryTextBuilder builder)
    {
        var run = 0;
        while (Peek(run) == quote) run++;
        if (run < 3)
        {
            for (var i = 0; i < run; i++) builder.Append(quote, _pos++);
            return false;
        }
        if (run > 5) throw Error(_pos + 5, "too many quotes: at most two may precede the closing delimiter");
        for (var i = 0; i < run - 3; i++) builder.Append(quote, _pos++);
        _pos += 3;
        return true;
    }

    /// <summary>A backslash followed by optional spaces and a newline: the line break and following whitespace vanish.</summary>
    private bool IsLineEndingBackslash()
    {
        var i = _pos + 1;
        while (i < _text.Length && _text[i] is ' ' or '\t') i++;
        return i < _text.Length && (_text[i] == '\n' || (_text[i] == '\r' && i + 1 < _text.Length && _text[i + 1] == '\n'));
    }

    private void SkipLineEndingBackslash()
    {
        _pos++;
        while (!AtEnd && _text[_pos] is ' ' or '\t' or '\n' or '\r') _pos++;
    }

    private void ReadEscape(QueryTextBuilder builder)
    {
        var start = _pos;
        var c = Peek(1);
        string decoded;
        switch (c)
        {
            case 'b': decoded = "\b"; break;
            case 't': decoded = "\t"; break;
            case 'n': decoded = "\n"; break;
            case 'f': decoded = "\f"; break;
            case 'r': decoded = "\r"; break;
            case '"': decoded = "\""; break;
            case '\\': decoded = "\\"; break;
            case 'u':
            case 'U':
                decoded = ReadUnicodeEscape(c == 'u' ? 4 : 8);
                builder.AppendDecoded(decoded, start);
                return;
            default:
                throw Error(AtEnd ? "unterminated escape sequence" : $"invalid escape sequence '\\{c}'");
        }
        _pos += 2;
        builder.AppendDecoded(decoded, start);
    }

    /// <summary><c>\uXXXX</c> or <c>\UXXXXXXXX</c>: any Unicode scalar value (no surrogates).</summary>
    private string ReadUnicodeEscape(int digits)
    {
        var start = _pos;
        if (_pos + 2 + digits > _text.Length) throw Error(start, $"invalid escape sequence: expected {digits} hexadecimal digits");
        var hex = _text.Substring(_pos + 2, digits);
        foreach (var h in hex)
        {
            if (!IsDigit(h, 16)) throw Error(start, $"invalid escape sequence '\\{_text[_pos + 1]}{hex}': expected {digits} hexadecimal digits");
        }
        var scalar = long.Parse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        if (scalar > 0x10FFFF || scalar is >= 0xD800 and <= 0xDFFF)
            throw Error(start, $"invalid escape sequence '\\{_text[_pos + 1]}{hex}': not a Unicode scalar value");
        _pos += 2 + digits;
        return char.ConvertFromUtf32((int)scalar);
    }

    private TomlString Finish(QueryTextBuilder builder, TomlStringStyle style, int start, int contentStart)
        => new(builder.ToString(), style, builder.ToMap(contentStart), _lines.PositionOf(start), _lines.PositionOf(_pos));
}
