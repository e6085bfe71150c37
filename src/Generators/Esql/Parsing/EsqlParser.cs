using System;
using System.Collections.Generic;
using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Esql.Syntax;

namespace AzureRules.Generators.Esql.Parsing;

/// <summary>
/// A recursive-descent parser for ES|QL: a source command (FROM, ROW, SHOW) then processing commands
/// separated by <c>|</c>. A syntax error is reported at the offending token and the parser resumes at
/// the next <c>|</c>, so one mistake gives one diagnostic and the rest of the pipeline is still checked.
/// This file holds the pipeline and the commands; EsqlParser.Expressions.cs the expressions and names.
/// </summary>
internal sealed partial class EsqlParser
{
    private readonly string _text;
    private readonly List<EsqlToken> _tokens;
    private readonly List<QueryDiagnostic> _diagnostics;
    private int _index;

    private EsqlParser(string text, List<QueryDiagnostic> diagnostics)
    {
        _text = text;
        _diagnostics = diagnostics;
        _tokens = EsqlLexer.Tokenize(text, diagnostics);
    }

    /// <summary>Parses <paramref name="text"/>, adding syntax errors (AR0601) to <paramref name="diagnostics"/>.</summary>
    public static EsqlQuery Parse(string text, List<QueryDiagnostic> diagnostics)
        => new EsqlParser(text, diagnostics).ParseQuery();

    /// <summary>Thrown inside the parser to abandon the current command; never escapes <see cref="Parse"/>.</summary>
    private sealed class SyntaxError : Exception
    {
        public SyntaxError(int start, int length, string message) : base(message)
        {
            Start = start;
            Length = length;
        }

        public int Start { get; }
        public int Length { get; }
    }

    private static readonly HashSet<string> SourceCommands = new(StringComparer.OrdinalIgnoreCase) { "from", "row", "show", "ts", "metrics" };

    private EsqlQuery ParseQuery()
    {
        var commands = new List<EsqlCommand>();
        if (Current.Kind == EsqlTokenKind.EndOfInput)
        {
            Report(0, 0, "the query is empty: an ES|QL query starts with FROM, ROW or SHOW");
            return new EsqlQuery(commands);
        }
        var first = true;
        while (true)
        {
            if (!first)
            {
                if (Current.Kind == EsqlTokenKind.EndOfInput) break;
                Next(); // the pipe
            }
            var command = ParseCommandOrRecover(first);
            if (command is not null) commands.Add(command);
            first = false;
            if (Current.Kind == EsqlTokenKind.EndOfInput) break;
        }
        return new EsqlQuery(commands);
    }

    private EsqlCommand? ParseCommandOrRecover(bool isSource)
    {
        try
        {
            var command = ParseCommand(isSource);
            if (!AtCommandEnd) throw Unexpected(Current, "'|' or the end of the query");
            return command;
        }
        catch (SyntaxError error)
        {
            _depth = 0;
            Report(error.Start, error.Length, error.Message);
            while (!AtCommandEnd) Next();
            return null;
        }
    }

    private EsqlCommand ParseCommand(bool isSource)
    {
        var keyword = Current;
        if (keyword.Kind == EsqlTokenKind.Pipe || keyword.Kind == EsqlTokenKind.EndOfInput)
            throw Error(keyword, "expected a command after '|'");
        if (keyword.Kind != EsqlTokenKind.Identifier) throw Unexpected(keyword, "a command such as FROM, WHERE, EVAL, STATS or KEEP");
        var name = keyword.Text.ToUpperInvariant();
        var start = keyword.Start;

        if (isSource && !SourceCommands.Contains(name))
            throw Error(keyword, $"a query starts with a source command (FROM, ROW or SHOW), not {name}");
        if (!isSource && SourceCommands.Contains(name))
            throw Error(keyword, $"{name} is a source command: it can only start the query");

        Next();
        switch (name)
        {
            case "FROM":
            case "TS":
            case "METRICS":
                return ParseFrom(name, start);
            case "ROW":
                return new EsqlRow(ParseFields(allowFilter: false), start, PreviousEnd);
            case "SHOW":
                return new EsqlShow(ExpectIdentifier("INFO").Text, start, PreviousEnd);
            case "WHERE":
                return new EsqlWhere(ParseBooleanExpression(), start, PreviousEnd);
            case "EVAL":
                return new EsqlEval(ParseFields(allowFilter: false), start, PreviousEnd);
            case "STATS":
                return ParseStats("STATS", isInline: false, start);
            case "INLINESTATS":
                return ParseStats("INLINESTATS", isInline: true, start);
            case "INLINE":
                ExpectKeyword("stats");
                return ParseStats("INLINE STATS", isInline: true, start);
            case "KEEP":
            case "DROP":
                return new EsqlProject(name, name == "DROP", ParseNamePatterns(), start, PreviousEnd);
            case "RENAME":
                return ParseRename(start);
            case "SORT":
                return ParseSort(start);
            case "LIMIT":
                return new EsqlLimit(ParseLimitCount(), start, PreviousEnd);
            case "DISSECT":
            case "GROK":
                return ParseExtract(name, start);
            case "MV_EXPAND":
                return new EsqlMvExpand(ParseQualifiedName(), start, PreviousEnd);
            case "ENRICH":
                return ParseEnrich(start);
            case "LOOKUP":
                ExpectKeyword("join");
                return ParseLookupJoin(start);
            case "COMPLETION":
                return ParseCompletion(start);
            case "CHANGE_POINT":
                return ParseChangePoint(start);
            case "SAMPLE":
                return new EsqlSample(ParseBooleanExpression(), start, PreviousEnd);
            default:
                SkipUnknownCommand();
                return new EsqlUnknownCommand(keyword.Text, start, PreviousEnd);
        }
    }

    /// <summary>Skips a command we do not know to its end: the next <c>|</c> outside parentheses and
    /// brackets, so FORK's <c>(WHERE … | LIMIT 10)</c> branches are skipped whole.</summary>
    private void SkipUnknownCommand()
    {
        var depth = 0;
        while (Current.Kind != EsqlTokenKind.EndOfInput && !(depth == 0 && Current.Is(EsqlTokenKind.Pipe)))
        {
            var token = Next();
            if (token.Kind is EsqlTokenKind.OpenParen or EsqlTokenKind.OpenBracket or EsqlTokenKind.OpenBrace) depth++;
            else if (token.Kind is EsqlTokenKind.CloseParen or EsqlTokenKind.CloseBracket or EsqlTokenKind.CloseBrace && depth > 0) depth--;
        }
    }

    private EsqlFrom ParseFrom(string keyword, int start)
    {
        var indices = new List<EsqlName> { ParseSourceName() };
        while (Current.Is(EsqlTokenKind.Comma))
        {
            Next();
            indices.Add(ParseSourceName());
        }
        var metadata = new List<EsqlName>();
        if (Current.IsKeyword("metadata"))
        {
            Next();
            metadata.Add(ParseSourceName());
            while (Current.Is(EsqlTokenKind.Comma))
            {
                Next();
                metadata.Add(ParseSourceName());
            }
        }
        return new EsqlFrom(keyword, indices, metadata, start, PreviousEnd);
    }

    private EsqlStats ParseStats(string keyword, bool isInline, int start)
    {
        var aggregates = AtCommandEnd || Current.IsKeyword("by") ? new List<EsqlField>() : ParseFields(allowFilter: true);
        var groups = new List<EsqlField>();
        if (Current.IsKeyword("by"))
        {
            Next();
            groups = ParseFields(allowFilter: false);
        }
        if (aggregates.Count == 0 && groups.Count == 0) throw Error(Current, $"{keyword} needs aggregates or BY groups");
        return new EsqlStats(keyword, isInline, aggregates, groups, start, PreviousEnd);
    }

    private EsqlRename ParseRename(int start)
    {
        var renames = new List<(EsqlName, EsqlName)>();
        do
        {
            if (renames.Count > 0) Next();
            var first = ParseNamePattern();
            if (Current.Is(EsqlTokenKind.Assign))
            {
                // RENAME new_name = old_name (ES|QL 9.1+)
                Next();
                renames.Add((ParseNamePattern(), first));
            }
            else
            {
                ExpectKeyword("as");
                renames.Add((first, ParseNamePattern()));
            }
        }
        while (Current.Is(EsqlTokenKind.Comma));
        return new EsqlRename(renames, start, PreviousEnd);
    }

    private EsqlSort ParseSort(int start)
    {
        var orders = new List<EsqlOrder>();
        do
        {
            if (orders.Count > 0) Next();
            var expression = ParseBooleanExpression();
            var descending = false;
            if (Current.IsKeyword("asc")) Next();
            else if (Current.IsKeyword("desc")) { Next(); descending = true; }
            var nulls = EsqlNullsOrder.Default;
            if (Current.IsKeyword("nulls"))
            {
                Next();
                if (Current.IsKeyword("first")) nulls = EsqlNullsOrder.First;
                else if (Current.IsKeyword("last")) nulls = EsqlNullsOrder.Last;
                else throw Unexpected(Current, "FIRST or LAST after NULLS");
                Next();
            }
            orders.Add(new EsqlOrder(expression, descending, nulls, PreviousEnd));
        }
        while (Current.Is(EsqlTokenKind.Comma));
        return new EsqlSort(orders, start, PreviousEnd);
    }

    private EsqlExpression ParseLimitCount()
    {
        var token = Current;
        if (token.Is(EsqlTokenKind.Integer) || token.Is(EsqlTokenKind.Parameter))
        {
            Next();
            return token.Is(EsqlTokenKind.Integer)
                ? new EsqlLiteral(EsqlLiteralKind.Integer, token.Text, token.Start, token.End)
                : new EsqlParameter(token.Text, token.Start, token.End);
        }
        throw Unexpected(token, "a whole number of rows after LIMIT");
    }

    private EsqlExtract ParseExtract(string keyword, int start)
    {
        var isGrok = keyword == "GROK";
        var input = ParsePostfixExpression();
        var patterns = new List<EsqlLiteral> { ExpectString(isGrok ? "a grok pattern string" : "a dissect pattern string") };
        var options = new List<EsqlField>();
        if (isGrok)
        {
            while (Current.Is(EsqlTokenKind.Comma))
            {
                Next();
                patterns.Add(ExpectString("a grok pattern string"));
            }
        }
        else if (Current.Is(EsqlTokenKind.Identifier))
        {
            // DISSECT options: APPEND_SEPARATOR = "…"
            options = ParseFields(allowFilter: false);
            foreach (var option in options)
            {
                if (option.Name is null || !string.Equals(option.Name.Name, "append_separator", StringComparison.OrdinalIgnoreCase))
                    Report(option.Start, option.Length, "DISSECT's only option is APPEND_SEPARATOR = \"separator\"");
            }
        }
        return new EsqlExtract(keyword, isGrok, input, patterns, options, start, PreviousEnd);
    }

    private EsqlEnrich ParseEnrich(int start)
    {
        var policy = ParseSourceName();
        EsqlName? on = null;
        if (Current.IsKeyword("on"))
        {
            Next();
            on = ParseNamePattern();
        }
        List<(EsqlName?, EsqlName)>? with = null;
        if (Current.IsKeyword("with"))
        {
            Next();
            with = new List<(EsqlName?, EsqlName)>();
            do
            {
                if (with.Count > 0) Next();
                var first = ParseNamePattern();
                if (Current.Is(EsqlTokenKind.Assign))
                {
                    Next();
                    with.Add((first, ParseNamePattern()));
                }
                else with.Add((null, first));
            }
            while (Current.Is(EsqlTokenKind.Comma));
        }
        return new EsqlEnrich(policy, on, with, start, PreviousEnd);
    }

    private EsqlLookupJoin ParseLookupJoin(int start)
    {
        var index = ParseSourceName();
        ExpectKeyword("on");
        // ON field, … (join on equal names) or, since 9.2, ON left_field == right_field AND …
        var on = new List<EsqlExpression> { ParseBooleanExpression() };
        while (Current.Is(EsqlTokenKind.Comma))
        {
            Next();
            on.Add(ParseBooleanExpression());
        }
        return new EsqlLookupJoin(index, on, start, PreviousEnd);
    }

    private EsqlCompletion ParseCompletion(int start)
    {
        var target = TryParseAssignmentTarget();
        var prompt = ParseBooleanExpression();
        EsqlExpression? options = null;
        var column = target?.Name ?? "completion";
        if (Current.IsKeyword("with"))
        {
            Next();
            // WITH { "inference_id": "…" } (9.2+), or the 9.1 form WITH inference_id [AS column]
            options = Current.Is(EsqlTokenKind.OpenBrace) ? ParseMap() : new EsqlColumnReference(ParseQualifiedName());
            if (Current.IsKeyword("as"))
            {
                Next();
                column = ParseQualifiedName().Name;
            }
        }
        return new EsqlCompletion(column, prompt, options, start, PreviousEnd);
    }

    private EsqlChangePoint ParseChangePoint(int start)
    {
        var value = ParseQualifiedName();
        EsqlName? key = null;
        if (Current.IsKeyword("on"))
        {
            Next();
            key = ParseQualifiedName();
        }
        string typeColumn = "type", pvalueColumn = "pvalue";
        if (Current.IsKeyword("as"))
        {
            Next();
            typeColumn = ParseQualifiedName().Name;
            Expect(EsqlTokenKind.Comma, "',' between the type and p-value column names");
            pvalueColumn = ParseQualifiedName().Name;
        }
        return new EsqlChangePoint(value, key, typeColumn, pvalueColumn, start, PreviousEnd);
    }

    /// <summary>Comma-separated <c>[name =] expression</c> list of ROW, EVAL, STATS and STATS … BY.</summary>
    private List<EsqlField> ParseFields(bool allowFilter)
    {
        var fields = new List<EsqlField>();
        do
        {
            if (fields.Count > 0) Next();
            var name = TryParseAssignmentTarget();
            var expression = ParseBooleanExpression();
            EsqlExpression? filter = null;
            if (allowFilter && Current.IsKeyword("where"))
            {
                Next();
                filter = ParseBooleanExpression();
            }
            // an unnamed field is named by its text, except a plain column, which keeps its name
            var columnName = name?.Name
                ?? (expression is EsqlColumnReference reference ? reference.Name.Name : _text.Substring(expression.Start, expression.Length));
            fields.Add(new EsqlField(name, expression, columnName, filter, PreviousEnd));
        }
        while (Current.Is(EsqlTokenKind.Comma));
        return fields;
    }

    /// <summary>Reads <c>name =</c> when it is there, or leaves the position unchanged.</summary>
    private EsqlName? TryParseAssignmentTarget()
    {
        if (!Current.Is(EsqlTokenKind.Identifier) && !Current.Is(EsqlTokenKind.QuotedIdentifier)) return null;
        var saved = _index;
        var i = _index + 1;
        while (_tokens[i].Is(EsqlTokenKind.Dot) && (_tokens[i + 1].Is(EsqlTokenKind.Identifier) || _tokens[i + 1].Is(EsqlTokenKind.QuotedIdentifier))) i += 2;
        if (!_tokens[i].Is(EsqlTokenKind.Assign)) return null;
        var name = ParseQualifiedName();
        if (!Current.Is(EsqlTokenKind.Assign)) { _index = saved; return null; }
        Next();
        return name;
    }

    // ---- tokens ---------------------------------------------------------------------------------

    private EsqlToken Current => _tokens[_index];
    private EsqlToken PeekToken(int ahead) => _tokens[Math.Min(_index + ahead, _tokens.Count - 1)];
    private int PreviousEnd => _index > 0 ? _tokens[_index - 1].End : 0;
    private bool AtCommandEnd => Current.Kind is EsqlTokenKind.Pipe or EsqlTokenKind.EndOfInput;

    private EsqlToken Next()
    {
        var token = Current;
        if (_index < _tokens.Count - 1) _index++;
        return token;
    }

    private EsqlToken Expect(EsqlTokenKind kind, string what)
    {
        if (!Current.Is(kind)) throw Unexpected(Current, what);
        return Next();
    }

    private void ExpectKeyword(string keyword)
    {
        if (!Current.IsKeyword(keyword)) throw Unexpected(Current, keyword.ToUpperInvariant());
        Next();
    }

    private EsqlToken ExpectIdentifier(string what)
    {
        if (!Current.Is(EsqlTokenKind.Identifier)) throw Unexpected(Current, what);
        return Next();
    }

    private EsqlLiteral ExpectString(string what)
    {
        var token = Current;
        if (!token.Is(EsqlTokenKind.String)) throw Unexpected(token, what);
        Next();
        return new EsqlLiteral(EsqlLiteralKind.String, token.Value, token.Start, token.End);
    }

    private void Report(int start, int length, string message)
        => _diagnostics.Add(QueryDiagnostic.Create(DiagnosticDescriptors.EsqlSyntaxError, start, length, message));

    private static SyntaxError Error(EsqlToken token, string message) => new(token.Start, token.Length, message);

    private static SyntaxError Unexpected(EsqlToken token, string expected)
        => token.Kind == EsqlTokenKind.EndOfInput
            ? new SyntaxError(token.Start, 0, $"expected {expected}, but the query ends")
            : new SyntaxError(token.Start, token.Length, $"expected {expected}, not '{token.Text}'");
}
