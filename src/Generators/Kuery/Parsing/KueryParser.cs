using System;
using System.Collections.Immutable;
using System.Text;
using AzureRules.Generators.Kuery.Syntax;

namespace AzureRules.Generators.Kuery.Parsing;

/// <summary>The outcome of parsing: a tree, or the first syntax error (Kibana stops at the first one too).</summary>
internal sealed record KueryParseResult(KueryNode? Root, KuerySyntaxError? Error)
{
    public bool Succeeded => Root is not null;
}

/// <summary>A syntax error at a query offset, worded like Kibana's ("Expected … but … found.").</summary>
internal sealed record KuerySyntaxError(int Offset, string Message);

/// <summary>
/// A scannerless recursive-descent parser for Kibana KQL that follows Kibana's PEG grammar
/// (packages/kbn-es-query/src/kuery/grammar/grammar.peggy):
/// <code>
/// query       = space* or-query? space*
/// or-query    = and-query (space+ "or" space+ and-query)*          keywords are case-insensitive
/// and-query   = not-query (space+ "and" space+ not-query)*
/// not-query   = "not" space+ not-query | sub-query
/// sub-query   = "(" space* or-query space* ")" | literal space* (":" space* ("{" nested "}" | values) | range-op space* literal) | literal
/// values      = "(" space* or-values space* ")" | literal        (or-/and-/not-values as above, over values)
/// </code>
/// Unquoted literals may contain spaces (<c>foo:bar baz</c> is one value) but stop before a keyword
/// surrounded by spaces; special characters <c>\():&lt;&gt;"*{}</c> are escaped with a backslash.
/// </summary>
internal sealed class KueryParser
{
    private const int MaxDepth = 256;
    private readonly string _text;
    private int _position;
    private int _depth;
    // where a keyword lacked its trailing space ("a or(b)"): Kibana's PEG parser reports the furthest
    // position it failed at, which is there rather than before the keyword
    private int _keywordFailure = -1;

    private KueryParser(string text) => _text = text;

    public static KueryParseResult Parse(string text)
    {
        var parser = new KueryParser(text);
        try
        {
            return new KueryParseResult(parser.ParseQuery(), null);
        }
        catch (SyntaxErrorException error)
        {
            return new KueryParseResult(null, new KuerySyntaxError(error.Offset, error.Message));
        }
    }

    /// <summary>Kibana's <c>fromLiteralExpression</c>: the whole text as one value.</summary>
    public static KueryLiteral? ParseLiteral(string text)
    {
        var parser = new KueryParser(text);
        try
        {
            parser.SkipSpaces();
            var literal = parser.ParseLiteralOrNull(isValue: true);
            parser.SkipSpaces();
            return literal is not null && parser.AtEnd ? literal : null;
        }
        catch (SyntaxErrorException)
        {
            return null;
        }
    }

    private bool AtEnd => _position >= _text.Length;
    private char Current => _position < _text.Length ? _text[_position] : '\0';

    private KueryNode ParseQuery()
    {
        SkipSpaces();
        if (AtEnd) return new KueryMatchAll(0, _text.Length);
        var query = ParseOr(inValues: false, field: null);
        SkipSpaces();
        if (!AtEnd)
        {
            if (_keywordFailure > _position) throw new SyntaxErrorException(_keywordFailure, $"Expected whitespace but \"{_text[_keywordFailure]}\" found.");
            throw Expected("AND, OR, end of input");
        }
        return query;
    }

    // ---- boolean structure (shared by queries and value lists) ----------------------------------

    private KueryNode ParseOr(bool inValues, KueryFieldName? field)
        => ParseChain("or", ParseAnd, (operands, start, length) => new KueryOr(operands, start, length), inValues, field);

    private KueryNode ParseAnd(bool inValues, KueryFieldName? field)
        => ParseChain("and", ParseNot, (operands, start, length) => new KueryAnd(operands, start, length), inValues, field);

    /// <summary>
    /// <c>operand (keyword operand)*</c> as one n-ary node, as Kibana builds one node per level
    /// (parenthesised groups stay nested); a single operand is returned as it is.
    /// </summary>
    private KueryNode ParseChain(
        string keyword,
        System.Func<bool, KueryFieldName?, KueryNode> parseOperand,
        System.Func<ImmutableArray<KueryNode>, int, int, KueryNode> create,
        bool inValues,
        KueryFieldName? field)
    {
        var start = _position;
        var first = parseOperand(inValues, field);
        if (!IsKeywordAhead(keyword)) return first;
        var operands = ImmutableArray.CreateBuilder<KueryNode>();
        operands.Add(first);
        while (TryKeyword(keyword))
            operands.Add(parseOperand(inValues, field));
        return create(operands.ToImmutable(), start, _position - start);
    }

    private KueryNode ParseNot(bool inValues, KueryFieldName? field)
    {
        var start = _position;
        if (IsNotAhead())
        {
            _position += 3;
            SkipSpaces();
            Enter();
            var operand = ParseNot(inValues, field);
            _depth--;
            return new KueryNot(operand, start, _position - start);
        }
        return inValues ? ParseValues(field!) : ParseSubQuery();
    }

    private KueryNode ParseSubQuery()
    {
        var start = _position;
        if (Current == '(')
        {
            _position++;
            SkipSpaces();
            Enter();
            var inner = ParseOr(inValues: false, field: null);
            _depth--;
            SkipSpaces();
            if (Current != ')') throw Expected("AND, OR, \")\"");
            _position++;
            return inner;
        }

        var literal = ParseLiteralOrNull(isValue: false) ?? throw Expected("\"(\", NOT, field name, value");
        var afterLiteral = _position;
        SkipSpaces();
        if (Current == ':')
        {
            var field = ToFieldName(literal);
            _position++;
            SkipSpaces();
            if (Current == '{')
            {
                _position++;
                SkipSpaces();
                Enter();
                var inner = ParseOr(inValues: false, field: null);
                _depth--;
                SkipSpaces();
                if (Current != '}') throw Expected("AND, OR, \"}\"");
                _position++;
                return new KueryNested(field, inner, start, _position - start);
            }
            // `field: not value` (detection-rules writes it; Kibana's grammar wants `field:(not value)`)
            return IsNotAhead() ? ParseNot(inValues: true, field) : ParseValues(field);
        }
        if (TryRangeOperator(out var op))
        {
            SkipSpaces();
            var value = ParseLiteralOrNull(isValue: true) ?? throw Expected("literal, whitespace");
            return new KueryRange(ToFieldName(literal), op, value, start, _position - start);
        }
        // a value on its own is free text
        _position = afterLiteral;
        return new KueryIs(null, literal, start, _position - start);
    }

    /// <summary>What follows <c>field:</c>: one value, or a parenthesised list spread over the field.</summary>
    private KueryNode ParseValues(KueryFieldName field)
    {
        if (Current == '(')
        {
            _position++;
            SkipSpaces();
            Enter();
            var inner = ParseOr(inValues: true, field);
            _depth--;
            SkipSpaces();
            if (Current != ')') throw Expected("AND, OR, \")\"");
            _position++;
            return inner;
        }
        var start = _position;
        var value = ParseLiteralOrNull(isValue: true) ?? throw Expected("\"(\", \"{\", value, whitespace");
        return new KueryIs(field, value, start, _position - start);
    }

    private void Enter()
    {
        if (++_depth > MaxDepth) throw new SyntaxErrorException(_position, "The query is nested too deeply");
    }

    private static KueryFieldName ToFieldName(KueryLiteral literal)
        => new(literal.Text, literal.HasWildcard, literal.Start, literal.Length);

    private bool TryRangeOperator(out KueryRangeOperator op)
    {
        op = default;
        switch (Current)
        {
            case '<':
                op = Peek(1) == '=' ? KueryRangeOperator.LessThanOrEqual : KueryRangeOperator.LessThan;
                break;
            case '>':
                op = Peek(1) == '=' ? KueryRangeOperator.GreaterThanOrEqual : KueryRangeOperator.GreaterThan;
                break;
            default:
                return false;
        }
        _position += op is KueryRangeOperator.LessThanOrEqual or KueryRangeOperator.GreaterThanOrEqual ? 2 : 1;
        return true;
    }

    // ---- keywords ------------------------------------------------------------------------------

    /// <summary><c>space+ keyword space+</c> at the current position (the spaces before it included).</summary>
    private bool IsKeywordAhead(string keyword) => KeywordLength(_position, keyword) > 0;

    private bool TryKeyword(string keyword)
    {
        var length = KeywordLength(_position, keyword);
        if (length == 0) return false;
        _position += length;
        return true;
    }

    /// <summary>Length of <c>space+ keyword space+</c> at <paramref name="at"/>, or 0.</summary>
    private int KeywordLength(int at, string keyword)
    {
        var i = at;
        while (i < _text.Length && IsSpace(_text[i])) i++;
        if (i == at || !MatchesWord(i, keyword)) return 0;
        var j = i + keyword.Length;
        var k = j;
        while (k < _text.Length && IsSpace(_text[k])) k++;
        if (k == j && j < _text.Length && !char.IsLetterOrDigit(_text[j])) _keywordFailure = System.Math.Max(_keywordFailure, j);
        return k == j ? 0 : k - at;
    }

    /// <summary><c>not space+</c> at the current position.</summary>
    private bool IsNotAhead() => IsNotAt(_position);

    private bool IsNotAt(int at)
        => MatchesWord(at, "not") && at + 3 < _text.Length && IsSpace(_text[at + 3]);

    private bool MatchesWord(int at, string word)
        => at + word.Length <= _text.Length && string.Compare(_text, at, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) == 0;

    // ---- literals ------------------------------------------------------------------------------

    /// <summary>A quoted string or an unquoted literal at the current position, or null when there is none.</summary>
    private KueryLiteral? ParseLiteralOrNull(bool isValue)
        => Current == '"' ? ParseQuoted() : ParseUnquoted(isValue);

    private KueryLiteral ParseQuoted()
    {
        var start = _position;
        var text = new StringBuilder();
        var i = _position + 1;
        while (true)
        {
            if (i >= _text.Length)
                // Kibana reports an unterminated string where its quote opens
                throw new SyntaxErrorException(start, "Expected \"(\", \"{\", value, whitespace but \"\"\" found.");
            var c = _text[i];
            if (c == '"') break;
            if (c == '\\' && i + 1 < _text.Length)
            {
                var next = _text[i + 1];
                if (TryEscapedWhitespace(next, out var ws)) { text.Append(ws); i += 2; continue; }
                if (next == 'u' && TryUnicode(i + 2, out var u)) { text.Append(u); i += 6; continue; }
                if (next is '"' or '\\') { text.Append(next); i += 2; continue; }
            }
            // any other backslash stands for itself inside quotes
            text.Append(c);
            i++;
        }
        _position = i + 1;
        var value = text.ToString();
        return new KueryLiteral(value, Quoted: true, HasWildcard: false, EscapePattern(value), start, _position - start);
    }

    private KueryLiteral? ParseUnquoted(bool isValue)
    {
        var start = _position;
        var text = new StringBuilder();
        var pattern = new StringBuilder();
        var hasWildcard = false;
        var i = _position;
        var end = i;           // end of the literal without trailing blanks
        var patternEnd = 0;
        var textEnd = 0;
        while (i < _text.Length)
        {
            var c = _text[i];
            if (c == '\\')
            {
                if (i + 1 >= _text.Length) break;
                var next = _text[i + 1];
                if (TryEscapedWhitespace(next, out var ws)) { Append(ws, 2); continue; }
                if (IsSpecial(next)) { Append(next, 2); continue; }
                if (next == 'u' && TryUnicode(i + 2, out var u)) { Append(u, 6); continue; }
                var keyword = EscapedKeyword(i + 1);
                if (keyword is not null) { AppendText(keyword); continue; }
                break; // an invalid escape ends the literal; the caller reports what it expected here
            }
            if (c == '*')
            {
                text.Append('*');
                pattern.Append('*');
                hasWildcard = true;
                i++;
                Mark();
                continue;
            }
            if (IsSpecial(c)) break;
            if (IsSpace(c))
            {
                if (KeywordLength(i, "or") > 0 || KeywordLength(i, "and") > 0) break;
                text.Append(c);
                pattern.Append(c);
                i++;
                continue;
            }
            // a literal cannot start a word with the keyword "not " (that is the not operator)
            if ((i == start || IsSpace(_text[i - 1])) && IsNotAt(i)) break;
            text.Append(c);
            pattern.Append(c);
            i++;
            Mark();
        }
        if (end == start) return null;
        _position = end;
        var value = text.ToString(0, textEnd);
        return new KueryLiteral(value, Quoted: false, hasWildcard, pattern.ToString(0, patternEnd), start, end - start);

        void Append(char ch, int width)
        {
            text.Append(ch);
            pattern.Append(ch is '*' or '\\' ? "\\" + ch : ch.ToString());
            i += width;
            Mark();
        }

        void AppendText(string word)
        {
            text.Append(word);
            pattern.Append(word);
            i += word.Length + 1;
            Mark();
        }

        void Mark()
        {
            end = i;
            textEnd = text.Length;
            patternEnd = pattern.Length;
        }
    }

    private string? EscapedKeyword(int at)
    {
        foreach (var word in new[] { "or", "and", "not" })
        {
            if (MatchesWord(at, word)) return _text.Substring(at, word.Length);
        }
        return null;
    }

    private static bool TryEscapedWhitespace(char c, out char whitespace)
    {
        whitespace = c switch { 't' => '\t', 'r' => '\r', 'n' => '\n', _ => '\0' };
        return whitespace != '\0';
    }

    private bool TryUnicode(int at, out char c)
    {
        c = '\0';
        if (at + 4 > _text.Length) return false;
        var value = 0;
        for (var k = 0; k < 4; k++)
        {
            var digit = HexValue(_text[at + k]);
            if (digit < 0) return false;
            value = value * 16 + digit;
        }
        c = (char)value;
        return true;
    }

    private static int HexValue(char c)
        => c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;

    internal static bool IsSpecial(char c) => c is '\\' or '(' or ')' or ':' or '<' or '>' or '"' or '*' or '{' or '}';

    /// <summary>Kibana's whitespace: space, tab, CR, LF and the no-break space.</summary>
    internal static bool IsSpace(char c) => c is ' ' or '\t' or '\r' or '\n' or '\u00A0';

    private static string EscapePattern(string value)
    {
        if (value.IndexOf('*') < 0 && value.IndexOf('\\') < 0) return value;
        return value.Replace("\\", "\\\\").Replace("*", "\\*");
    }

    private char Peek(int ahead) => _position + ahead < _text.Length ? _text[_position + ahead] : '\0';

    private void SkipSpaces()
    {
        while (!AtEnd && IsSpace(Current)) _position++;
    }

    private SyntaxErrorException Expected(string expected)
    {
        var found = AtEnd ? "end of input" : "\"" + Current + "\"";
        return new SyntaxErrorException(_position, $"Expected {expected} but {found} found.");
    }

    private sealed class SyntaxErrorException(int offset, string message) : Exception(message)
    {
        public int Offset { get; } = offset;
    }
}
