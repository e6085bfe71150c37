using System;
using System.Globalization;

namespace AzureRules.Generators.Formats.Toml;

// Values other than strings: booleans, numbers, date-times, arrays and inline tables.
internal sealed partial class TomlParser
{
    private TomlNode ParseValue()
    {
        var start = _pos;
        switch (Current)
        {
            case '"':
                return Peek(1) == '"' && Peek(2) == '"' ? ParseMultiLineBasicString(start) : ParseBasicString(start);
            case '\'':
                return Peek(1) == '\'' && Peek(2) == '\'' ? ParseMultiLineLiteralString(start) : ParseLiteralString(start);
            case '[':
                return ParseArray();
            case '{':
                return ParseInlineTable();
            case 't':
            case 'f':
                return ParseBoolean();
        }
        if (LooksLikeDate()) return ParseDateTime();
        var c = Current;
        if (c is >= '0' and <= '9' or '+' or '-') return ParseNumber();
        if (IsInfOrNan()) return ParseNumber();
        if (c is >= 'a' and <= 'z' or >= 'A' and <= 'Z') throw BareWordError();
        throw Error($"expected a value, found {Describe(c)}");
    }

    private TomlNode ParseBoolean()
    {
        var start = _pos;
        foreach (var (word, value) in new[] { ("true", true), ("false", false) })
        {
            if (string.CompareOrdinal(_text, _pos, word, 0, word.Length) == 0 && !IsValueChar(Peek(word.Length)))
            {
                _pos += word.Length;
                return new TomlBoolean(value, _lines.PositionOf(start), _lines.PositionOf(_pos));
            }
        }
        throw BareWordError();
    }

    /// <summary>A word where a value belongs: most often a string without its quotes, or True/False.</summary>
    private Exception BareWordError()
    {
        var start = _pos;
        var end = _pos;
        while (end < _text.Length && IsValueChar(_text[end])) end++;
        var word = _text.Substring(start, end - start);
        return Error(start, word is "True" or "False" or "TRUE" or "FALSE"
            ? $"expected a value, found '{word}' (booleans are lower case: true, false)"
            : $"expected a value, found '{word}' (strings need quotes)");
    }

    // ---- arrays and inline tables ----------------------------------------------------------------

    private TomlArray ParseArray()
    {
        EnterNesting();
        var array = new TomlArray(isArrayOfTables: false, _lines.PositionOf(_pos), default);
        _pos++;
        while (true)
        {
            SkipWhitespaceCommentsAndNewlines();
            if (AtEnd) throw Error("unterminated array: expected ']'");
            if (Current == ']') break;
            array.Items.Add(ParseValue());
            SkipWhitespaceCommentsAndNewlines();
            if (Current == ',')
            {
                _pos++;
                continue; // a trailing comma before ']' is allowed
            }
            if (Current == ']') break;
            throw Error(AtEnd ? "unterminated array: expected ']'" : $"expected ',' or ']' in the array, found {Describe(Current)}");
        }
        _pos++;
        array.End = _lines.PositionOf(_pos);
        _depth--;
        return array;
    }

    /// <summary><c>{ a = 1, b.c = 2 }</c>: on one line, no trailing comma, closed for good once written.</summary>
    private TomlTable ParseInlineTable()
    {
        EnterNesting();
        var table = new TomlTable(TomlTableOrigin.Inline, _lines.PositionOf(_pos), default);
        _pos++;
        SkipWhitespace();
        if (Current == '}')
        {
            _pos++;
            table.End = _lines.PositionOf(_pos);
            _depth--;
            return table;
        }
        // dotted keys inside build sub-tables; while the braces are open they may be added to
        table.Origin = TomlTableOrigin.DottedKey;
        while (true)
        {
            SkipWhitespace();
            if (AtEnd || IsNewlineStart(Current)) throw Error("an inline table must be closed with '}' on the same line");
            if (Current == '}') throw Error("a trailing comma is not allowed in an inline table");
            ParseKeyValue(table);
            SkipWhitespace();
            if (Current == ',')
            {
                _pos++;
                continue;
            }
            if (Current == '}') break;
            throw Error(AtEnd || IsNewlineStart(Current)
                ? "an inline table must be closed with '}' on the same line"
                : $"expected ',' or '}}' in the inline table, found {Describe(Current)}");
        }
        _pos++;
        table.End = _lines.PositionOf(_pos);
        Seal(table);
        _depth--;
        return table;
    }

    /// <summary>Nested arrays and inline tables are parsed recursively; a hostile file must not exhaust the stack.</summary>
    private void EnterNesting()
    {
        if (++_depth > MaxDepth) throw Error($"arrays and inline tables nested deeper than {MaxDepth} levels");
    }

    private static void Seal(TomlTable table)
    {
        table.Origin = TomlTableOrigin.Inline;
        foreach (var entry in table.Entries)
        {
            if (entry.Value is TomlTable { Origin: TomlTableOrigin.DottedKey } child) Seal(child);
        }
    }

    private bool IsInfOrNan()
        => (string.CompareOrdinal(_text, _pos, "inf", 0, 3) == 0 || string.CompareOrdinal(_text, _pos, "nan", 0, 3) == 0) && !IsValueChar(Peek(3));

    // ---- numbers ------------------------------------------------------------------------------

    private static bool IsValueChar(char c)
        => c is >= '0' and <= '9' or >= 'a' and <= 'z' or >= 'A' and <= 'Z' or '_' or '.' or '+' or '-' or ':';

    /// <summary>Integers (decimal, 0x, 0o, 0b) and floats (fraction, exponent, inf, nan), underscores between digits.</summary>
    private TomlNode ParseNumber()
    {
        var start = _pos;
        while (!AtEnd && IsValueChar(_text[_pos]) && _text[_pos] != ':') _pos++;
        var token = _text.Substring(start, _pos - start);
        var startPosition = _lines.PositionOf(start);
        var endPosition = _lines.PositionOf(_pos);

        var body = token;
        var sign = "";
        if (body.Length > 0 && body[0] is '+' or '-')
        {
            sign = body.Substring(0, 1);
            body = body.Substring(1);
        }

        if (body is "inf" or "nan")
        {
            var special = body == "nan" ? double.NaN : sign == "-" ? double.NegativeInfinity : double.PositiveInfinity;
            return new TomlFloat(special, startPosition, endPosition);
        }

        if (body.Length > 1 && body[0] == '0' && body[1] is 'x' or 'o' or 'b')
        {
            if (sign.Length > 0) throw Error(start, $"invalid number '{token}': hexadecimal, octal and binary integers cannot have a sign");
            var radix = body[1] == 'x' ? 16 : body[1] == 'o' ? 8 : 2;
            var digits = Digits(body.Substring(2), radix, token, start);
            try
            {
                var value = Convert.ToUInt64(digits, radix);
                if (value > long.MaxValue) throw Error(start, $"integer '{token}' does not fit in 64 bits");
                return new TomlInteger((long)value, startPosition, endPosition);
            }
            catch (OverflowException)
            {
                throw Error(start, $"integer '{token}' does not fit in 64 bits");
            }
        }

        // decimal: int-part [ '.' digits ] [ e|E [sign] digits ]
        var exponentAt = body.IndexOfAny(new[] { 'e', 'E' });
        var mantissa = exponentAt >= 0 ? body.Substring(0, exponentAt) : body;
        var dot = mantissa.IndexOf('.');
        var intPart = dot >= 0 ? mantissa.Substring(0, dot) : mantissa;
        var intDigits = Digits(intPart, 10, token, start);
        if (intDigits.Length > 1 && intDigits[0] == '0') throw Error(start, $"invalid number '{token}': leading zeros are not allowed");
        if (dot < 0 && exponentAt < 0)
        {
            if (!long.TryParse(sign + intDigits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
                throw Error(start, $"integer '{token}' does not fit in 64 bits");
            return new TomlInteger(integer, startPosition, endPosition);
        }
        var normalized = sign + intDigits;
        if (dot >= 0) normalized += "." + Digits(mantissa.Substring(dot + 1), 10, token, start);
        if (exponentAt >= 0)
        {
            var exponent = body.Substring(exponentAt + 1);
            var exponentSign = "";
            if (exponent.Length > 0 && exponent[0] is '+' or '-')
            {
                exponentSign = exponent.Substring(0, 1);
                exponent = exponent.Substring(1);
            }
            normalized += "e" + exponentSign + Digits(exponent, 10, token, start);
        }
        if (!double.TryParse(normalized, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            throw Error(start, $"invalid float '{token}'");
        return new TomlFloat(number, startPosition, endPosition);
    }

    /// <summary>The digits of one part of a number with its underscores removed; each underscore must sit between two digits.</summary>
    private static string Digits(string part, int radix, string token, int offset)
    {
        if (part.Length == 0) throw Error(offset, $"invalid number '{token}': expected digits");
        var digits = new System.Text.StringBuilder(part.Length);
        for (var i = 0; i < part.Length; i++)
        {
            var c = part[i];
            if (c == '_')
            {
                if (i == 0 || i == part.Length - 1 || part[i + 1] == '_')
                    throw Error(offset, $"invalid number '{token}': an underscore must be between two digits");
                continue;
            }
            if (!IsDigit(c, radix)) throw Error(offset, $"invalid number '{token}'");
            digits.Append(c);
        }
        return digits.ToString();
    }

    private static bool IsDigit(char c, int radix) => radix switch
    {
        2 => c is '0' or '1',
        8 => c is >= '0' and <= '7',
        10 => c is >= '0' and <= '9',
        _ => c is >= '0' and <= '9' or >= 'a' and <= 'f' or >= 'A' and <= 'F',
    };

    // ---- dates and times (RFC 3339) -----------------------------------------------------------

    /// <summary>A date starts with four digits and '-'; a local time with two digits and ':'.</summary>
    private bool LooksLikeDate()
    {
        bool Digit(int i) => Peek(i) is >= '0' and <= '9';
        return (Digit(0) && Digit(1) && Digit(2) && Digit(3) && Peek(4) == '-')
            || (Digit(0) && Digit(1) && Peek(2) == ':');
    }

    private TomlNode ParseDateTime()
    {
        var start = _pos;
        var hasDate = Peek(4) == '-';
        var hasTime = !hasDate;
        if (hasDate)
        {
            var year = ReadFixedDigits(4, "year");
            Expect('-', "date");
            var month = ReadFixedDigits(2, "month");
            Expect('-', "date");
            var day = ReadFixedDigits(2, "day");
            if (month is < 1 or > 12) throw Error(start, $"invalid date: month {month} is out of range");
            if (day < 1 || day > DateTime.DaysInMonth(Math.Max(1, year), month)) throw Error(start, $"invalid date: day {day} is out of range for the month");
            // the date and time are separated by T, t or a single space followed by a time
            if (Current is 'T' or 't' || (Current == ' ' && Peek(1) is >= '0' and <= '9'))
            {
                _pos++;
                hasTime = true;
            }
        }
        var hasOffset = false;
        if (hasTime)
        {
            var hour = ReadFixedDigits(2, "hour");
            Expect(':', "time");
            var minute = ReadFixedDigits(2, "minute");
            Expect(':', "time"); // TOML 1.0 requires seconds
            var second = ReadFixedDigits(2, "second");
            if (hour > 23 || minute > 59 || second > 60) throw Error(start, "invalid time: out of range");
            if (Current == '.')
            {
                _pos++;
                if (Current is not (>= '0' and <= '9')) throw Error("expected digits after '.' in the time");
                while (Current is >= '0' and <= '9') _pos++;
            }
            if (hasDate && Current is 'Z' or 'z')
            {
                _pos++;
                hasOffset = true;
            }
            else if (hasDate && Current is '+' or '-')
            {
                _pos++;
                var offsetHour = ReadFixedDigits(2, "offset hour");
                Expect(':', "offset");
                var offsetMinute = ReadFixedDigits(2, "offset minute");
                if (offsetHour > 23 || offsetMinute > 59) throw Error(start, "invalid time offset: out of range");
                hasOffset = true;
            }
        }
        if (IsValueChar(Current)) throw Error($"invalid date-time: unexpected {Describe(Current)}");
        var kind = !hasDate ? TomlDateTimeKind.LocalTime
            : !hasTime ? TomlDateTimeKind.LocalDate
            : hasOffset ? TomlDateTimeKind.OffsetDateTime
            : TomlDateTimeKind.LocalDateTime;
        return new TomlDateTime(_text.Substring(start, _pos - start), kind, _lines.PositionOf(start), _lines.PositionOf(_pos));
    }

    private int ReadFixedDigits(int count, string what)
    {
        var value = 0;
        for (var i = 0; i < count; i++)
        {
            if (Current is not (>= '0' and <= '9')) throw Error($"invalid date-time: expected {count} digits for the {what}");
            value = value * 10 + (Current - '0');
            _pos++;
        }
        return value;
    }

    private void Expect(char c, string what)
    {
        if (Current != c) throw Error($"invalid {what}: expected '{c}'");
        _pos++;
    }
}
