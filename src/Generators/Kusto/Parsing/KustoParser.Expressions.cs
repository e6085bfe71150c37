using System.Collections.Generic;
using System.Collections.Immutable;
using AzureRules.Generators.Kusto.Syntax;

namespace AzureRules.Generators.Kusto.Parsing;

internal sealed partial class KustoParser
{
    // Precedence, loosest first: | (pipe), or, and, comparison and string operators (==, has, in,
    // between, ...), relational (<, >=), additive, multiplicative, unary, postfix (. [] ()), primary.

    private static readonly Dictionary<string, BinaryOperatorKind> WordOperators = new()
    {
        ["has"] = BinaryOperatorKind.Has, ["!has"] = BinaryOperatorKind.NotHas,
        ["has_cs"] = BinaryOperatorKind.HasCs, ["!has_cs"] = BinaryOperatorKind.NotHasCs,
        ["hasprefix"] = BinaryOperatorKind.HasPrefix, ["!hasprefix"] = BinaryOperatorKind.NotHasPrefix,
        ["hasprefix_cs"] = BinaryOperatorKind.HasPrefixCs, ["!hasprefix_cs"] = BinaryOperatorKind.NotHasPrefixCs,
        ["hassuffix"] = BinaryOperatorKind.HasSuffix, ["!hassuffix"] = BinaryOperatorKind.NotHasSuffix,
        ["hassuffix_cs"] = BinaryOperatorKind.HasSuffixCs, ["!hassuffix_cs"] = BinaryOperatorKind.NotHasSuffixCs,
        ["contains"] = BinaryOperatorKind.Contains, ["!contains"] = BinaryOperatorKind.NotContains,
        ["contains_cs"] = BinaryOperatorKind.ContainsCs, ["!contains_cs"] = BinaryOperatorKind.NotContainsCs,
        ["startswith"] = BinaryOperatorKind.StartsWith, ["!startswith"] = BinaryOperatorKind.NotStartsWith,
        ["startswith_cs"] = BinaryOperatorKind.StartsWithCs, ["!startswith_cs"] = BinaryOperatorKind.NotStartsWithCs,
        ["endswith"] = BinaryOperatorKind.EndsWith, ["!endswith"] = BinaryOperatorKind.NotEndsWith,
        ["endswith_cs"] = BinaryOperatorKind.EndsWithCs, ["!endswith_cs"] = BinaryOperatorKind.NotEndsWithCs,
        ["like"] = BinaryOperatorKind.Like, ["!like"] = BinaryOperatorKind.NotLike,
        ["like_cs"] = BinaryOperatorKind.LikeCs, ["!like_cs"] = BinaryOperatorKind.NotLikeCs,
        // older spellings
        ["containscs"] = BinaryOperatorKind.ContainsCs, ["!containscs"] = BinaryOperatorKind.NotContainsCs,
        ["notcontains"] = BinaryOperatorKind.NotContains, ["notcontainscs"] = BinaryOperatorKind.NotContainsCs,
        ["notlike"] = BinaryOperatorKind.NotLike, ["likecs"] = BinaryOperatorKind.LikeCs, ["notlikecs"] = BinaryOperatorKind.NotLikeCs,
    };

    private static readonly Dictionary<string, InOperatorKind> InOperators = new()
    {
        ["in"] = InOperatorKind.In, ["!in"] = InOperatorKind.NotIn,
        ["in~"] = InOperatorKind.InCaseInsensitive, ["!in~"] = InOperatorKind.NotInCaseInsensitive,
        ["has_any"] = InOperatorKind.HasAny, ["has_all"] = InOperatorKind.HasAll,
    };

    /// <summary>A full expression, including a pipeline of query operators.</summary>
    private Expression ParseExpression() => ParsePipeline(contextual: false);

    /// <summary>
    /// <c>Source | Operator | ...</c>. In a <paramref name="contextual"/> subquery (mv-apply, fork, facet,
    /// partition) the first element may be any operator, applied to the surrounding input.
    /// </summary>
    private Expression ParsePipeline(bool contextual)
    {
        if (!EnterNesting()) return Missing();
        try
        {
            var start = Current.Start;
            Expression? source;
            if (contextual && IsOperatorKeyword(Current)) source = null;
            else if (IsSourceOperatorStart()) source = ParseQueryOperator();
            else source = ParseOr();

            var operators = ImmutableArray.CreateBuilder<QueryOperator>();
            if (source is null)
            {
                operators.Add(ParseQueryOperator());
                AfterOperator();
            }
            while (Current.Kind == TokenKind.Pipe)
            {
                Advance();
                operators.Add(ParseQueryOperator());
                AfterOperator();
            }
            if (operators.Count == 0 && source is not null) return source;
            return new PipeExpression(RangeFrom(start, source), source, operators.ToImmutable());
        }
        finally
        {
            LeaveNesting();
        }
    }

    /// <summary>After an operator only a pipe, a statement end or a closing bracket may follow.</summary>
    private void AfterOperator()
    {
        if (Current.Kind is TokenKind.Pipe or TokenKind.Semicolon or TokenKind.EndOfText
            or TokenKind.CloseParen or TokenKind.CloseBracket or TokenKind.CloseBrace or TokenKind.Comma)
        {
            if (Current.Kind == TokenKind.Pipe) Resynchronized();
            return;
        }
        ReportUnexpected();
        SkipToSynchronizationPoint();
        if (Current.Kind == TokenKind.Pipe) Resynchronized();
    }

    private Expression ParseOr()
    {
        var left = ParseAnd();
        while (IsKeyword("or"))
        {
            var op = Advance();
            var right = ParseAnd();
            left = new BinaryExpression(left.Span.Union(right.Span), BinaryOperatorKind.Or, new TextRange(op.Start, op.End), left, right);
        }
        return left;
    }

    private Expression ParseAnd()
    {
        var left = ParseComparison();
        while (IsKeyword("and"))
        {
            var op = Advance();
            var right = ParseComparison();
            left = new BinaryExpression(left.Span.Union(right.Span), BinaryOperatorKind.And, new TextRange(op.Start, op.End), left, right);
        }
        return left;
    }

    private Expression ParseComparison()
    {
        var left = ParseRelational();
        while (true)
        {
            var token = Current;
            BinaryOperatorKind kind;
            switch (token.Kind)
            {
                case TokenKind.EqualEqual: kind = BinaryOperatorKind.Equal; break;
                case TokenKind.BangEqual: case TokenKind.LessGreater: kind = BinaryOperatorKind.NotEqual; break;
                case TokenKind.EqualTilde: kind = BinaryOperatorKind.EqualCaseInsensitive; break;
                case TokenKind.BangTilde: kind = BinaryOperatorKind.NotEqualCaseInsensitive; break;
                case TokenKind.Identifier when WordOperators.TryGetValue(token.Text, out var word): kind = word; break;
                case TokenKind.Identifier when InOperators.TryGetValue(token.Text, out var inKind):
                    left = ParseInRest(left, inKind);
                    continue;
                case TokenKind.Identifier when token.Text is "between" or "!between" or "notbetween":
                    left = ParseBetweenRest(left);
                    continue;
                case TokenKind.Identifier when token.Text == "matches" && PeekToken(1).Is("regex"):
                    Advance();
                    kind = BinaryOperatorKind.MatchesRegex;
                    break;
                default:
                    return left;
            }
            Advance();
            var operatorSpan = new TextRange(token.Start, _previousEnd); // 'matches regex' is two words
            var right = ParseRelational();
            left = new BinaryExpression(left.Span.Union(right.Span), kind, operatorSpan, left, right);
        }
    }

    /// <summary><c>in (a, b)</c>, <c>in (subquery)</c>, <c>has_any (list)</c>, <c>has_any list</c>.</summary>
    private Expression ParseInRest(Expression left, InOperatorKind kind)
    {
        Advance();
        var values = ImmutableArray.CreateBuilder<Expression>();
        if (TryEat(TokenKind.OpenParen))
        {
            if (Current.Kind != TokenKind.CloseParen)
            {
                do values.Add(ParseExpression());
                while (TryEat(TokenKind.Comma));
            }
            Expect(TokenKind.CloseParen, "')'");
        }
        else
        {
            values.Add(ParseRelational());
        }
        return new InExpression(RangeFrom(left.Span.Start), kind, left, values.ToImmutable());
    }

    /// <summary><c>between (Low .. High)</c>.</summary>
    private Expression ParseBetweenRest(Expression left)
    {
        var negated = Advance().Text != "between";
        Expression low, high;
        if (Expect(TokenKind.OpenParen, "'('"))
        {
            low = ParseOr();
            high = Expect(TokenKind.DotDot, "'..'") ? ParseOr() : Missing();
            Expect(TokenKind.CloseParen, "')'");
        }
        else
        {
            low = high = Missing();
        }
        return new BetweenExpression(RangeFrom(left.Span.Start), negated, left, low, high);
    }

    private Expression ParseRelational()
    {
        var left = ParseAdditive();
        while (true)
        {
            var token = Current;
            BinaryOperatorKind kind;
            switch (token.Kind)
            {
                case TokenKind.Less: kind = BinaryOperatorKind.Less; break;
                case TokenKind.LessEqual: kind = BinaryOperatorKind.LessOrEqual; break;
                case TokenKind.Greater: kind = BinaryOperatorKind.Greater; break;
                case TokenKind.GreaterEqual: kind = BinaryOperatorKind.GreaterOrEqual; break;
                default: return left;
            }
            Advance();
            var right = ParseAdditive();
            left = new BinaryExpression(left.Span.Union(right.Span), kind, new TextRange(token.Start, token.End), left, right);
        }
    }

    private Expression ParseAdditive()
    {
        var left = ParseMultiplicative();
        while (Current.Kind is TokenKind.Plus or TokenKind.Minus)
        {
            var token = Advance();
            var right = ParseMultiplicative();
            var kind = token.Kind == TokenKind.Plus ? BinaryOperatorKind.Add : BinaryOperatorKind.Subtract;
            left = new BinaryExpression(left.Span.Union(right.Span), kind, new TextRange(token.Start, token.End), left, right);
        }
        return left;
    }

    private Expression ParseMultiplicative()
    {
        var left = ParseUnary();
        while (Current.Kind is TokenKind.Star or TokenKind.Slash or TokenKind.Percent)
        {
            var token = Advance();
            var right = ParseUnary();
            var kind = token.Kind switch
            {
                TokenKind.Star => BinaryOperatorKind.Multiply,
                TokenKind.Slash => BinaryOperatorKind.Divide,
                _ => BinaryOperatorKind.Modulo,
            };
            left = new BinaryExpression(left.Span.Union(right.Span), kind, new TextRange(token.Start, token.End), left, right);
        }
        return left;
    }

    private Expression ParseUnary()
    {
        if (Current.Kind is not (TokenKind.Minus or TokenKind.Plus)) return ParsePostfix(ParsePrimary());
        if (!EnterNesting()) return Missing();
        try
        {
            var token = Advance();
            var operand = ParseUnary();
            var span = RangeFrom(token.Start);
            // -5, -1.5, -1d are literals, as Kusto reads them
            if (token.Kind == TokenKind.Minus && operand is LiteralExpression { Value: not null } literal && literal.Span.Start == token.End)
            {
                object? negated = literal.Value switch
                {
                    long l => -l,
                    double d => -d,
                    System.TimeSpan t when t != System.TimeSpan.MinValue => t.Negate(),
                    _ => null,
                };
                if (negated is not null) return literal with { Span = span, Value = negated };
            }
            if (token.Kind == TokenKind.Plus && operand is LiteralExpression && operand.Span.Start == token.End)
                return operand with { Span = span };
            return new UnaryExpression(span, token.Kind == TokenKind.Minus ? UnaryOperatorKind.Negate : UnaryOperatorKind.Plus, operand);
        }
        finally
        {
            LeaveNesting();
        }
    }

    /// <summary><c>.Member</c>, <c>.['Member']</c>, <c>.[0]</c>, <c>[Index]</c> and calls <c>f(...)</c>.</summary>
    private Expression ParsePostfix(Expression target)
    {
        while (true)
        {
            if (Current.Kind == TokenKind.Dot)
            {
                var next = PeekToken(1);
                if (next.Kind == TokenKind.Identifier)
                {
                    Advance();
                    var member = Advance();
                    target = new PathExpression(RangeFrom(target.Span.Start), target, new NameReference(new TextRange(member.Start, member.End), member.Text));
                    continue;
                }
                if (next.Kind == TokenKind.OpenBracket)
                {
                    Advance();
                    target = ParseIndexer(target);
                    continue;
                }
                if (next.Kind == TokenKind.StringLiteral)
                {
                    Advance();
                    var member = Advance();
                    target = new PathExpression(RangeFrom(target.Span.Start), target, new NameReference(new TextRange(member.Start, member.End), (string)member.Value!));
                    continue;
                }
                Advance();
                ReportExpected("a name after '.'");
                return target;
            }
            if (Current.Kind == TokenKind.OpenBracket)
            {
                target = ParseIndexer(target);
                continue;
            }
            if (Current.Kind == TokenKind.OpenParen && target is NameReference name)
            {
                target = ParseCallRest(name);
                continue;
            }
            if (Current.Kind == TokenKind.OpenParen && target is PathExpression path)
            {
                // cluster('c').database('d'): the call keeps the member's name; the qualifier is not kept
                var call = ParseCallRest(path.Member);
                target = call with { Span = RangeFrom(path.Span.Start) };
                continue;
            }
            return target;
        }
    }

    /// <summary><c>[Index]</c>; <c>['name']</c> becomes a path, anything else an element access.</summary>
    private Expression ParseIndexer(Expression target)
    {
        Advance(); // [
        var index = ParseExpression();
        Expect(TokenKind.CloseBracket, "']'");
        if (index is LiteralExpression { Kind: LiteralKind.String, Value: string member })
            return new PathExpression(RangeFrom(target.Span.Start), target, new NameReference(index.Span, member));
        return new ElementExpression(RangeFrom(target.Span.Start), target, index);
    }

    private FunctionCallExpression ParseCallRest(NameReference name)
    {
        Advance(); // (
        var arguments = ImmutableArray.CreateBuilder<Expression>();
        if (Current.Kind != TokenKind.CloseParen)
        {
            do arguments.Add(ParseArgument());
            while (TryEat(TokenKind.Comma));
        }
        Expect(TokenKind.CloseParen, "')'");
        return new FunctionCallExpression(RangeFrom(name.Span.Start), name, arguments.ToImmutable());
    }

    private Expression ParseArgument()
    {
        if (Current.Kind == TokenKind.Star && PeekToken(1).Kind is TokenKind.Comma or TokenKind.CloseParen)
        {
            var star = Advance();
            return new StarExpression(new TextRange(star.Start, star.End));
        }
        if (Current.Kind == TokenKind.Identifier && PeekToken(1).Kind == TokenKind.Equal)
            return ParseNamedExpression(allowPipeline: true);
        return ParseExpression();
    }

    /// <summary><c>Name = Expression</c>, <c>(A, B) = Expression</c>, or an expression.</summary>
    private Expression ParseNamedExpression(bool allowPipeline = false)
    {
        var start = Current.Start;
        if (IsNameDeclarationStart(out var afterName) && PeekToken(afterName).Kind == TokenKind.Equal)
        {
            var name = ParseNameDeclaration();
            Advance(); // =
            var value = allowPipeline ? ParseExpression() : ParseOr();
            return new NamedExpression(RangeFrom(start, name), name, value);
        }
        if (Current.Kind == TokenKind.OpenParen && IsTupleDeclaration(out _))
        {
            Advance();
            var names = ImmutableArray.CreateBuilder<NameDeclaration>();
            do names.Add(ParseNameDeclaration());
            while (TryEat(TokenKind.Comma));
            Expect(TokenKind.CloseParen, "')'");
            Advance(); // =
            var value = ParseOr();
            return new TupleNamedExpression(RangeFrom(start), names.ToImmutable(), value);
        }
        return allowPipeline ? ParseExpression() : ParseOr();
    }

    /// <summary>Whether a name (identifier or <c>['name']</c>) starts here; <paramref name="length"/> is its token count.</summary>
    private bool IsNameDeclarationStart(out int length)
    {
        if (Current.Kind == TokenKind.Identifier)
        {
            length = 1;
            return true;
        }
        if (Current.Kind == TokenKind.OpenBracket && PeekToken(1).Kind == TokenKind.StringLiteral && PeekToken(2).Kind == TokenKind.CloseBracket)
        {
            length = 3;
            return true;
        }
        length = 0;
        return false;
    }

    private bool IsTupleDeclaration(out int length)
    {
        var i = 1;
        while (true)
        {
            var token = PeekToken(i);
            if (token.Kind == TokenKind.Identifier) i++;
            else if (token.Kind == TokenKind.OpenBracket && PeekToken(i + 1).Kind == TokenKind.StringLiteral && PeekToken(i + 2).Kind == TokenKind.CloseBracket) i += 3;
            else break;
            if (PeekToken(i).Kind == TokenKind.Comma) { i++; continue; }
            if (PeekToken(i).Kind == TokenKind.CloseParen && PeekToken(i + 1).Kind == TokenKind.Equal)
            {
                length = i + 2;
                return true;
            }
            break;
        }
        length = 0;
        return false;
    }

    private NameDeclaration ParseNameDeclaration()
    {
        var token = Current;
        if (token.Kind == TokenKind.Identifier)
        {
            Advance();
            return new NameDeclaration(new TextRange(token.Start, token.End), token.Text);
        }
        if (token.Kind == TokenKind.OpenBracket && PeekToken(1).Kind == TokenKind.StringLiteral)
        {
            Advance();
            var name = (string)Advance().Value!;
            Expect(TokenKind.CloseBracket, "']'");
            return new NameDeclaration(RangeFrom(token.Start), name);
        }
        ReportExpected("a name");
        return new NameDeclaration(TextRange.Empty(_previousEnd), "");
    }

    /// <summary>A dotted name such as <c>hint.strategy</c> or <c>query_now</c>.</summary>
    private NameDeclaration ParseDottedNameDeclaration()
    {
        var first = ParseNameDeclaration();
        var name = first.Name;
        while (Current.Kind == TokenKind.Dot && PeekToken(1).Kind == TokenKind.Identifier && !PeekToken(1).HasSpaceBefore)
        {
            Advance();
            name += "." + Advance().Text;
        }
        return new NameDeclaration(RangeFrom(first.Span.Start), name);
    }

    private Expression ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.StringLiteral:
                return ParseStringLiteral();
            case TokenKind.LongLiteral:
                Advance();
                return new LiteralExpression(new TextRange(token.Start, token.End), LiteralKind.Long, token.Value);
            case TokenKind.RealLiteral:
                Advance();
                return new LiteralExpression(new TextRange(token.Start, token.End), LiteralKind.Real, token.Value);
            case TokenKind.TimeSpanLiteral:
                Advance();
                return new LiteralExpression(new TextRange(token.Start, token.End), LiteralKind.TimeSpan, token.Value);
            case TokenKind.Star:
                Advance();
                return new StarExpression(new TextRange(token.Start, token.End));
            case TokenKind.OpenParen:
                return ParseParenthesized();
            case TokenKind.OpenBracket when PeekToken(1).Kind == TokenKind.StringLiteral && PeekToken(2).Kind == TokenKind.CloseBracket:
                Advance();
                var quoted = Advance();
                Advance();
                return new NameReference(RangeFrom(token.Start), (string)quoted.Value!);
            case TokenKind.Identifier:
                return ParseIdentifierPrimary();
            case TokenKind.Bad:
                ReportAtCurrent(token.Error ?? "unexpected character");
                Advance();
                return new MissingExpression(new TextRange(token.Start, token.End));
            default:
                return MissingExpected("an expression");
        }
    }

    private Expression ParseParenthesized()
    {
        if (!EnterNesting()) return Missing();
        try
        {
            var start = Advance().Start; // (
            var inner = ParseExpression();
            Expect(TokenKind.CloseParen, "')'");
            return new ParenthesizedExpression(RangeFrom(start), inner);
        }
        finally
        {
            LeaveNesting();
        }
    }

    private Expression ParseIdentifierPrimary()
    {
        var token = Current;
        var next = PeekToken(1);
        var isCall = next.Kind == TokenKind.OpenParen;
        switch (token.Text)
        {
            case "true" or "True" or "TRUE":
                Advance();
                return new LiteralExpression(new TextRange(token.Start, token.End), LiteralKind.Bool, true);
            case "false" or "False" or "FALSE":
                Advance();
                return new LiteralExpression(new TextRange(token.Start, token.End), LiteralKind.Bool, false);
            case "dynamic" when isCall:
                return ParseDynamicLiteral();
            case "datetime" or "date" or "timespan" or "time" or "guid" when isCall:
                return ParseRawLiteral();
            case "int" or "long" or "real" or "double" or "decimal" or "bool" or "boolean" or "string" when isCall:
                return ParseTypedLiteral();
            case "typeof" when isCall:
                return ParseTypeOf();
            case "datatable":
                return ParseDataTable();
            case "externaldata":
                return ParseExternalData();
        }
        Advance();
        return new NameReference(new TextRange(token.Start, token.End), token.Text);
    }

    /// <summary><c>typeof(string)</c> or <c>typeof(a:string, b:long)</c>.</summary>
    private Expression ParseTypeOf()
    {
        var start = Advance().Start; // typeof
        if (PeekToken(1).Kind == TokenKind.CloseParen || PeekToken(2).Kind != TokenKind.Colon)
        {
            Advance(); // (
            var type = ParseType();
            Expect(TokenKind.CloseParen, "')'");
            return type with { Span = RangeFrom(start) };
        }
        var schema = ParseSchema();
        return schema with { Span = RangeFrom(start) };
    }

    private TypeExpression ParseType()
    {
        var token = Current;
        if (token.Kind == TokenKind.Identifier)
        {
            Advance();
            return new TypeExpression(new TextRange(token.Start, token.End), token.Text);
        }
        ReportExpected("a type name");
        return new TypeExpression(TextRange.Empty(_previousEnd), "");
    }

    /// <summary><c>(name:type, ...)</c> or <c>(*)</c>.</summary>
    private SchemaExpression ParseSchema()
    {
        var start = Current.Start;
        var columns = ImmutableArray.CreateBuilder<ColumnDeclaration>();
        var open = false;
        if (Expect(TokenKind.OpenParen, "'('"))
        {
            if (Current.Kind == TokenKind.Star)
            {
                Advance();
                open = true;
            }
            else if (Current.Kind != TokenKind.CloseParen)
            {
                do
                {
                    if (Current.Kind == TokenKind.CloseParen) break; // a trailing comma
                    columns.Add(ParseColumnDeclaration(typeRequired: true));
                }
                while (TryEat(TokenKind.Comma));
            }
            Expect(TokenKind.CloseParen, "')'");
        }
        return new SchemaExpression(RangeFrom(start), columns.ToImmutable(), open);
    }

    private ColumnDeclaration ParseColumnDeclaration(bool typeRequired)
    {
        var start = Current.Start;
        var name = ParseNameDeclaration();
        TypeExpression? type = null;
        if (typeRequired ? Expect(TokenKind.Colon, "':'") : TryEat(TokenKind.Colon)) type = ParseType();
        return new ColumnDeclaration(RangeFrom(start, name), name, type);
    }
}
