using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using AzureRules.Generators.Kusto.Syntax;

namespace AzureRules.Generators.Kusto.Parsing;

internal sealed partial class KustoParser
{
    private static readonly HashSet<string> OperatorKeywords = new()
    {
        "where", "filter", "extend", "project", "project-away", "project-keep", "project-rename", "project-reorder",
        "project-smart", "summarize", "join", "lookup", "union", "mv-expand", "mv-apply", "parse", "parse-where", "parse-kv",
        "make-series", "top", "top-nested", "top-hitters", "sort", "order", "take", "limit", "distinct", "count",
        "evaluate", "as", "invoke", "serialize", "render", "getschema", "sample", "sample-distinct", "search", "find",
        "fork", "facet", "partition", "print", "range", "datatable", "externaldata",
        "scan", "make-graph", "graph-match", "graph-merge", "graph-to-table", "graph-shortest-paths", "graph-mark-components",
        "reduce", "consume", "execute-and-cache", "project-by-names", "assert-schema",
    };

    /// <summary>Older spellings Kusto still accepts.</summary>
    private static readonly Dictionary<string, string> LegacyOperatorNames = new()
    {
        ["mvexpand"] = "mv-expand", ["mvapply"] = "mv-apply", ["makeseries"] = "make-series",
        ["parsewhere"] = "parse-where", ["projectaway"] = "project-away", ["projectrename"] = "project-rename",
        ["projectreorder"] = "project-reorder", ["projectkeep"] = "project-keep", ["sampledistinct"] = "sample-distinct",
        ["tophitters"] = "top-hitters", ["topnested"] = "top-nested",
    };

    private static bool IsOperatorKeyword(SyntaxToken token) => token.Kind == TokenKind.Identifier && OperatorKeywords.Contains(token.Text);

    /// <summary>Operators that produce a table without input and so may start a query.</summary>
    private bool IsSourceOperatorStart()
    {
        if (Current.Kind != TokenKind.Identifier) return false;
        var next = PeekToken(1);
        switch (Current.Text)
        {
            case "print":
                return true;
            case "union" or "search" or "find" or "evaluate":
                return next.Kind is not (TokenKind.Equal or TokenKind.Dot or TokenKind.EqualEqual or TokenKind.Comma or TokenKind.CloseParen);
            case "range":
                return next.Kind == TokenKind.Identifier;
            default:
                return false;
        }
    }

    private static bool IsHint(string name) => name.StartsWith("hint.", StringComparison.OrdinalIgnoreCase);

    /// <summary>Operator options before the arguments: <c>kind=inner hint.strategy=shuffle</c>.</summary>
    private ImmutableArray<OperatorParameter> ParseOperatorParameters(Func<string, bool> isParameter)
    {
        var parameters = ImmutableArray<OperatorParameter>.Empty;
        while (Current.Kind == TokenKind.Identifier)
        {
            // read a dotted name without consuming, then require '='
            var ahead = 0;
            var name = Current.Text;
            while (PeekToken(ahead + 1).Kind == TokenKind.Dot && PeekToken(ahead + 2).Kind == TokenKind.Identifier)
            {
                name += "." + PeekToken(ahead + 2).Text;
                ahead += 2;
            }
            if (PeekToken(ahead + 1).Kind != TokenKind.Equal || !isParameter(name)) break;
            var start = Current.Start;
            for (var i = 0; i <= ahead + 1; i++) Advance();
            var value = ParseParameterValue();
            parameters = parameters.Add(new OperatorParameter(RangeFrom(start), name, value));
        }
        return parameters;
    }

    private Expression ParseParameterValue()
    {
        var token = Current;
        if (token.Kind == TokenKind.Identifier && !token.Text.StartsWith("!", StringComparison.Ordinal))
        {
            if (token.Text is "true" or "false") return ParsePrimary();
            Advance();
            return new NameReference(new TextRange(token.Start, token.End), token.Text);
        }
        return ParseUnary();
    }

    /// <summary><c>(name = value, ...)</c> as in <c>render ... with (...)</c> and <c>externaldata ... with (...)</c>.</summary>
    private ImmutableArray<OperatorParameter> ParsePropertyList()
    {
        var properties = ImmutableArray.CreateBuilder<OperatorParameter>();
        if (!Expect(TokenKind.OpenParen, "'('")) return properties.ToImmutable();
        if (Current.Kind != TokenKind.CloseParen)
        {
            do
            {
                if (Current.Kind == TokenKind.CloseParen) break;
                var start = Current.Start;
                var name = ParseDottedNameDeclaration();
                var value = Expect(TokenKind.Equal, "'='") ? ParseParameterValue() : Missing();
                properties.Add(new OperatorParameter(RangeFrom(start), name.Name, value));
            }
            while (TryEat(TokenKind.Comma));
        }
        Expect(TokenKind.CloseParen, "')'");
        return properties.ToImmutable();
    }

    private ImmutableArray<Expression> ParseNamedExpressionList()
    {
        var items = ImmutableArray.CreateBuilder<Expression>();
        do items.Add(ParseNamedExpression());
        while (TryEat(TokenKind.Comma));
        return items.ToImmutable();
    }

    /// <summary>A column name that may contain <c>*</c> wildcards (<c>Col_*</c>, <c>*Id</c>, <c>Security*</c>):
    /// the name and stars must touch, with no space between.</summary>
    private Expression ParseNameOrWildcard(bool allowPostfix = true)
    {
        var start = Current.Start;
        if (Current.Kind != TokenKind.Identifier && Current.Kind != TokenKind.Star)
            return allowPostfix ? ParsePostfix(ParsePrimary()) : ParsePrimary();
        var pattern = "";
        var first = true;
        while ((Current.Kind == TokenKind.Identifier || Current.Kind == TokenKind.Star) && (first || !Current.HasSpaceBefore))
        {
            pattern += Current.Text;
            Advance();
            first = false;
        }
        var span = RangeFrom(start);
        if (pattern.IndexOf('*') >= 0) return new WildcardName(span, pattern);
        var name = new NameReference(span, pattern);
        return allowPostfix ? ParsePostfix(name) : name;
    }

    private ImmutableArray<Expression> ParseColumnList()
    {
        var items = ImmutableArray.CreateBuilder<Expression>();
        do items.Add(ParseNameOrWildcard());
        while (TryEat(TokenKind.Comma));
        return items.ToImmutable();
    }

    private OrderedExpression ParseOrderedExpression(bool named = false)
    {
        var start = Current.Start;
        var expression = named ? ParseNamedExpression() : ParseOr();
        SortDirection? direction = null;
        NullsPosition? nulls = null;
        if (TryEatKeyword("asc")) direction = SortDirection.Ascending;
        else if (TryEatKeyword("desc")) direction = SortDirection.Descending;
        if (TryEatKeyword("nulls"))
        {
            if (TryEatKeyword("first")) nulls = NullsPosition.First;
            else if (ExpectKeyword("last")) nulls = NullsPosition.Last;
        }
        return new OrderedExpression(RangeFrom(start, expression), expression, direction, nulls);
    }

    private ImmutableArray<OrderedExpression> ParseOrderedList()
    {
        var items = ImmutableArray.CreateBuilder<OrderedExpression>();
        do items.Add(ParseOrderedExpression());
        while (TryEat(TokenKind.Comma));
        return items.ToImmutable();
    }

    /// <summary>A parenthesized subquery whose first operator applies to the surrounding input.</summary>
    private Expression ParseContextualSubquery()
    {
        var start = Current.Start;
        if (!Expect(TokenKind.OpenParen, "'('")) return Missing();
        var inner = ParsePipeline(contextual: true);
        Expect(TokenKind.CloseParen, "')'");
        return new ParenthesizedExpression(RangeFrom(start), inner);
    }

    private QueryOperator ParseQueryOperator()
    {
        var token = Current;
        if (token.Kind == TokenKind.Identifier && LegacyOperatorNames.TryGetValue(token.Text, out var modern))
            _tokens[_index] = token = token with { Text = modern };
        if (token.Kind != TokenKind.Identifier)
        {
            ReportExpected("a query operator");
            return new UnsupportedOperator(TextRange.Empty(_previousEnd), ImmutableArray<OperatorParameter>.Empty, "");
        }
        var start = token.Start;
        switch (token.Text)
        {
            case "where" or "filter":
            {
                Advance();
                var parameters = ParseOperatorParameters(IsHint);
                // `where X = value` parses (Kusto accepts it: the name labels the predicate); the binder warns
                return Finish(new WhereOperator(default, parameters, ParseNamedExpression()));
            }
            case "extend":
                Advance();
                return Finish(new ExtendOperator(default, default, ParseNamedExpressionList()));
            case "project":
                Advance();
                return Finish(new ProjectOperator(default, default, ParseNamedExpressionList()));
            case "project-away" or "project-keep":
                Advance();
                return Finish(new ProjectColumnsOperator(default, token.Text == "project-away" ? ProjectColumnsKind.Away : ProjectColumnsKind.Keep, default, ParseColumnList()));
            case "project-reorder":
            {
                Advance();
                var items = ImmutableArray.CreateBuilder<Expression>();
                do
                {
                    var itemStart = Current.Start;
                    var column = ParseNameOrWildcard();
                    if (IsKeyword("asc") || IsKeyword("desc") || IsKeyword("granny-asc") || IsKeyword("granny-desc"))
                    {
                        var direction = Advance().Text.EndsWith("desc", StringComparison.Ordinal) ? SortDirection.Descending : SortDirection.Ascending;
                        column = new OrderedExpression(RangeFrom(itemStart, column), column, direction, null);
                    }
                    items.Add(column);
                }
                while (TryEat(TokenKind.Comma));
                return Finish(new ProjectColumnsOperator(default, ProjectColumnsKind.Reorder, default, items.ToImmutable()));
            }
            case "project-rename":
                Advance();
                return Finish(new ProjectRenameOperator(default, default, ParseNamedExpressionList()));
            case "summarize":
                return ParseSummarize();
            case "join":
            case "lookup":
                return ParseJoinOrLookup();
            case "union":
                return ParseUnion();
            case "mv-expand":
            case "mv-apply":
                return ParseMvExpandOrApply();
            case "parse" or "parse-where":
                return ParseParse();
            case "parse-kv":
                return ParseParseKv();
            case "make-series":
                return ParseMakeSeries();
            case "top":
            {
                Advance();
                var parameters = ParseOperatorParameters(IsHint);
                var count = ParseOr();
                ExpectKeyword("by");
                return Finish(new TopOperator(default, parameters, count, ParseOrderedList()));
            }
            case "top-nested":
                return ParseTopNested();
            case "top-hitters":
            {
                Advance();
                var count = ParseOr();
                var of = ExpectKeyword("of") ? ParseOr() : Missing();
                var by = TryEatKeyword("by") ? ParseOr() : null;
                return Finish(new TopHittersOperator(default, default, count, of, by));
            }
            case "sort" or "order":
            {
                Advance();
                var parameters = ParseOperatorParameters(IsHint);
                ExpectKeyword("by");
                return Finish(new SortOperator(default, parameters, ParseOrderedList()));
            }
            case "take" or "limit":
            {
                Advance();
                var parameters = ParseOperatorParameters(IsHint);
                return Finish(new TakeOperator(default, parameters, ParseOr()));
            }
            case "distinct":
            {
                Advance();
                var parameters = ParseOperatorParameters(IsHint);
                return Finish(new DistinctOperator(default, parameters, ParseColumnList()));
            }
            case "count":
                Advance();
                return Finish(new CountOperator(default, default));
            case "evaluate":
            {
                Advance();
                var parameters = ParseOperatorParameters(IsHint);
                var plugin = ParseRequiredCall("a plugin call");
                var schema = TryEat(TokenKind.Colon) ? ParseSchema() : null;
                return Finish(new EvaluateOperator(default, parameters, plugin, schema));
            }
            case "as":
            {
                Advance();
                var parameters = ParseOperatorParameters(IsHint);
                return Finish(new AsOperator(default, parameters, ParseNameDeclaration()));
            }
            case "invoke":
                Advance();
                return Finish(new InvokeOperator(default, default, ParseRequiredCall("a function call")));
            case "serialize":
            {
                Advance();
                var items = AtOperatorEnd() ? ImmutableArray<Expression>.Empty : ParseNamedExpressionList();
                return Finish(new SerializeOperator(default, default, items));
            }
            case "render":
                return ParseRender();
            case "getschema":
                Advance();
                return Finish(new GetSchemaOperator(default, default));
            case "sample":
                Advance();
                return Finish(new SampleOperator(default, default, ParseOr()));
            case "sample-distinct":
            {
                Advance();
                var count = ParseOr();
                var of = ExpectKeyword("of") ? ParseOr() : Missing();
                return Finish(new SampleDistinctOperator(default, default, count, of));
            }
            case "search":
                return ParseSearch();
            case "find":
                return ParseFind();
            case "fork":
                return ParseFork();
            case "facet":
            {
                Advance();
                ExpectKeyword("by");
                var columns = ParseColumnList();
                Expression? with = null;
                if (TryEatKeyword("with")) with = ParseContextualSubquery();
                return Finish(new FacetOperator(default, default, columns, with));
            }
            case "partition":
            {
                Advance();
                var parameters = ParseOperatorParameters(IsHint);
                ExpectKeyword("by");
                var by = ParseNameOrWildcard(allowPostfix: false);
                Expression subquery;
                if (Current.Kind == TokenKind.OpenBrace)
                {
                    var braceStart = Advance().Start;
                    var inner = ParseExpression();
                    Expect(TokenKind.CloseBrace, "'}'");
                    subquery = new ParenthesizedExpression(RangeFrom(braceStart), inner);
                }
                else subquery = ParseContextualSubquery();
                return Finish(new PartitionOperator(default, parameters, by, subquery));
            }
            case "print":
            {
                Advance();
                var items = AtOperatorEnd() ? ImmutableArray<Expression>.Empty : ParseNamedExpressionList();
                return Finish(new PrintOperator(default, default, items));
            }
            case "range":
            {
                Advance();
                var name = ParseNameDeclaration();
                var from = ExpectKeyword("from") ? ParseOr() : Missing();
                var to = ExpectKeyword("to") ? ParseOr() : Missing();
                var step = ExpectKeyword("step") ? ParseOr() : Missing();
                return Finish(new RangeOperator(default, default, name, from, to, step));
            }
            case "scan":
                return Finish(ParseScan());
            case "datatable":
                return ParseDataTable();
            case "externaldata":
                return ParseExternalData();
        }

        if (OperatorKeywords.Contains(token.Text))
        {
            // scan, make-graph, reduce, ...: delimited only
            Advance();
            SkipToSynchronizationPoint();
            return new UnsupportedOperator(RangeFrom(start), ImmutableArray<OperatorParameter>.Empty, token.Text);
        }

        ReportAtCurrent($"unknown query operator '{Shorten(token.Text)}'");
        Advance();
        SkipToSynchronizationPoint();
        return new UnsupportedOperator(RangeFrom(start), ImmutableArray<OperatorParameter>.Empty, token.Text);

        QueryOperator Finish(QueryOperator node) => node with { Span = RangeFrom(start) };
    }

    private bool AtOperatorEnd()
        => Current.Kind is TokenKind.Pipe or TokenKind.Semicolon or TokenKind.EndOfText or TokenKind.CloseParen or TokenKind.CloseBrace or TokenKind.CloseBracket;

    private FunctionCallExpression ParseRequiredCall(string what)
    {
        var token = Current;
        if (token.Kind == TokenKind.Identifier && PeekToken(1).Kind == TokenKind.OpenParen)
        {
            Advance();
            return ParseCallRest(new NameReference(new TextRange(token.Start, token.End), token.Text));
        }
        ReportExpected(what);
        return new FunctionCallExpression(TextRange.Empty(_previousEnd), new NameReference(TextRange.Empty(_previousEnd), ""), ImmutableArray<Expression>.Empty);
    }

    private QueryOperator ParseSummarize()
    {
        var start = Advance().Start;
        var parameters = ParseOperatorParameters(IsHint);
        var aggregates = IsKeyword("by") ? ImmutableArray<Expression>.Empty : ParseNamedExpressionList();
        var by = TryEatKeyword("by") ? ParseNamedExpressionList() : ImmutableArray<Expression>.Empty;
        return new SummarizeOperator(RangeFrom(start), parameters, aggregates, by);
    }

    private QueryOperator ParseJoinOrLookup()
    {
        var keyword = Advance();
        var parameters = ParseOperatorParameters(name => name == "kind" || IsHint(name));
        Expression right = Current.Kind == TokenKind.OpenParen ? ParseParenthesized() : ParsePostfix(ParsePrimary());
        var conditions = ImmutableArray.CreateBuilder<Expression>();
        if (ExpectKeyword("on"))
        {
            do AddConjuncts(ParseOr());
            while (TryEat(TokenKind.Comma));
        }
        var span = RangeFrom(keyword.Start);
        return keyword.Text == "join"
            ? new JoinOperator(span, parameters, right, conditions.ToImmutable())
            : new LookupOperator(span, parameters, right, conditions.ToImmutable());

        void AddConjuncts(Expression condition)
        {
            if (condition is BinaryExpression { Operator: BinaryOperatorKind.And } and)
            {
                AddConjuncts(and.Left);
                AddConjuncts(and.Right);
            }
            else conditions.Add(condition);
        }
    }

    private QueryOperator ParseUnion()
    {
        var start = Advance().Start;
        var parameters = ParseOperatorParameters(name => name is "kind" or "withsource" or "with_source" or "isfuzzy" || IsHint(name));
        var tables = ImmutableArray.CreateBuilder<Expression>();
        do
        {
            if (Current.Kind == TokenKind.OpenParen) tables.Add(ParseParenthesized());
            else tables.Add(ParseNameOrWildcard());
        }
        while (TryEat(TokenKind.Comma));
        return new UnionOperator(RangeFrom(start), parameters, tables.ToImmutable());
    }

    private QueryOperator ParseMvExpandOrApply()
    {
        var keyword = Advance();
        var parameters = ParseOperatorParameters(name => name is "bagexpansion" or "with_itemindex" or "kind" || IsHint(name));
        var items = ImmutableArray.CreateBuilder<MvExpandItem>();
        do
        {
            var itemStart = Current.Start;
            var expression = ParseNamedExpression();
            TypeExpression? toType = null;
            if (TryEatKeyword("to"))
            {
                if (IsKeyword("typeof") && PeekToken(1).Kind == TokenKind.OpenParen) toType = ParseTypeOf() as TypeExpression;
                else ReportExpected("'typeof'");
            }
            items.Add(new MvExpandItem(RangeFrom(itemStart, expression), expression, toType));
        }
        while (TryEat(TokenKind.Comma));
        Expression? limit = TryEatKeyword("limit") ? ParseOr() : null;
        if (keyword.Text == "mv-expand")
            return new MvExpandOperator(RangeFrom(keyword.Start), parameters, items.ToImmutable(), limit);
        var subquery = ExpectKeyword("on") ? ParseContextualSubquery() : Missing();
        return new MvApplyOperator(RangeFrom(keyword.Start), parameters, items.ToImmutable(), limit, subquery);
    }

    /// <summary><c>parse [kind=regex] [flags=U] Source with * "text" Column:type ...</c>.</summary>
    private QueryOperator ParseParse()
    {
        var keyword = Advance();
        var parameters = ParseOperatorParameters(name => name is "kind" or "flags");
        var source = ParseOr();
        var pattern = ImmutableArray.CreateBuilder<Expression>();
        if (ExpectKeyword("with"))
        {
            while (!AtOperatorEnd() && Current.Kind != TokenKind.Comma)
            {
                var token = Current;
                if (token.Kind == TokenKind.StringLiteral) pattern.Add(ParseStringLiteral());
                else if (token.Kind == TokenKind.Star)
                {
                    Advance();
                    pattern.Add(new StarExpression(new TextRange(token.Start, token.End)));
                }
                else if (token.Kind == TokenKind.Identifier || IsNameDeclarationStart(out _))
                    pattern.Add(ParseColumnDeclaration(typeRequired: false));
                else
                {
                    ReportUnexpected();
                    break;
                }
            }
            if (pattern.Count == 0) ReportExpected("a parse pattern");
        }
        return new ParseOperator(RangeFrom(keyword.Start), keyword.Text == "parse-where", parameters, source, pattern.ToImmutable());
    }

    /// <summary><c>parse-kv Source as (Key:type, ...) [with (pair_delimiter=',', ...)]</c>.</summary>
    private QueryOperator ParseParseKv()
    {
        var start = Advance().Start;
        var source = ParseOr();
        var keys = ImmutableArray<ColumnDeclaration>.Empty;
        if (ExpectKeyword("as")) keys = ParseSchema().Columns.Items;
        var with = TryEatKeyword("with") ? ParsePropertyList() : ImmutableArray<OperatorParameter>.Empty;
        return new ParseKvOperator(RangeFrom(start), ImmutableArray<OperatorParameter>.Empty, source, keys, with);
    }

    /// <summary><c>scan [with_match_id = Name] [declare (Column:type [= Default], ...)] with (step Name [output = kind] : Condition [=> Column = Value, ...]; ...)</c>.</summary>
    private QueryOperator ParseScan()
    {
        Advance();
        var parameters = ParseOperatorParameters(name => name == "with_match_id");
        var declarations = ImmutableArray<FunctionParameter>.Empty;
        if (TryEatKeyword("declare")) declarations = ParseParameterList();
        var steps = ImmutableArray.CreateBuilder<ScanStep>();
        if (ExpectKeyword("with") && Expect(TokenKind.OpenParen, "'('"))
        {
            while (IsKeyword("step"))
            {
                var start = Advance().Start;
                var name = ParseNameDeclaration();
                string? output = null;
                if (IsKeyword("output") && PeekToken(1).Kind == TokenKind.Equal)
                {
                    Advance();
                    Advance();
                    output = Current.Kind == TokenKind.Identifier ? Advance().Text.ToLowerInvariant() : null;
                }
                var condition = Expect(TokenKind.Colon, "':'") ? ParseOr() : Missing();
                var assignments = ImmutableArray.CreateBuilder<NamedExpression>();
                if (TryEat(TokenKind.FatArrow))
                {
                    do
                    {
                        if (ParseNamedExpression() is NamedExpression assignment) assignments.Add(assignment);
                        else ReportAtCurrent("expected 'Column = Value' in a scan step");
                    }
                    while (TryEat(TokenKind.Comma));
                }
                Expect(TokenKind.Semicolon, "';'");
                steps.Add(new ScanStep(RangeFrom(start), name, output, condition, assignments.ToImmutable()));
            }
            Expect(TokenKind.CloseParen, "')'");
        }
        return new ScanOperator(default, parameters, declarations, steps.ToImmutable());
    }

    private QueryOperator ParseMakeSeries()
    {
        var start = Advance().Start;
        var parameters = ParseOperatorParameters(name => name == "kind" || IsHint(name));
        var aggregates = ImmutableArray.CreateBuilder<MakeSeriesAggregate>();
        do
        {
            var itemStart = Current.Start;
            var aggregate = ParseNamedExpression();
            Expression? defaultValue = null;
            if (IsKeyword("default") && PeekToken(1).Kind == TokenKind.Equal)
            {
                Advance();
                Advance();
                defaultValue = ParseOr();
            }
            aggregates.Add(new MakeSeriesAggregate(RangeFrom(itemStart, aggregate), aggregate, defaultValue));
        }
        while (TryEat(TokenKind.Comma));

        var axis = ExpectKeyword("on") ? ParseAdditive() : Missing();
        Expression? from = null, to = null, step = null;
        if (IsKeyword("in") && PeekToken(1).Is("range"))
        {
            Advance();
            var range = ParseRequiredCall("range(start, stop, step)");
            var args = range.Arguments;
            from = args.Count > 0 ? args[0] : null;
            to = args.Count > 1 ? args[1] : null;
            step = args.Count > 2 ? args[2] : null;
        }
        else
        {
            if (TryEatKeyword("from")) from = ParseOr();
            if (TryEatKeyword("to")) to = ParseOr();
            step = ExpectKeyword("step") ? ParseOr() : Missing();
        }
        var by = TryEatKeyword("by") ? ParseNamedExpressionList() : ImmutableArray<Expression>.Empty;
        return new MakeSeriesOperator(RangeFrom(start), parameters, aggregates.ToImmutable(), axis, from, to, step, by);
    }

    private QueryOperator ParseTopNested()
    {
        var start = Current.Start;
        var clauses = ImmutableArray.CreateBuilder<TopNestedClause>();
        do
        {
            var clauseStart = Current.Start;
            if (!ExpectKeyword("top-nested")) break;
            Expression? count = IsKeyword("of") ? null : ParseOr();
            var of = ExpectKeyword("of") ? ParseNamedExpression() : Missing();
            Expression? others = null;
            if (IsKeyword("with") && PeekToken(1).Is("others"))
            {
                Advance();
                Advance();
                others = Expect(TokenKind.Equal, "'='") ? ParseOr() : Missing();
            }
            var by = ExpectKeyword("by") ? ParseOrderedExpression(named: true) : new OrderedExpression(TextRange.Empty(_previousEnd), Missing(), null, null);
            clauses.Add(new TopNestedClause(RangeFrom(clauseStart), count, of, others, by));
        }
        while (TryEat(TokenKind.Comma));
        return new TopNestedOperator(RangeFrom(start), ImmutableArray<OperatorParameter>.Empty, clauses.ToImmutable());
    }

    private QueryOperator ParseRender()
    {
        var start = Advance().Start;
        var chartToken = Current;
        NameReference chart;
        if (chartToken.Kind == TokenKind.Identifier)
        {
            Advance();
            chart = new NameReference(new TextRange(chartToken.Start, chartToken.End), chartToken.Text);
        }
        else
        {
            ReportExpected("a chart type");
            chart = new NameReference(TextRange.Empty(_previousEnd), "");
        }
        var with = ImmutableArray<OperatorParameter>.Empty;
        if (TryEatKeyword("with")) with = ParsePropertyList();
        else
        {
            // the older form: render timechart title="..." kind=stacked
            with = ParseOperatorParameters(static _ => true);
        }
        return new RenderOperator(RangeFrom(start), ImmutableArray<OperatorParameter>.Empty, chart, with);
    }

    private ImmutableArray<Expression> ParseInTables()
    {
        var tables = ImmutableArray.CreateBuilder<Expression>();
        if (!TryEatKeyword("in")) return tables.ToImmutable();
        if (Expect(TokenKind.OpenParen, "'('"))
        {
            do tables.Add(Current.Kind == TokenKind.OpenParen ? ParseParenthesized() : ParseNameOrWildcard());
            while (TryEat(TokenKind.Comma));
            Expect(TokenKind.CloseParen, "')'");
        }
        return tables.ToImmutable();
    }

    private QueryOperator ParseSearch()
    {
        var start = Advance().Start;
        var parameters = ParseOperatorParameters(name => name == "kind" || IsHint(name));
        var tables = ParseInTables();
        var predicate = ParseOr();
        return new SearchOperator(RangeFrom(start), parameters, tables, predicate);
    }

    private QueryOperator ParseFind()
    {
        var start = Advance().Start;
        var parameters = ParseOperatorParameters(name => name is "withsource" or "with_source" or "kind" || IsHint(name));
        var tables = ParseInTables();
        var predicate = ExpectKeyword("where") ? ParseOr() : Missing();
        var project = ImmutableArray<Expression>.Empty;
        if (TryEatKeyword("project")) project = ParseColumnList();
        else if (TryEatKeyword("project-smart")) { }
        else if (IsKeyword("project-away")) { Advance(); project = ParseColumnList(); }
        return new FindOperator(RangeFrom(start), parameters, tables, predicate, project);
    }

    private QueryOperator ParseFork()
    {
        var start = Advance().Start;
        var branches = ImmutableArray.CreateBuilder<Expression>();
        while (Current.Kind == TokenKind.OpenParen || (Current.Kind == TokenKind.Identifier && PeekToken(1).Kind == TokenKind.Equal))
        {
            var branchStart = Current.Start;
            if (Current.Kind == TokenKind.Identifier)
            {
                var name = ParseNameDeclaration();
                Advance(); // =
                var subquery = ParseContextualSubquery();
                branches.Add(new NamedExpression(RangeFrom(branchStart), name, subquery));
            }
            else branches.Add(ParseContextualSubquery());
        }
        if (branches.Count == 0) ReportExpected("'('");
        return new ForkOperator(RangeFrom(start), ImmutableArray<OperatorParameter>.Empty, branches.ToImmutable());
    }
}
