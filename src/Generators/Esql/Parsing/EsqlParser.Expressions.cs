using System;
using System.Collections.Generic;
using System.Text;
using AzureRules.Generators.Esql.Syntax;

namespace AzureRules.Generators.Esql.Parsing;

// Expressions, from the loosest binding to the tightest:
//   OR < AND < NOT < predicates (comparison, [NOT] IN, [NOT] LIKE/RLIKE, IS [NOT] NULL, field : "query")
//   < + - < * / % < unary - + < value::type < primary
internal sealed partial class EsqlParser
{
    private static readonly HashSet<string> TimeUnits = new(StringComparer.OrdinalIgnoreCase)
    {
        "millisecond", "milliseconds", "ms",
        "second", "seconds", "sec", "s",
        "minute", "minutes", "min", "m",
        "hour", "hours", "h",
        "day", "days", "d",
        "week", "weeks", "w",
        "month", "months", "mo",
        "quarter", "quarters", "q",
        "year", "years", "yr", "y",
    };

    // Words that end an expression or belong to the expression grammar, so never a time unit or a column.
    private static readonly HashSet<string> ExpressionKeywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "and", "or", "not", "in", "is", "like", "rlike", "by", "asc", "desc", "nulls", "as", "on", "with", "where", "metadata",
    };

    // Deeper nesting than this is no real query; refusing it keeps a hostile one from overflowing the stack.
    private const int MaxDepth = 200;
    private int _depth;

    private EsqlExpression ParseBooleanExpression()
    {
        EnterNesting();
        try { return ParseOr(); }
        finally { _depth--; }
    }

    private void EnterNesting()
    {
        if (++_depth > MaxDepth)
        {
            _depth = 0;
            throw Error(Current, $"the expression is nested more than {MaxDepth} levels deep");
        }
    }

    private EsqlExpression ParseOr()
    {
        var left = ParseAnd();
        while (Current.IsKeyword("or"))
        {
            Next();
            left = new EsqlBinary(EsqlBinaryOperator.Or, left, ParseAnd());
        }
        return left;
    }

    private EsqlExpression ParseAnd()
    {
        var left = ParseNot();
        while (Current.IsKeyword("and"))
        {
            Next();
            left = new EsqlBinary(EsqlBinaryOperator.And, left, ParseNot());
        }
        return left;
    }

    private EsqlExpression ParseNot()
    {
        if (Current.IsKeyword("not"))
        {
            var start = Next().Start;
            EnterNesting();
            try { return new EsqlUnary(EsqlUnaryOperator.Not, ParseNot(), start); }
            finally { _depth--; }
        }
        return ParsePredicate();
    }

    private EsqlExpression ParsePredicate()
    {
        var value = ParseComparison();
        var negated = false;
        if (Current.IsKeyword("not") && (PeekToken(1).IsKeyword("in") || PeekToken(1).IsKeyword("like") || PeekToken(1).IsKeyword("rlike")))
        {
            Next();
            negated = true;
        }
        if (Current.IsKeyword("in"))
        {
            Next();
            Expect(EsqlTokenKind.OpenParen, "'(' and a list of values after IN");
            var list = new List<EsqlExpression> { ParseComparison() };
            while (Current.Is(EsqlTokenKind.Comma))
            {
                Next();
                list.Add(ParseComparison());
            }
            var close = Expect(EsqlTokenKind.CloseParen, "',' or ')' in the IN list");
            return new EsqlIn(value, list, negated, close.End);
        }
        if (Current.IsKeyword("like") || Current.IsKeyword("rlike"))
        {
            var isRegex = Next().IsKeyword("rlike");
            var what = isRegex ? "a regular expression string after RLIKE" : "a pattern string after LIKE";
            var patterns = new List<EsqlLiteral>();
            if (Current.Is(EsqlTokenKind.OpenParen))
            {
                Next();
                patterns.Add(ExpectString(what));
                while (Current.Is(EsqlTokenKind.Comma))
                {
                    Next();
                    patterns.Add(ExpectString(what));
                }
                Expect(EsqlTokenKind.CloseParen, "',' or ')' in the pattern list");
            }
            else patterns.Add(ExpectString(what));
            return new EsqlPatternMatch(value, patterns, isRegex, negated, PreviousEnd);
        }
        if (Current.IsKeyword("is"))
        {
            Next();
            var isNot = false;
            if (Current.IsKeyword("not")) { Next(); isNot = true; }
            if (!Current.IsKeyword("null")) throw Unexpected(Current, isNot ? "NULL after IS NOT" : "NULL or NOT NULL after IS");
            return new EsqlIsNull(value, isNot, Next().End);
        }
        if (Current.Is(EsqlTokenKind.Colon) && value is EsqlColumnReference or EsqlCast)
        {
            Next();
            return new EsqlMatchOperator(value, ParsePostfixExpression());
        }
        return value;
    }

    private EsqlExpression ParseComparison()
    {
        var left = ParseAdditive();
        var op = Current.Kind switch
        {
            EsqlTokenKind.Equal => EsqlBinaryOperator.Equal,
            EsqlTokenKind.CaseInsensitiveEqual => EsqlBinaryOperator.CaseInsensitiveEqual,
            EsqlTokenKind.NotEqual => EsqlBinaryOperator.NotEqual,
            EsqlTokenKind.Less => EsqlBinaryOperator.Less,
            EsqlTokenKind.LessOrEqual => EsqlBinaryOperator.LessOrEqual,
            EsqlTokenKind.Greater => EsqlBinaryOperator.Greater,
            EsqlTokenKind.GreaterOrEqual => EsqlBinaryOperator.GreaterOrEqual,
            _ => (EsqlBinaryOperator?)null,
        };
        if (op is null) return left;
        Next();
        return new EsqlBinary(op.Value, left, ParseAdditive());
    }

    // Arithmetic is not regrouped (integer overflow and double rounding depend on the order), so a chain
    // of n operators stays n levels deep for every tree walk and for the C# written for it: each operator
    // counts as one level of nesting, and a chain longer than the limit is an error at its operator.
    private EsqlExpression ParseAdditive()
    {
        var depth = _depth;
        try
        {
            var left = ParseMultiplicative();
            while (Current.Kind is EsqlTokenKind.Plus or EsqlTokenKind.Minus)
            {
                EnterNesting();
                var op = Next().Is(EsqlTokenKind.Plus) ? EsqlBinaryOperator.Add : EsqlBinaryOperator.Subtract;
                left = new EsqlBinary(op, left, ParseMultiplicative());
            }
            return left;
        }
        finally { _depth = depth; }
    }

    private EsqlExpression ParseMultiplicative()
    {
        var depth = _depth;
        try
        {
            var left = ParseUnary();
            while (Current.Kind is EsqlTokenKind.Star or EsqlTokenKind.Slash or EsqlTokenKind.Percent)
            {
                EnterNesting();
                var op = Next().Kind switch
                {
                    EsqlTokenKind.Star => EsqlBinaryOperator.Multiply,
                    EsqlTokenKind.Slash => EsqlBinaryOperator.Divide,
                    _ => EsqlBinaryOperator.Modulo,
                };
                left = new EsqlBinary(op, left, ParseUnary());
            }
            return left;
        }
        finally { _depth = depth; }
    }

    private EsqlExpression ParseUnary()
    {
        if (Current.Kind is EsqlTokenKind.Minus or EsqlTokenKind.Plus)
        {
            var token = Next();
            EnterNesting();
            try { return new EsqlUnary(token.Is(EsqlTokenKind.Minus) ? EsqlUnaryOperator.Negate : EsqlUnaryOperator.Plus, ParseUnary(), token.Start); }
            finally { _depth--; }
        }
        return ParsePostfixExpression();
    }

    private EsqlExpression ParsePostfixExpression()
    {
        var expression = ParsePrimary();
        while (Current.Is(EsqlTokenKind.CastOperator))
        {
            Next();
            if (!Current.Is(EsqlTokenKind.Identifier)) throw Unexpected(Current, "a type name after '::'");
            var type = Next();
            expression = new EsqlCast(expression, new EsqlName(type.Text, type.Start, type.End));
        }
        return expression;
    }

    private EsqlExpression ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case EsqlTokenKind.Integer:
                Next();
                if (Current.Is(EsqlTokenKind.Identifier) && !ExpressionKeywords.Contains(Current.Text))
                {
                    // a time span: 1 hour, 15 minutes, 1d
                    var unit = Next();
                    if (!TimeUnits.Contains(unit.Text)) throw Error(unit, $"unknown time unit '{unit.Text}': expected a unit such as ms, second, minute, hour, day, week, month, quarter or year");
                    return new EsqlLiteral(EsqlLiteralKind.TimeSpan, token.Text + " " + unit.Text.ToLowerInvariant(), token.Start, unit.End);
                }
                return new EsqlLiteral(EsqlLiteralKind.Integer, token.Text, token.Start, token.End);
            case EsqlTokenKind.Decimal:
                Next();
                return new EsqlLiteral(EsqlLiteralKind.Decimal, token.Text, token.Start, token.End);
            case EsqlTokenKind.String:
                Next();
                return new EsqlLiteral(EsqlLiteralKind.String, token.Value, token.Start, token.End);
            case EsqlTokenKind.Parameter:
                Next();
                return new EsqlParameter(token.Text, token.Start, token.End);
            case EsqlTokenKind.OpenParen:
            {
                Next();
                var inner = ParseBooleanExpression();
                Expect(EsqlTokenKind.CloseParen, "')'");
                return inner;
            }
            case EsqlTokenKind.OpenBracket:
                return ParseArray();
            case EsqlTokenKind.OpenBrace:
                return ParseMap();
            case EsqlTokenKind.Identifier when token.IsKeyword("null"):
                Next();
                return new EsqlLiteral(EsqlLiteralKind.Null, "null", token.Start, token.End);
            case EsqlTokenKind.Identifier when token.IsKeyword("true") || token.IsKeyword("false"):
                Next();
                return new EsqlLiteral(EsqlLiteralKind.Boolean, token.Text.ToLowerInvariant(), token.Start, token.End);
            case EsqlTokenKind.Identifier when PeekToken(1).Is(EsqlTokenKind.OpenParen):
                return ParseFunctionCall();
            case EsqlTokenKind.Identifier when !ExpressionKeywords.Contains(token.Text):
            case EsqlTokenKind.QuotedIdentifier:
                return new EsqlColumnReference(ParseQualifiedName());
            default:
                throw Unexpected(token, "an expression");
        }
    }

    private EsqlFunctionCall ParseFunctionCall()
    {
        var nameToken = Next();
        var name = new EsqlName(nameToken.Text, nameToken.Start, nameToken.End);
        Next(); // (
        var arguments = new List<EsqlExpression>();
        var isStar = false;
        EsqlMap? options = null;
        if (Current.Is(EsqlTokenKind.Star) && PeekToken(1).Is(EsqlTokenKind.CloseParen))
        {
            Next();
            isStar = true;
        }
        else if (!Current.Is(EsqlTokenKind.CloseParen))
        {
            while (true)
            {
                if (Current.Is(EsqlTokenKind.OpenBrace))
                {
                    // the options map comes last: MATCH(field, "query", { "fuzziness": 1 })
                    options = ParseMap();
                    break;
                }
                arguments.Add(ParseBooleanExpression());
                if (!Current.Is(EsqlTokenKind.Comma)) break;
                Next();
            }
        }
        var close = Expect(EsqlTokenKind.CloseParen, $"',' or ')' in the arguments of {nameToken.Text}");
        return new EsqlFunctionCall(name, arguments, isStar, options, close.End);
    }

    private EsqlArrayLiteral ParseArray()
    {
        var start = Next().Start;
        var items = new List<EsqlExpression>();
        if (!Current.Is(EsqlTokenKind.CloseBracket))
        {
            items.Add(ParseUnary());
            while (Current.Is(EsqlTokenKind.Comma))
            {
                Next();
                items.Add(ParseUnary());
            }
        }
        var close = Expect(EsqlTokenKind.CloseBracket, "',' or ']' in the array");
        return new EsqlArrayLiteral(items, start, close.End);
    }

    private EsqlMap ParseMap()
    {
        var start = Expect(EsqlTokenKind.OpenBrace, "'{'").Start;
        var entries = new List<KeyValuePair<string, EsqlExpression>>();
        if (!Current.Is(EsqlTokenKind.CloseBrace))
        {
            do
            {
                if (entries.Count > 0) Next();
                var key = ExpectString("a quoted option name");
                Expect(EsqlTokenKind.Colon, "':' after the option name");
                var value = Current.Is(EsqlTokenKind.OpenBrace) ? ParseMap() : ParseUnary();
                entries.Add(new KeyValuePair<string, EsqlExpression>(key.Value, value));
            }
            while (Current.Is(EsqlTokenKind.Comma));
        }
        var close = Expect(EsqlTokenKind.CloseBrace, "',' or '}' in the options");
        return new EsqlMap(entries, start, close.End);
    }

    // ---- names ----------------------------------------------------------------------------------

    /// <summary>A column name in an expression: <c>identifier (. identifier)*</c>, parts possibly backquoted.</summary>
    private EsqlName ParseQualifiedName()
    {
        var first = Current;
        if (!first.Is(EsqlTokenKind.Identifier) && !first.Is(EsqlTokenKind.QuotedIdentifier)) throw Unexpected(first, "a column name");
        Next();
        var name = new StringBuilder(first.Value);
        while (Current.Is(EsqlTokenKind.Dot) && (PeekToken(1).Is(EsqlTokenKind.Identifier) || PeekToken(1).Is(EsqlTokenKind.QuotedIdentifier)))
        {
            Next();
            name.Append('.').Append(Next().Value);
        }
        return new EsqlName(name.ToString(), first.Start, PreviousEnd);
    }

    /// <summary>
    /// A name pattern of KEEP, DROP, RENAME, ENRICH: adjacent name characters and <c>*</c> wildcards,
    /// <c>Esql.*</c>, <c>*_count</c>, <c>`odd name`.x</c>. ES|QL lexes these in a mode of their own;
    /// here the tokens written without space between them are joined.
    /// </summary>
    private EsqlName ParseNamePattern()
    {
        var first = Current;
        if (!IsNamePatternPart(first.Kind)) throw Unexpected(first, "a column name or pattern");
        var name = new StringBuilder();
        var end = first.Start;
        while (IsNamePatternPart(Current.Kind) && Current.Start == end)
        {
            var token = Next();
            name.Append(token.Value);
            end = token.End;
        }
        return new EsqlName(name.ToString(), first.Start, end);
    }

    private static bool IsNamePatternPart(EsqlTokenKind kind)
        => kind is EsqlTokenKind.Identifier or EsqlTokenKind.QuotedIdentifier or EsqlTokenKind.Dot or EsqlTokenKind.Star
            or EsqlTokenKind.Integer or EsqlTokenKind.Decimal;

    private List<EsqlName> ParseNamePatterns()
    {
        var names = new List<EsqlName> { ParseNamePattern() };
        while (Current.Is(EsqlTokenKind.Comma))
        {
            Next();
            names.Add(ParseNamePattern());
        }
        return names;
    }

    /// <summary>
    /// An index pattern (<c>logs-endpoint.events.*</c>, <c>.alerts-security.*</c>, <c>remote:logs-*</c>,
    /// <c>"quoted"</c>), an enrich policy or a METADATA field: everything up to a space, comma or pipe.
    /// </summary>
    private EsqlName ParseSourceName()
    {
        var first = Current;
        if (first.Is(EsqlTokenKind.String))
        {
            Next();
            return new EsqlName(first.Value, first.Start, first.End);
        }
        if (first.Kind is EsqlTokenKind.Comma or EsqlTokenKind.Pipe or EsqlTokenKind.EndOfInput)
            throw Unexpected(first, "an index pattern");
        var end = first.Start;
        while (Current.Start == end && Current.Kind is not (EsqlTokenKind.Comma or EsqlTokenKind.Pipe or EsqlTokenKind.EndOfInput or EsqlTokenKind.String))
            end = Next().End;
        return new EsqlName(_text.Substring(first.Start, end - first.Start), first.Start, end);
    }
}
