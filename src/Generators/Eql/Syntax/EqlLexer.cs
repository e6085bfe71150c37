using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace AzureRules.Generators.Eql.Syntax;

/// <summary>
/// Splits an EQL query into tokens. Comments (<c>//</c> to the end of the line, <c>/* … */</c>) and
/// white space are skipped. Lexical errors become <see cref="EqlTokenKind.Bad"/> tokens carrying the
/// message, so the parser reports them at their exact offset.
/// </summary>
internal sealed class EqlLexer
{
    private readonly string _text;
    private int _position;

    private EqlLexer(string text) => _text = text;

    public static List<EqlToken> Tokenize(string text)
    {
        var lexer = new EqlLexer(text);
        var tokens = new List<EqlToken>();
        while (true)
        {
            var token = lexer.Next();
            tokens.Add(token);
            if (token.Kind is EqlTokenKind.End or EqlTokenKind.Bad) return tokens;
        }
    }

    private char Peek(int ahead = 0) => _position + ahead < _text.Length ? _text[_position + ahead] : '\0';

    private EqlToken Next()
    {
        var trivia = SkipTrivia();
        if (trivia is { } bad) return bad;
        var start = _position;
        if (_position >= _text.Length) return new EqlToken(EqlTokenKind.End, start, start, "");
        var c = _text[_position];
        if (IsIdentifierStart(c))
        {
            while (_position < _text.Length && IsIdentifierPart(_text[_position])) _position++;
            return Token(EqlTokenKind.Identifier, start);
        }
        if (char.IsDigit(c)) return Number(start);
        switch (c)
        {
            case '"':
                return Peek(1) == '"' && Peek(2) == '"' ? RawString(start) : QuotedString(start, '"');
            case '\'':
                return QuotedString(start, '\'');
            case '`':
                return QuotedIdentifier(start);
            case '(': return Single(EqlTokenKind.LeftParen, start);
            case ')': return Single(EqlTokenKind.RightParen, start);
            case '[': return Single(EqlTokenKind.LeftBracket, start);
            case ']': return Single(EqlTokenKind.RightBracket, start);
            case ',': return Single(EqlTokenKind.Comma, start);
            case '.': return Single(EqlTokenKind.Dot, start);
            case '|': return Single(EqlTokenKind.Pipe, start);
            case '?': return Single(EqlTokenKind.Question, start);
            case '~': return Single(EqlTokenKind.Tilde, start);
            case ':': return Single(EqlTokenKind.Colon, start);
            case '+': return Single(EqlTokenKind.Plus, start);
            case '-': return Single(EqlTokenKind.Minus, start);
            case '*': return Single(EqlTokenKind.Star, start);
            case '/': return Single(EqlTokenKind.Slash, start);
            case '%': return Single(EqlTokenKind.Percent, start);
            case '=': return Peek(1) == '=' ? Double(EqlTokenKind.EqualEqual, start) : Single(EqlTokenKind.Equal, start);
            case '!': return Peek(1) == '=' ? Double(EqlTokenKind.NotEqual, start) : Single(EqlTokenKind.Bang, start);
            case '<': return Peek(1) == '=' ? Double(EqlTokenKind.LessEqual, start) : Single(EqlTokenKind.Less, start);
            case '>': return Peek(1) == '=' ? Double(EqlTokenKind.GreaterEqual, start) : Single(EqlTokenKind.Greater, start);
        }
        return new EqlToken(EqlTokenKind.Bad, start, start + 1, $"unexpected character '{c}'");
    }

    // Elasticsearch's EQL identifiers: a letter, '_' or '@', then letters, digits, '_' or '@'.
    private static bool IsIdentifierStart(char c) => char.IsLetter(c) || c == '_' || c == '@';
    private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_' || c == '@';

    private EqlToken? SkipTrivia()
    {
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (char.IsWhiteSpace(c)) { _position++; continue; }
            if (c == '/' && Peek(1) == '/')
            {
                while (_position < _text.Length && _text[_position] != '\n') _position++;
                continue;
            }
            if (c == '/' && Peek(1) == '*')
            {
                var start = _position;
                var close = _text.IndexOf("*/", _position + 2, System.StringComparison.Ordinal);
                if (close < 0) return new EqlToken(EqlTokenKind.Bad, start, _text.Length, "unterminated comment");
                _position = close + 2;
                continue;
            }
            break;
        }
        return null;
    }

    private EqlToken Single(EqlTokenKind kind, int start) { _position++; return Token(kind, start); }
    private EqlToken Double(EqlTokenKind kind, int start) { _position += 2; return Token(kind, start); }
    private EqlToken Token(EqlTokenKind kind, int start) => new(kind, start, _position, _text.Substring(start, _position - start));

    private EqlToken Number(int start)
    {
        var isDecimal = false;
        while (char.IsDigit(Peek())) _position++;
        if (Peek() == '.' && char.IsDigit(Peek(1)))
        {
            isDecimal = true;
            _position++;
            while (char.IsDigit(Peek())) _position++;
        }
        if ((Peek() == 'e' || Peek() == 'E') && (char.IsDigit(Peek(1)) || ((Peek(1) == '+' || Peek(1) == '-') && char.IsDigit(Peek(2)))))
        {
            isDecimal = true;
            _position += 2;
            while (char.IsDigit(Peek())) _position++;
        }
        return Token(isDecimal ? EqlTokenKind.Decimal : EqlTokenKind.Integer, start);
    }

    /// <summary>"""…""": no escapes, may span lines.</summary>
    private EqlToken RawString(int start)
    {
        var close = _text.IndexOf("\"\"\"", start + 3, System.StringComparison.Ordinal);
        if (close < 0)
        {
            _position = _text.Length;
            return new EqlToken(EqlTokenKind.Bad, start, _text.Length, "unterminated string");
        }
        // a run of more than three quotes closes with the last three: the extra quotes belong to the value
        var end = close + 3;
        while (end < _text.Length && _text[end] == '"') end++;
        _position = end;
        return new EqlToken(EqlTokenKind.String, start, end, _text.Substring(start + 3, end - 3 - (start + 3)));
    }

    private EqlToken QuotedString(int start, char quote)
    {
        var value = new StringBuilder();
        _position++;
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (c == quote)
            {
                _position++;
                return new EqlToken(EqlTokenKind.String, start, _position, value.ToString());
            }
            if (c == '\n' || c == '\r') break;
            if (c != '\\')
            {
                value.Append(c);
                _position++;
                continue;
            }
            var escapeStart = _position;
            var e = Peek(1);
            _position += 2;
            switch (e)
            {
                case 'n': value.Append('\n'); break;
                case 'r': value.Append('\r'); break;
                case 't': value.Append('\t'); break;
                case '"': value.Append('"'); break;
                case '\'': value.Append('\''); break;
                case '\\': value.Append('\\'); break;
                case 'u' when Peek() == '{':
                    var close = _text.IndexOf('}', _position);
                    if (close < 0 || close - _position - 1 is < 2 or > 8
                        || !int.TryParse(_text.Substring(_position + 1, close - _position - 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code)
                        || code > 0x10FFFF)
                        return new EqlToken(EqlTokenKind.Bad, escapeStart, System.Math.Max(close + 1, _position), "invalid unicode escape: expected \\u{XXXX} with 2 to 8 hex digits");
                    value.Append(char.ConvertFromUtf32(code));
                    _position = close + 1;
                    break;
                default:
                    return new EqlToken(EqlTokenKind.Bad, escapeStart, escapeStart + 2, $"invalid escape sequence '\\{e}'");
            }
        }
        return new EqlToken(EqlTokenKind.Bad, start, _position, "unterminated string");
    }

    private EqlToken QuotedIdentifier(int start)
    {
        var value = new StringBuilder();
        _position++;
        while (_position < _text.Length)
        {
            if (_text[_position] == '`')
            {
                // `` inside a quoted identifier is one backquote
                if (Peek(1) == '`') { value.Append('`'); _position += 2; continue; }
                _position++;
                return new EqlToken(EqlTokenKind.QuotedIdentifier, start, _position, value.ToString());
            }
            value.Append(_text[_position++]);
        }
        return new EqlToken(EqlTokenKind.Bad, start, _position, "unterminated quoted field name");
    }
}
