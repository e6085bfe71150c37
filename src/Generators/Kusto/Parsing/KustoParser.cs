using System.Collections.Generic;
using System.Collections.Immutable;
using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Kusto.Syntax;
using AzureRules.Generators.Model;

namespace AzureRules.Generators.Kusto.Parsing;

/// <summary>
/// A recursive-descent parser for Kusto queries, producing a <see cref="KustoSyntaxTree"/>.
/// <para>
/// It never throws and always stops. On a syntax error it reports one AR0301 and recovers: a missing
/// token or expression is stood in for (<see cref="MissingExpression"/>), and the rest of the damaged
/// operator or statement is skipped to the next <c>|</c>, <c>;</c> or closing bracket. Further errors are
/// held back until that synchronisation point, so one mistake gives one diagnostic.
/// </para>
/// The grammar is split by layer: statements (let, set, declare), expressions (precedence climbing),
/// query operators (one method per operator) and literals.
/// </summary>
internal sealed partial class KustoParser
{
    private const int MaxDepth = 120;

    private readonly string _text;
    private readonly List<SyntaxToken> _tokens;
    private readonly ImmutableArray<QueryDiagnostic>.Builder _diagnostics = ImmutableArray.CreateBuilder<QueryDiagnostic>();
    private int _index;
    private int _previousEnd;
    private int _depth;
    private bool _recovering;

    private KustoParser(string text)
    {
        _text = text;
        _tokens = KustoLexer.Tokenize(text);
    }

    /// <summary>Parses a whole query: statements separated by semicolons.</summary>
    public static KustoSyntaxTree Parse(string text)
    {
        text ??= "";
        var parser = new KustoParser(text);
        var root = parser.ParseQueryBlock();
        return new KustoSyntaxTree(text, root, parser._diagnostics.ToImmutable());
    }

    // ---- tokens --------------------------------------------------------------------------------

    private SyntaxToken Current => _tokens[_index];

    private SyntaxToken PeekToken(int ahead) => _tokens[System.Math.Min(_index + ahead, _tokens.Count - 1)];

    private bool AtEnd => Current.Kind == TokenKind.EndOfText;

    private SyntaxToken Advance()
    {
        var token = Current;
        if (_index < _tokens.Count - 1) _index++;
        if (token.Kind != TokenKind.EndOfText) _previousEnd = token.End;
        return token;
    }

    private bool IsKeyword(string keyword) => Current.Is(keyword);

    private bool TryEat(TokenKind kind)
    {
        if (Current.Kind != kind) return false;
        Advance();
        return true;
    }

    private bool TryEatKeyword(string keyword)
    {
        if (!Current.Is(keyword)) return false;
        Advance();
        return true;
    }

    /// <summary>Consumes a token of the kind, or reports <c>expected 'display'</c> and consumes nothing.</summary>
    private bool Expect(TokenKind kind, string display)
    {
        if (TryEat(kind)) return true;
        ReportExpected(display);
        if (kind is TokenKind.CloseParen or TokenKind.CloseBracket or TokenKind.CloseBrace) SkipToClosing(kind);
        return false;
    }

    /// <summary>After a missing closing bracket: skip what is left of the bracketed part, up to and
    /// including its closer, so the text after it is read in the right context and gives no second error.
    /// Stops without consuming at a statement end or at a closer of another kind.</summary>
    private void SkipToClosing(TokenKind closer)
    {
        var depth = 0;
        while (!AtEnd)
        {
            var kind = Current.Kind;
            if (depth == 0 && kind == TokenKind.Semicolon) return;
            if (kind is TokenKind.OpenParen or TokenKind.OpenBracket or TokenKind.OpenBrace) depth++;
            else if (kind is TokenKind.CloseParen or TokenKind.CloseBracket or TokenKind.CloseBrace)
            {
                if (depth == 0)
                {
                    if (kind == closer) Advance();
                    return;
                }
                depth--;
            }
            Advance();
        }
    }

    private bool ExpectKeyword(string keyword)
    {
        if (TryEatKeyword(keyword)) return true;
        ReportExpected($"'{keyword}'");
        return false;
    }

    /// <summary>From <paramref name="start"/> to the end of the last token consumed. A node that consumed
    /// nothing stands, like a missing one, where the last token ended.</summary>
    private TextRange RangeFrom(int start) => _previousEnd < start ? TextRange.Empty(_previousEnd) : new(start, _previousEnd);

    /// <summary>As <see cref="RangeFrom(int)"/>, also covering a first child that may be missing (placed before start).</summary>
    private TextRange RangeFrom(int start, Syntax.SyntaxNode? first)
        => RangeFrom(first is null ? start : System.Math.Min(start, first.Span.Start));

    // ---- diagnostics and recovery --------------------------------------------------------------

    private void Report(int start, int length, string message)
    {
        if (_recovering) return;
        _recovering = true;
        _diagnostics.Add(QueryDiagnostic.Create(DiagnosticDescriptors.KustoSyntaxError, start, length, message));
    }

    /// <summary>Reports at the current token, or, when that token starts a later line, at the end of the
    /// previous one: the fault is where something is missing, not where the next line begins.</summary>
    private void ReportAtCurrent(string message)
    {
        var token = Current;
        if (token.Kind == TokenKind.Bad && token.Error is not null)
        {
            Report(token.Start, token.End - token.Start, token.Error);
            return;
        }
        if ((token.LineBreakBefore || token.Kind == TokenKind.EndOfText) && _index > 0)
            Report(_previousEnd, 0, message);
        else
            Report(token.Start, token.End - token.Start, message);
    }

    private void ReportExpected(string what)
    {
        var token = Current;
        var found = token.Kind == TokenKind.EndOfText ? "the end of the query" : $"'{Shorten(token.Text)}'";
        ReportAtCurrent($"expected {what} but found {found}");
    }

    private void ReportUnexpected()
    {
        var token = Current;
        ReportAtCurrent(token.Kind == TokenKind.EndOfText ? "unexpected end of the query" : $"unexpected '{Shorten(token.Text)}'");
    }

    private static string Shorten(string text) => text.Length <= 30 ? text : text.Substring(0, 27) + "...";

    /// <summary>A synchronisation point was reached: report errors again.</summary>
    private void Resynchronized() => _recovering = false;

    /// <summary>Skips to the next <c>|</c> or <c>;</c> at this nesting level, or to a closing bracket that
    /// closes an enclosing one; brackets opened while skipping are skipped whole.</summary>
    private void SkipToSynchronizationPoint(bool stopAtPipe = true)
    {
        var depth = 0;
        while (!AtEnd)
        {
            var kind = Current.Kind;
            if (depth == 0 && (kind == TokenKind.Semicolon || (stopAtPipe && kind == TokenKind.Pipe))) return;
            if (kind is TokenKind.OpenParen or TokenKind.OpenBracket or TokenKind.OpenBrace) depth++;
            else if (kind is TokenKind.CloseParen or TokenKind.CloseBracket or TokenKind.CloseBrace)
            {
                if (depth == 0) return;
                depth--;
            }
            Advance();
        }
    }

    private bool EnterNesting()
    {
        if (_depth < MaxDepth)
        {
            _depth++;
            return true;
        }
        ReportAtCurrent("the query is nested too deeply");
        while (!AtEnd) Advance();
        return false;
    }

    private void LeaveNesting() => _depth--;

    private MissingExpression Missing() => new(TextRange.Empty(_previousEnd));

    private MissingExpression MissingExpected(string what)
    {
        ReportExpected(what);
        return Missing();
    }
}
