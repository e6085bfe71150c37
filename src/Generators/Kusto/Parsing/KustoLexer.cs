using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace AzureRules.Generators.Kusto.Parsing;

/// <summary>
/// Splits a query into tokens, skipping whitespace and <c>//</c> comments. Context the grammar needs at
/// the character level is settled here: string forms (<c>'..'</c>, <c>"..."</c>, <c>@'..'</c>,
/// <c>h'..'</c>, <c>```..```</c>), timespan literals (<c>5m</c>, <c>1.5d</c>, <c>10tick</c>), hyphenated
/// operator names, negated operators (<c>!has</c>) and the raw contents of <c>datetime(...)</c>.
/// Never throws; what it cannot read becomes a <see cref="TokenKind.Bad"/> token.
/// </summary>
internal sealed class KustoLexer
{
    private static readonly HashSet<string> HyphenatedKeywords = new()
    {
        "project-away", "project-keep", "project-rename", "project-reorder", "project-smart",
        "mv-expand", "mv-apply", "parse-where", "parse-kv", "make-series", "make-graph", "graph-match",
        "top-nested", "top-hitters", "sample-distinct", "execute-and-cache", "graph-merge", "graph-to-table",
        "graph-shortest-paths", "graph-mark-components", "project-by-names", "assert-schema",
    };

    /// <summary>The operators written with a leading '!'.</summary>
    private static readonly HashSet<string> NegatedOperators = new()
    {
        "!in", "!in~", "!between", "!has", "!has_cs", "!hasprefix", "!hasprefix_cs", "!hassuffix", "!hassuffix_cs",
        "!contains", "!contains_cs", "!containscs", "!startswith", "!startswith_cs", "!endswith", "!endswith_cs",
        "!like", "!like_cs",
    };

    /// <summary>Functions whose argument is literal text rather than an expression.</summary>
    private static readonly HashSet<string> RawArgumentFunctions = new() { "datetime", "date", "timespan", "time", "guid" };

    private readonly string _text;
    private int _position;

    private KustoLexer(string text) => _text = text;

    public static List<SyntaxToken> Tokenize(string text)
    {
        var lexer = new KustoLexer(text);
        var tokens = new List<SyntaxToken>(text.Length / 4 + 4);
        while (true)
        {
            var token = lexer.Next(tokens.Count > 0 ? tokens[tokens.Count - 1] : (SyntaxToken?)null, tokens.Count > 1 ? tokens[tokens.Count - 2] : (SyntaxToken?)null);
            tokens.Add(token);
            if (token.Kind == TokenKind.EndOfText) return tokens;
        }
    }

    private char Peek(int ahead = 0) => _position + ahead < _text.Length ? _text[_position + ahead] : '\0';

    private SyntaxToken Next(SyntaxToken? previous, SyntaxToken? beforePrevious)
    {
        var triviaStart = _position;
        var lineBreak = SkipTrivia();
        var space = _position > triviaStart;
        var start = _position;

        // datetime( ... ) — the previous two tokens are `datetime` and `(`: read raw text to ')'
        if (previous is { Kind: TokenKind.OpenParen } && beforePrevious is { Kind: TokenKind.Identifier } b && RawArgumentFunctions.Contains(b.Text))
        {
            var close = _text.IndexOf(')', start);
            var newline = _text.IndexOf('\n', start);
            if (close > start && (newline < 0 || newline > close))
            {
                var end = close;
                while (end > start && char.IsWhiteSpace(_text[end - 1])) end--;
                _position = close;
                return Token(TokenKind.RawText, start, end, null, space, lineBreak);
            }
        }

        if (_position >= _text.Length) return Token(TokenKind.EndOfText, start, start, null, space, lineBreak);

        var c = Peek();
        switch (c)
        {
            case '|': return Punct(TokenKind.Pipe, 1);
            case ';': return Punct(TokenKind.Semicolon, 1);
            case ',': return Punct(TokenKind.Comma, 1);
            case '(': return Punct(TokenKind.OpenParen, 1);
            case ')': return Punct(TokenKind.CloseParen, 1);
            case '[': return Punct(TokenKind.OpenBracket, 1);
            case ']': return Punct(TokenKind.CloseBracket, 1);
            case '{': return Punct(TokenKind.OpenBrace, 1);
            case '}': return Punct(TokenKind.CloseBrace, 1);
            case ':': return Punct(TokenKind.Colon, 1);
            case '?': return Punct(TokenKind.Question, 1);
            case '+': return Punct(TokenKind.Plus, 1);
            case '-': return Punct(TokenKind.Minus, 1);
            case '*': return Punct(TokenKind.Star, 1);
            case '/': return Punct(TokenKind.Slash, 1);
            case '%': return Punct(TokenKind.Percent, 1);
            case '.':
                if (char.IsDigit(Peek(1))) return Number(start, space, lineBreak);
                return Peek(1) == '.' ? Punct(TokenKind.DotDot, 2) : Punct(TokenKind.Dot, 1);
            case '=':
                if (Peek(1) == '=') return Punct(TokenKind.EqualEqual, 2);
                if (Peek(1) == '~') return Punct(TokenKind.EqualTilde, 2);
                if (Peek(1) == '>') return Punct(TokenKind.FatArrow, 2);
                return Punct(TokenKind.Equal, 1);
            case '<':
                if (Peek(1) == '=') return Punct(TokenKind.LessEqual, 2);
                if (Peek(1) == '>') return Punct(TokenKind.LessGreater, 2);
                return Punct(TokenKind.Less, 1);
            case '>':
                return Peek(1) == '=' ? Punct(TokenKind.GreaterEqual, 2) : Punct(TokenKind.Greater, 1);
            case '!':
                if (Peek(1) == '=') return Punct(TokenKind.BangEqual, 2);
                if (Peek(1) == '~') return Punct(TokenKind.BangTilde, 2);
                if (IsIdentifierStart(Peek(1)))
                {
                    _position++;
                    var negated = Identifier(start, space, lineBreak);
                    if (NegatedOperators.Contains(negated.Text)) return negated;
                    _position = start + 1; // '!' is not an operator of its own: not(x) negates
                    return Token(TokenKind.Bad, start, _position, null, space, lineBreak, "unexpected '!': use not(...) to negate");
                }
                _position++;
                return Token(TokenKind.Bad, start, _position, null, space, lineBreak, "unexpected character '!'");
            case '\'':
            case '"':
                return QuotedString(start, space, lineBreak, _position, verbatim: false);
            case '@':
                if (Peek(1) == '\'' || Peek(1) == '"') return QuotedString(start, space, lineBreak, _position + 1, verbatim: true);
                break;
            case '`':
            case '~':
                if (Peek(1) == c && Peek(2) == c) return MultiLineString(start, space, lineBreak, c);
                break;
        }

        if ((c == 'h' || c == 'H') && (Peek(1) == '\'' || Peek(1) == '"'))
            return QuotedString(start, space, lineBreak, _position + 1, verbatim: false);
        if ((c == 'h' || c == 'H') && Peek(1) == '@' && (Peek(2) == '\'' || Peek(2) == '"'))
            return QuotedString(start, space, lineBreak, _position + 2, verbatim: true);
        if (char.IsDigit(c)) return Number(start, space, lineBreak);
        if (IsIdentifierStart(c) || c == '$') return Identifier(start, space, lineBreak);

        _position++;
        return Token(TokenKind.Bad, start, _position, null, space, lineBreak, $"unexpected character '{c}'");

        SyntaxToken Punct(TokenKind kind, int length)
        {
            _position += length;
            return Token(kind, start, _position, null, space, lineBreak);
        }
    }

    private SyntaxToken Token(TokenKind kind, int start, int end, object? value, bool space, bool lineBreak, string? error = null)
        => new(kind, start, end, _text.Substring(start, end - start), value, space, lineBreak, error);

    /// <summary>Skips whitespace and comments; says whether a line break was among them.</summary>
    private bool SkipTrivia()
    {
        var lineBreak = false;
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (c == '\n') { lineBreak = true; _position++; }
            else if (char.IsWhiteSpace(c)) _position++;
            else if (c == '/' && Peek(1) == '/')
            {
                while (_position < _text.Length && _text[_position] != '\n') _position++;
            }
            else break;
        }
        return lineBreak;
    }

    private static bool IsIdentifierStart(char c) => char.IsLetter(c) || c == '_';

    private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_';

    private SyntaxToken Identifier(int start, bool space, bool lineBreak)
    {
        _position++;
        while (IsIdentifierPart(Peek())) _position++;
        var word = _text.Substring(start, _position - start);

        // project-away, mv-expand, ...: one token when the joined word is an operator name
        if (Peek() == '-' && IsIdentifierStart(Peek(1)))
        {
            var end = _position + 1;
            while (end < _text.Length && IsIdentifierPart(_text[end])) end++;
            if (HyphenatedKeywords.Contains(word + _text.Substring(_position, end - _position)))
                _position = end;
        }

        // in~ and !in~
        if ((word == "in" || word == "!in") && Peek() == '~') _position++;
        return Token(TokenKind.Identifier, start, _position, null, space, lineBreak);
    }

    private SyntaxToken Number(int start, bool space, bool lineBreak)
    {
        if (Peek() == '0' && (Peek(1) == 'x' || Peek(1) == 'X'))
        {
            _position += 2;
            var digitsStart = _position;
            while (Uri.IsHexDigit(Peek())) _position++;
            var hex = _text.Substring(digitsStart, _position - digitsStart);
            return long.TryParse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var h)
                ? Token(TokenKind.LongLiteral, start, _position, h, space, lineBreak)
                : Token(TokenKind.Bad, start, _position, null, space, lineBreak, "invalid hexadecimal number");
        }

        var isReal = false;
        while (char.IsDigit(Peek())) _position++;
        if (Peek() == '.' && char.IsDigit(Peek(1)))
        {
            isReal = true;
            _position++;
            while (char.IsDigit(Peek())) _position++;
        }
        else if (Peek() == '.' && !IsIdentifierStart(Peek(1)) && Peek(1) != '.')
        {
            isReal = true; // 1. is a real
            _position++;
        }
        if ((Peek() == 'e' || Peek() == 'E') && (char.IsDigit(Peek(1)) || ((Peek(1) == '+' || Peek(1) == '-') && char.IsDigit(Peek(2)))))
        {
            isReal = true;
            _position += 2;
            while (char.IsDigit(Peek())) _position++;
        }
        var numberEnd = _position;
        var numberText = _text.Substring(start, numberEnd - start);

        if (IsIdentifierStart(Peek()))
        {
            var unitStart = _position;
            while (IsIdentifierPart(Peek())) _position++;
            var unit = _text.Substring(unitStart, _position - unitStart);
            if (LiteralParser.TryParseTimeSpan(numberText, unit, out var span))
                return Token(TokenKind.TimeSpanLiteral, start, _position, span, space, lineBreak);
            return Token(TokenKind.Bad, start, _position, null, space, lineBreak, $"'{unit}' is not a timespan unit");
        }

        if (!isReal)
        {
            if (long.TryParse(numberText, NumberStyles.None, CultureInfo.InvariantCulture, out var l))
                return Token(TokenKind.LongLiteral, start, numberEnd, l, space, lineBreak);
            return Token(TokenKind.Bad, start, numberEnd, null, space, lineBreak, "integer literal is too large");
        }
        return double.TryParse(numberText, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            ? Token(TokenKind.RealLiteral, start, numberEnd, d, space, lineBreak)
            : Token(TokenKind.Bad, start, numberEnd, null, space, lineBreak, "invalid real literal");
    }

    /// <summary>'...' or "..." with backslash escapes, or verbatim @'...' where a doubled quote is a quote.
    /// A string cannot span lines; an unterminated one ends at the line break.</summary>
    private SyntaxToken QuotedString(int start, bool space, bool lineBreak, int quoteAt, bool verbatim)
    {
        var quote = _text[quoteAt];
        _position = quoteAt + 1;
        var value = new StringBuilder();
        while (true)
        {
            if (_position >= _text.Length || _text[_position] == '\n' || _text[_position] == '\r')
                return Token(TokenKind.Bad, start, _position, value.ToString(), space, lineBreak, "unterminated string literal");
            var c = _text[_position];
            if (c == quote)
            {
                if (verbatim && Peek(1) == quote)
                {
                    value.Append(quote);
                    _position += 2;
                    continue;
                }
                _position++;
                return Token(TokenKind.StringLiteral, start, _position, value.ToString(), space, lineBreak);
            }
            if (c == '\\' && !verbatim && _position + 1 < _text.Length)
            {
                var e = _text[_position + 1];
                _position += 2;
                switch (e)
                {
                    case 'n': value.Append('\n'); break;
                    case 'r': value.Append('\r'); break;
                    case 't': value.Append('\t'); break;
                    case '0': value.Append('\0'); break;
                    case 'u' when _position + 4 <= _text.Length && int.TryParse(_text.Substring(_position, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var u):
                        value.Append((char)u);
                        _position += 4;
                        break;
                    case 'x' when _position + 2 <= _text.Length && int.TryParse(_text.Substring(_position, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var x):
                        value.Append((char)x);
                        _position += 2;
                        break;
                    default: value.Append(e); break; // \\ \' \" and any other escaped character stand for themselves
                }
                continue;
            }
            value.Append(c);
            _position++;
        }
    }

    /// <summary>```...``` or ~~~...~~~, which may span lines and has no escapes.</summary>
    private SyntaxToken MultiLineString(int start, bool space, bool lineBreak, char fence)
    {
        var delimiter = new string(fence, 3);
        var close = _text.IndexOf(delimiter, start + 3, System.StringComparison.Ordinal);
        if (close < 0)
        {
            _position = _text.Length;
            return Token(TokenKind.Bad, start, _position, _text.Substring(start + 3), space, lineBreak, "unterminated multi-line string literal");
        }
        _position = close + 3;
        return Token(TokenKind.StringLiteral, start, _position, _text.Substring(start + 3, close - start - 3), space, lineBreak);
    }
}
