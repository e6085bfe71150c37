using System;
using System.Collections.Generic;
using System.Globalization;

namespace AzureRules.Generators.Eql.Syntax;

/// <summary>A syntax error at an exact place in the query.</summary>
internal sealed record EqlSyntaxError(int Start, int Length, string Message);

/// <summary>
/// Recursive-descent parser for Elasticsearch EQL (the grammar of x-pack/plugin/eql, not Endgame's
/// older EQL): event queries, sequences (by, with maxspan, until, runs, missing events), samples,
/// and pipes. Stops at the first error, which it reports where it stands.
/// </summary>
internal sealed class EqlParser
{
    private static readonly HashSet<string> ReservedWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "and", "or", "not", "in", "like", "regex", "where", "by", "with", "until", "sequence", "sample",
        "true", "false", "null", "any", "join", "of",
    };

    private readonly List<EqlToken> _tokens;
    private int _index;

    private EqlParser(List<EqlToken> tokens) => _tokens = tokens;

    public static (EqlQuery? Query, EqlSyntaxError? Error) Parse(string text)
    {
        var parser = new EqlParser(EqlLexer.Tokenize(text));
        try
        {
            return (parser.ParseQuery(), null);
        }
        catch (SyntaxException e)
        {
            return (null, e.Error);
        }
    }

    private sealed class SyntaxException(EqlSyntaxError error) : Exception(error.Message)
    {
        public EqlSyntaxError Error { get; } = error;
    }

    // ---- tokens ----------------------------------------------------------------------------------

    private EqlToken Current => _tokens[_index];
    private EqlToken PeekToken(int ahead) => _tokens[Math.Min(_index + ahead, _tokens.Count - 1)];
    private EqlToken PreviousToken => _tokens[Math.Max(0, _index - 1)];

    private EqlToken Advance()
    {
        var token = Current;
        if (token.Kind == EqlTokenKind.Bad) throw Error(token, token.Text);
        if (_index < _tokens.Count - 1) _index++;
        return token;
    }

    private bool At(EqlTokenKind kind) => Current.Kind == kind;
    private bool AtKeyword(string keyword) => Current.IsKeyword(keyword);

    private EqlToken Expect(EqlTokenKind kind, string what)
    {
        if (Current.Kind != kind) throw Unexpected(what);
        return Advance();
    }

    private EqlToken ExpectKeyword(string keyword)
    {
        if (!AtKeyword(keyword)) throw Unexpected($"'{keyword}'");
        return Advance();
    }

    private SyntaxException Error(EqlToken token, string message)
        => new(new EqlSyntaxError(token.Start, Math.Max(1, token.Length), message));

    private SyntaxException Unexpected(string expected)
    {
        var token = Current;
        if (token.Kind == EqlTokenKind.Bad) return Error(token, token.Text);
        var found = token.Kind == EqlTokenKind.End ? "end of query" : $"'{token.Text}'";
        return new SyntaxException(new EqlSyntaxError(token.Start, token.Kind == EqlTokenKind.End ? 0 : token.Length, $"expected {expected} but found {found}"));
    }

    // ---- queries ---------------------------------------------------------------------------------

    private EqlQuery ParseQuery()
    {
        var start = Current.Start;
        EqlQuery query;
        if (AtKeyword("sequence")) query = ParseSequence(start);
        else if (AtKeyword("sample")) query = ParseSample(start);
        else if (AtKeyword("join")) throw Error(Current, "'join' is not supported by Elasticsearch EQL");
        else query = new EqlEventQuery(ParseEventFilter(), ParsePipes());
        if (!At(EqlTokenKind.End)) throw Unexpected(query.Pipes.Count > 0 || query is EqlEventQuery ? "'|' or end of query" : "'[' or end of query");
        return query;
    }

    private EqlSequenceQuery ParseSequence(int start)
    {
        Advance();
        IReadOnlyList<EqlExpression> keys = Array.Empty<EqlExpression>();
        EqlTimeSpan? maxSpan = null;
        for (var i = 0; i < 2; i++)
        {
            if (AtKeyword("by") && keys.Count == 0) { Advance(); keys = ParseKeys(); }
            else if (AtKeyword("with") && maxSpan is null) { Advance(); maxSpan = ParseMaxSpan(); }
        }
        var steps = new List<EqlStep>();
        while (At(EqlTokenKind.LeftBracket) || (At(EqlTokenKind.Bang) && PeekToken(1).Kind == EqlTokenKind.LeftBracket))
            steps.Add(ParseStep(allowRuns: true));
        // a single query repeated `with runs=N` is a sequence of N events
        var events = 0;
        foreach (var step in steps) events += step.Runs;
        if (events < 2) throw Unexpected(steps.Count == 0 ? "'[' to start the sequence's first query" : "'[' : a sequence needs at least two queries (or one `with runs=N`)");
        EqlStep? until = null;
        if (AtKeyword("until"))
        {
            Advance();
            until = ParseStep(allowRuns: false);
            if (until.IsMissing) throw Error(PreviousToken, "'until' cannot be a missing event");
        }
        return new EqlSequenceQuery(start, keys, maxSpan, steps, until, ParsePipes());
    }

    private EqlSampleQuery ParseSample(int start)
    {
        Advance();
        IReadOnlyList<EqlExpression> keys = Array.Empty<EqlExpression>();
        if (AtKeyword("by")) { Advance(); keys = ParseKeys(); }
        var steps = new List<EqlStep>();
        while (At(EqlTokenKind.LeftBracket)) steps.Add(ParseStep(allowRuns: false));
        if (steps.Count == 0) throw Unexpected("'[' to start the sample's first query");
        return new EqlSampleQuery(start, keys, steps, ParsePipes());
    }

    private EqlStep ParseStep(bool allowRuns)
    {
        var missing = false;
        if (At(EqlTokenKind.Bang)) { Advance(); missing = true; }
        Expect(EqlTokenKind.LeftBracket, "'['");
        var filter = ParseEventFilter();
        Expect(EqlTokenKind.RightBracket, "']'");
        IReadOnlyList<EqlExpression> keys = Array.Empty<EqlExpression>();
        var runs = 1;
        for (var i = 0; i < 2; i++)
        {
            if (AtKeyword("by") && keys.Count == 0) { Advance(); keys = ParseKeys(); }
            else if (AtKeyword("with") && allowRuns && runs == 1)
            {
                Advance();
                var name = Current;
                if (!name.IsKeyword("runs")) throw Unexpected("'runs'");
                Advance();
                Expect(EqlTokenKind.Equal, "'='");
                var value = Expect(EqlTokenKind.Integer, "the number of runs");
                if (!int.TryParse(value.Text, NumberStyles.None, CultureInfo.InvariantCulture, out runs) || runs < 1 || runs > 100)
                    throw Error(value, "runs must be an integer from 1 to 100");
            }
        }
        return new EqlStep(filter, keys, runs, missing);
    }

    private EqlTimeSpan ParseMaxSpan()
    {
        var name = Current;
        if (!name.IsKeyword("maxspan")) throw Unexpected("'maxspan'");
        Advance();
        Expect(EqlTokenKind.Equal, "'='");
        var number = Current;
        if (number.Kind != EqlTokenKind.Integer) throw Unexpected("a time span such as 30s, 5m, 1h or 1d");
        Advance();
        var unit = Current;
        if (unit.Kind != EqlTokenKind.Identifier || unit.Start != number.End)
            throw new SyntaxException(new EqlSyntaxError(number.Start, number.Length, "a time span needs a unit: ms, s, m, h or d"));
        Advance();
        long unitMillis = unit.Text switch { "ms" => 1, "s" => 1000, "m" => 60_000, "h" => 3_600_000, "d" => 86_400_000, _ => 0 };
        if (unitMillis == 0) throw Error(unit, $"unknown time unit '{unit.Text}': expected ms, s, m, h or d");
        // beyond a thousand years a span means nothing, and beyond TimeSpan's range it cannot be held
        const long MaxMillis = 1000L * 366 * 86_400_000;
        if (!long.TryParse(number.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount > MaxMillis / unitMillis)
            throw Error(number, "the time span is too long");
        var value = TimeSpan.FromMilliseconds(amount * unitMillis);
        return new EqlTimeSpan(value, number.Text + unit.Text, number.Start, unit.End);
    }

    private IReadOnlyList<EqlExpression> ParseKeys()
    {
        var keys = new List<EqlExpression> { ParseExpression() };
        while (At(EqlTokenKind.Comma)) { Advance(); keys.Add(ParseExpression()); }
        return keys;
    }

    private EqlEventFilter ParseEventFilter()
    {
        var token = Current;
        string? category;
        if (token.IsKeyword("any")) category = null;
        else if (token.Kind is EqlTokenKind.Identifier or EqlTokenKind.String or EqlTokenKind.QuotedIdentifier
                 && !(token.Kind == EqlTokenKind.Identifier && ReservedWords.Contains(token.Text)))
            category = token.Text;
        else throw Unexpected("an event category or 'any'");
        Advance();
        ExpectKeyword("where");
        var condition = ParseExpression();
        return new EqlEventFilter(token.Start, condition.End, category, token.Start, token.End, condition);
    }

    private IReadOnlyList<EqlPipe> ParsePipes()
    {
        var pipes = new List<EqlPipe>();
        while (At(EqlTokenKind.Pipe))
        {
            var bar = Advance();
            var name = Current;
            if (name.Kind != EqlTokenKind.Identifier) throw Unexpected("a pipe name such as head or tail");
            Advance();
            var arguments = new List<EqlExpression>();
            if (!At(EqlTokenKind.End) && !At(EqlTokenKind.Pipe))
            {
                arguments.Add(ParseExpression());
                while (At(EqlTokenKind.Comma)) { Advance(); arguments.Add(ParseExpression()); }
            }
            pipes.Add(new EqlPipe(bar.Start, PreviousToken.End, name.Text.ToLowerInvariant(), arguments));
        }
        return pipes;
    }

    // ---- expressions -----------------------------------------------------------------------------

    // Deeper nesting than any real query: refuse it rather than risk the compiler's stack.
    private const int MaxDepth = 100;
    private int _depth;

    public EqlExpression ParseExpression()
    {
        if (++_depth > MaxDepth) throw Error(Current, $"the expression is nested more than {MaxDepth} levels deep");
        try
        {
            return ParseOr();
        }
        finally
        {
            _depth--;
        }
    }

    private EqlExpression ParseOr()
    {
        var left = ParseAnd();
        while (AtKeyword("or"))
        {
            var op = Advance();
            var right = ParseAnd();
            left = new EqlBinary(left.Start, right.End, EqlBinaryOperator.Or, op.Start, left, right);
        }
        return left;
    }

    private EqlExpression ParseAnd()
    {
        var left = ParseNot();
        while (AtKeyword("and"))
        {
            var op = Advance();
            var right = ParseNot();
            left = new EqlBinary(left.Start, right.End, EqlBinaryOperator.And, op.Start, left, right);
        }
        return left;
    }

    private EqlExpression ParseNot()
    {
        if (AtKeyword("not"))
        {
            var op = Advance();
            if (++_depth > MaxDepth) throw Error(op, $"the expression is nested more than {MaxDepth} levels deep");
            var operand = ParseNot();
            _depth--;
            return new EqlUnary(op.Start, operand.End, EqlUnaryOperator.Not, operand);
        }
        return ParseComparison();
    }

    private EqlExpression ParseComparison()
    {
        var left = ParseAdditive();
        var token = Current;
        EqlBinaryOperator? comparison = token.Kind switch
        {
            EqlTokenKind.EqualEqual => EqlBinaryOperator.Equal,
            EqlTokenKind.NotEqual => EqlBinaryOperator.NotEqual,
            EqlTokenKind.Less => EqlBinaryOperator.Less,
            EqlTokenKind.LessEqual => EqlBinaryOperator.LessOrEqual,
            EqlTokenKind.Greater => EqlBinaryOperator.Greater,
            EqlTokenKind.GreaterEqual => EqlBinaryOperator.GreaterOrEqual,
            _ => null,
        };
        if (comparison is { } op)
        {
            Advance();
            var right = ParseAdditive();
            if (IsComparisonToken(Current.Kind))
                throw Error(Current, "comparisons cannot be chained: use 'and' or parentheses");
            return new EqlBinary(left.Start, right.End, op, token.Start, left, right);
        }
        if (token.Kind == EqlTokenKind.Equal)
            throw Error(token, "'=' is not an operator in EQL: use '==' to compare, or ':' for a case-insensitive match");
        if (token.Kind == EqlTokenKind.Colon)
        {
            Advance();
            return Predicate(left, EqlPredicateKind.Colon, caseInsensitive: true, negated: false, ParsePatterns(allowSingle: true));
        }
        if (token.IsKeyword("like") || token.IsKeyword("regex"))
        {
            Advance();
            var insensitive = TakeTilde(token);
            var kind = token.IsKeyword("like") ? EqlPredicateKind.Like : EqlPredicateKind.Regex;
            return Predicate(left, kind, insensitive, negated: false, ParsePatterns(allowSingle: true));
        }
        var negated = false;
        if (token.IsKeyword("not") && PeekToken(1).IsKeyword("in"))
        {
            Advance();
            negated = true;
            token = Current;
        }
        if (token.IsKeyword("in"))
        {
            Advance();
            var insensitive = TakeTilde(token);
            return Predicate(left, EqlPredicateKind.In, insensitive, negated, ParsePatterns(allowSingle: false));
        }
        return left;
    }

    private static bool IsComparisonToken(EqlTokenKind kind)
        => kind is EqlTokenKind.EqualEqual or EqlTokenKind.NotEqual or EqlTokenKind.Less or EqlTokenKind.LessEqual
            or EqlTokenKind.Greater or EqlTokenKind.GreaterEqual;

    /// <summary>The <c>~</c> of <c>like~</c>, <c>regex~</c>, <c>in~</c>, written right after the keyword.</summary>
    private bool TakeTilde(EqlToken keyword)
    {
        if (!At(EqlTokenKind.Tilde) || Current.Start != keyword.End) return false;
        Advance();
        return true;
    }

    private EqlPredicate Predicate(EqlExpression left, EqlPredicateKind kind, bool caseInsensitive, bool negated, List<EqlExpression> patterns)
        => new(left.Start, PreviousToken.End, kind, caseInsensitive, negated, left, patterns);

    /// <summary>One operand, or a parenthesised list of them (<c>in</c> always takes the list).</summary>
    private List<EqlExpression> ParsePatterns(bool allowSingle)
    {
        if (!At(EqlTokenKind.LeftParen))
        {
            if (!allowSingle) throw Unexpected("'(' to start the list");
            return new List<EqlExpression> { ParseAdditive() };
        }
        Advance();
        var list = new List<EqlExpression> { ParseExpression() };
        while (At(EqlTokenKind.Comma)) { Advance(); list.Add(ParseExpression()); }
        Expect(EqlTokenKind.RightParen, "',' or ')'");
        return list;
    }

    private EqlExpression ParseAdditive()
    {
        var left = ParseMultiplicative();
        while (At(EqlTokenKind.Plus) || At(EqlTokenKind.Minus))
        {
            var op = Advance();
            var right = ParseMultiplicative();
            left = new EqlBinary(left.Start, right.End, op.Kind == EqlTokenKind.Plus ? EqlBinaryOperator.Add : EqlBinaryOperator.Subtract, op.Start, left, right);
        }
        return left;
    }

    private EqlExpression ParseMultiplicative()
    {
        var left = ParseUnary();
        while (At(EqlTokenKind.Star) || At(EqlTokenKind.Slash) || At(EqlTokenKind.Percent))
        {
            var op = Advance();
            var right = ParseUnary();
            var kind = op.Kind switch
            {
                EqlTokenKind.Star => EqlBinaryOperator.Multiply,
                EqlTokenKind.Slash => EqlBinaryOperator.Divide,
                _ => EqlBinaryOperator.Modulo,
            };
            left = new EqlBinary(left.Start, right.End, kind, op.Start, left, right);
        }
        return left;
    }

    private EqlExpression ParseUnary()
    {
        if (At(EqlTokenKind.Minus))
        {
            var minus = Advance();
            if (++_depth > MaxDepth) throw Error(minus, $"the expression is nested more than {MaxDepth} levels deep");
            var operand = ParseUnary();
            _depth--;
            // -1 is a literal, so that comparisons with it stay comparisons with a constant
            if (operand is EqlLiteral { IsNumber: true } number)
                return new EqlLiteral(minus.Start, number.End, number.Kind, "-" + number.Text);
            return new EqlUnary(minus.Start, operand.End, EqlUnaryOperator.Negate, operand);
        }
        if (At(EqlTokenKind.Plus))
        {
            Advance();
            return ParseUnary();
        }
        return ParsePrimary();
    }

    private EqlExpression ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case EqlTokenKind.String:
                Advance();
                return new EqlLiteral(token.Start, token.End, EqlLiteralKind.String, token.Text);
            case EqlTokenKind.Integer:
                Advance();
                return new EqlLiteral(token.Start, token.End, EqlLiteralKind.Integer, token.Text);
            case EqlTokenKind.Decimal:
                Advance();
                return new EqlLiteral(token.Start, token.End, EqlLiteralKind.Decimal, token.Text);
            case EqlTokenKind.LeftParen:
            {
                Advance();
                var inner = ParseExpression();
                Expect(EqlTokenKind.RightParen, "')'");
                return inner;
            }
            case EqlTokenKind.Question:
            {
                Advance();
                if (Current.Kind is not (EqlTokenKind.Identifier or EqlTokenKind.QuotedIdentifier) || Current.Start != token.End)
                    throw Unexpected("a field name right after '?'");
                return ParseField(token.Start, optional: true);
            }
            case EqlTokenKind.Identifier:
                if (token.IsKeyword("true") || token.IsKeyword("false"))
                {
                    Advance();
                    return new EqlLiteral(token.Start, token.End, EqlLiteralKind.Boolean, token.Text.ToLowerInvariant());
                }
                if (token.IsKeyword("null"))
                {
                    Advance();
                    return new EqlLiteral(token.Start, token.End, EqlLiteralKind.Null, "null");
                }
                if (PeekToken(1).Kind == EqlTokenKind.LeftParen
                    || (PeekToken(1).Kind == EqlTokenKind.Tilde && PeekToken(2).Kind == EqlTokenKind.LeftParen))
                    return ParseCall();
                if (ReservedWords.Contains(token.Text)) throw Unexpected("a field, a value or '('");
                return ParseField(token.Start, optional: false);
            case EqlTokenKind.QuotedIdentifier:
                return ParseField(token.Start, optional: false);
        }
        throw Unexpected("a field, a value or '('");
    }

    /// <summary>A dotted field name: <c>process.parent.name</c>, <c>`odd name`.sub</c>, <c>process.args[0]</c>.</summary>
    private EqlField ParseField(int start, bool optional)
    {
        var name = new System.Text.StringBuilder(Advance().Text);
        while (true)
        {
            if (At(EqlTokenKind.Dot) && PeekToken(1).Kind is EqlTokenKind.Identifier or EqlTokenKind.QuotedIdentifier
                && Current.Start == PreviousToken.End && PeekToken(1).Start == Current.End)
            {
                Advance();
                name.Append('.').Append(Advance().Text);
                continue;
            }
            // field.name.0 is lexed as a number after the dot: an array position in Elasticsearch's grammar
            if (At(EqlTokenKind.Dot) && PeekToken(1).Kind == EqlTokenKind.Integer && Current.Start == PreviousToken.End)
            {
                Advance();
                name.Append('.').Append(Advance().Text);
                continue;
            }
            break;
        }
        return new EqlField(start, PreviousToken.End, name.ToString(), optional);
    }

    private EqlCall ParseCall()
    {
        var name = Advance();
        var insensitive = false;
        if (At(EqlTokenKind.Tilde))
        {
            Advance();
            insensitive = true;
        }
        Expect(EqlTokenKind.LeftParen, "'('");
        var arguments = new List<EqlExpression>();
        if (!At(EqlTokenKind.RightParen))
        {
            arguments.Add(ParseExpression());
            while (At(EqlTokenKind.Comma)) { Advance(); arguments.Add(ParseExpression()); }
        }
        var close = Expect(EqlTokenKind.RightParen, "',' or ')'");
        return new EqlCall(name.Start, close.End, name.Text, name.End, insensitive, arguments);
    }
}
