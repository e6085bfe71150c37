using System.Collections.Generic;
using System.Text;
using AzureRules.Generators.Diagnostics;

namespace AzureRules.Generators.Esql.Syntax;

/// <summary>
/// Splits an ES|QL query into tokens, skipping whitespace and <c>//</c> and <c>/* */</c> comments.
/// ES|QL's own lexer switches modes per command (index patterns after FROM, name patterns after KEEP);
/// here every command is lexed the same way and the parser joins adjacent tokens where a command
/// takes a pattern such as <c>logs-endpoint.events.*</c> or <c>Esql.*</c>. The lexer never fails: an
/// unterminated string is reported and ends at the end of the line, a stray character is an
/// <see cref="EsqlTokenKind.Unknown"/> token for the parser to report.
/// </summary>
internal sealed class EsqlLexer
{
    private readonly string _text;
    private readonly List<QueryDiagnostic> _diagnostics;
    private int _position;

    private EsqlLexer(string text, List<QueryDiagnostic> diagnostics)
    {
        _text = text;
        _diagnostics = diagnostics;
    }

    public static List<EsqlToken> Tokenize(string text, List<QueryDiagnostic> diagnostics)
    {
        var lexer = new EsqlLexer(text, diagnostics);
        var tokens = new List<EsqlToken>();
        while (true)
        {
            var token = lexer.Next();
            tokens.Add(token);
            if (token.Kind == EsqlTokenKind.EndOfInput) return tokens;
        }
    }

    private char Peek(int ahead = 0) => _position + ahead < _text.Length ? _text[_position + ahead] : '\0';

    private EsqlToken Next()
    {
        SkipTrivia();
        var start = _position;
        if (_position >= _text.Length) return new EsqlToken(EsqlTokenKind.EndOfInput, _text.Length, 0, "", "");
        var c = _text[_position];

        if (IsLetter(c) || ((c == '_' || c == '@') && IsIdentifierBody(Peek(1))))
        {
            _position++;
            while (IsIdentifierBody(Peek())) _position++;
            return Make(EsqlTokenKind.Identifier, start);
        }
        if (IsDigit(c) || (c == '.' && IsDigit(Peek(1)) && !IsIdentifierBody(PreviousChar(start)))) return Number(start);
        switch (c)
        {
            case '"': return String(start);
            case '`': return QuotedIdentifier(start);
            case '?':
                _position++;
                if (Peek() == '?') _position++; // ??name: a parameter standing for a field or function name
                while (IsIdentifierBody(Peek())) _position++;
                return Make(EsqlTokenKind.Parameter, start);
            case '|': return Single(EsqlTokenKind.Pipe);
            case ',': return Single(EsqlTokenKind.Comma);
            case '.': return Single(EsqlTokenKind.Dot);
            case ':': return Peek(1) == ':' ? Double(EsqlTokenKind.CastOperator) : Single(EsqlTokenKind.Colon);
            case '(': return Single(EsqlTokenKind.OpenParen);
            case ')': return Single(EsqlTokenKind.CloseParen);
            case '[': return Single(EsqlTokenKind.OpenBracket);
            case ']': return Single(EsqlTokenKind.CloseBracket);
            case '{': return Single(EsqlTokenKind.OpenBrace);
            case '}': return Single(EsqlTokenKind.CloseBrace);
            case '=':
                if (Peek(1) == '=') return Double(EsqlTokenKind.Equal);
                if (Peek(1) == '~') return Double(EsqlTokenKind.CaseInsensitiveEqual);
                return Single(EsqlTokenKind.Assign);
            case '!': return Peek(1) == '=' ? Double(EsqlTokenKind.NotEqual) : Single(EsqlTokenKind.Unknown);
            case '<': return Peek(1) == '=' ? Double(EsqlTokenKind.LessOrEqual) : Single(EsqlTokenKind.Less);
            case '>': return Peek(1) == '=' ? Double(EsqlTokenKind.GreaterOrEqual) : Single(EsqlTokenKind.Greater);
            case '+': return Single(EsqlTokenKind.Plus);
            case '-': return Single(EsqlTokenKind.Minus);
            case '*': return Single(EsqlTokenKind.Star);
            case '/': return Single(EsqlTokenKind.Slash);
            case '%': return Single(EsqlTokenKind.Percent);
            default: return Single(EsqlTokenKind.Unknown);
        }
    }

    private char PreviousChar(int index) => index > 0 ? _text[index - 1] : '\0';

    private void SkipTrivia()
    {
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f') { _position++; continue; }
            if (c == '/' && Peek(1) == '/')
            {
                while (_position < _text.Length && _text[_position] != '\n') _position++;
                continue;
            }
            if (c == '/' && Peek(1) == '*')
            {
                var end = _text.IndexOf("*/", _position + 2, System.StringComparison.Ordinal);
                if (end < 0)
                {
                    _diagnostics.Add(QueryDiagnostic.Create(DiagnosticDescriptors.EsqlSyntaxError, _position, 2, "unterminated /* comment"));
                    _position = _text.Length;
                }
                else _position = end + 2;
                continue;
            }
            return;
        }
    }

    private EsqlToken Number(int start)
    {
        var isDecimal = false;
        while (IsDigit(Peek())) _position++;
        if (Peek() == '.' && !IsLetter(Peek(1)) && Peek(1) != '_' && Peek(1) != '@')
        {
            isDecimal = true;
            _position++;
            while (IsDigit(Peek())) _position++;
        }
        if ((Peek() == 'e' || Peek() == 'E') && (IsDigit(Peek(1)) || ((Peek(1) == '+' || Peek(1) == '-') && IsDigit(Peek(2)))))
        {
            isDecimal = true;
            _position += 2;
            while (IsDigit(Peek())) _position++;
        }
        return Make(isDecimal ? EsqlTokenKind.Decimal : EsqlTokenKind.Integer, start);
    }

    private EsqlToken String(int start)
    {
        if (Peek(1) == '"' && Peek(2) == '"')
        {
            // """…""" takes its content verbatim, up to the first """ (plus up to two more quotes,
            // so that """say "hi"""" ends with the quote that belongs to the content)
            var end = _text.IndexOf("\"\"\"", start + 3, System.StringComparison.Ordinal);
            if (end < 0)
            {
                _diagnostics.Add(QueryDiagnostic.Create(DiagnosticDescriptors.EsqlSyntaxError, start, 3, "unterminated \"\"\" string"));
                _position = _text.Length;
                return new EsqlToken(EsqlTokenKind.String, start, _position - start, _text.Substring(start), _text.Substring(start + 3));
            }
            var close = end + 3;
            var extra = 0;
            while (extra < 2 && close < _text.Length && _text[close] == '"') { close++; extra++; }
            _position = close;
            return new EsqlToken(EsqlTokenKind.String, start, close - start, _text.Substring(start, close - start),
                _text.Substring(start + 3, close - 3 - (start + 3)));
        }

        var value = new StringBuilder();
        _position++;
        while (true)
        {
            var c = Peek();
            if (_position >= _text.Length || c == '\n' || c == '\r')
            {
                _diagnostics.Add(QueryDiagnostic.Create(DiagnosticDescriptors.EsqlSyntaxError, start, 1, "unterminated string"));
                return new EsqlToken(EsqlTokenKind.String, start, _position - start, _text.Substring(start, _position - start), value.ToString());
            }
            if (c == '"')
            {
                _position++;
                return new EsqlToken(EsqlTokenKind.String, start, _position - start, _text.Substring(start, _position - start), value.ToString());
            }
            if (c == '\\')
            {
                var escaped = Peek(1);
                switch (escaped)
                {
                    case 't': value.Append('\t'); break;
                    case 'n': value.Append('\n'); break;
                    case 'r': value.Append('\r'); break;
                    case '"': value.Append('"'); break;
                    case '\\': value.Append('\\'); break;
                    default:
                        // ES|QL's lexer knows only these five escapes; anything else does not tokenize
                        _diagnostics.Add(QueryDiagnostic.Create(DiagnosticDescriptors.EsqlSyntaxError, _position, 2,
                            $"invalid escape sequence '\\{escaped}' in a string: ES|QL knows \\t \\n \\r \\\" and \\\\; use a \"\"\"…\"\"\" string for backslashes"));
                        value.Append('\\').Append(escaped);
                        break;
                }
                _position += 2;
                continue;
            }
            value.Append(c);
            _position++;
        }
    }

    private EsqlToken QuotedIdentifier(int start)
    {
        var value = new StringBuilder();
        _position++;
        while (true)
        {
            if (_position >= _text.Length)
            {
                _diagnostics.Add(QueryDiagnostic.Create(DiagnosticDescriptors.EsqlSyntaxError, start, 1, "unterminated ` quoted identifier"));
                return new EsqlToken(EsqlTokenKind.QuotedIdentifier, start, _position - start, _text.Substring(start), value.ToString());
            }
            var c = _text[_position];
            if (c == '`')
            {
                if (Peek(1) == '`') { value.Append('`'); _position += 2; continue; }
                _position++;
                return new EsqlToken(EsqlTokenKind.QuotedIdentifier, start, _position - start, _text.Substring(start, _position - start), value.ToString());
            }
            value.Append(c);
            _position++;
        }
    }

    private EsqlToken Single(EsqlTokenKind kind)
    {
        _position++;
        return Make(kind, _position - 1);
    }

    private EsqlToken Double(EsqlTokenKind kind)
    {
        _position += 2;
        return Make(kind, _position - 2);
    }

    private EsqlToken Make(EsqlTokenKind kind, int start)
    {
        var text = _text.Substring(start, _position - start);
        return new EsqlToken(kind, start, _position - start, text, text);
    }

    private static bool IsLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    private static bool IsDigit(char c) => c >= '0' && c <= '9';
    private static bool IsIdentifierBody(char c) => IsLetter(c) || IsDigit(c) || c == '_';
}
