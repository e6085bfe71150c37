using AzureRules.Cli.Compilation;
using AzureRules.Generators.Eql.Syntax;
using AzureRules.Generators.Kuery.Parsing;
using AzureRules.Generators.Kuery.Syntax;
using AzureRules.Generators.Kusto.Parsing;
using AzureRules.Generators.Kusto.Syntax;
using AzureRules.Sdk.Detections;
using AzureRules.Sdk.Engine;
using AzureRules.Sdk.Events;
using AzureRules.Sdk.Kusto;
using AzureRules.Sdk.Testing;
using GeneratorLanguage = AzureRules.Generators.Model.QueryLanguage;

namespace AzureRules.Cli.Testing;

/// <summary>
/// One top-level condition of a rule's query: whether some test case's events made it true, and
/// (Elastic event rules) whether some event made it alone false — a near miss that shows the
/// condition matters; null where not measured.
/// </summary>
internal sealed record ConditionResult(string Text, bool MadeTrue, bool? NearMiss = null);

/// <summary>A rule's test coverage: its cases, and its top-level conditions (null with a reason when not measured).</summary>
internal sealed record RuleCoverage(Detection Rule, int Cases, IReadOnlyList<ConditionResult>? Conditions, string? NotMeasured);

/// <summary>
/// Which top-level conjuncts of a rule's condition no test case ever made true. The hook is the
/// compiler itself: the query is parsed by the generator's parser, each top-level conjunct is cut
/// out of the query text and compiled on its own through the same ad-hoc path as <c>azrules query</c>,
/// and run over every case's events (all of them, ignoring schedule windows):
/// Kibana KQL — the conjuncts of a top-level <c>and</c>, over the events of the rule's indices;
/// EQL event queries — the conjuncts of the <c>where</c> condition, each with the query's category;
/// Kusto — the conjuncts of each <c>where</c> of the main pipeline, each run as the pipeline up to that
/// <c>where</c> followed by <c>where conjunct</c>. A conjunct counts as made true when some event
/// (some row, for Kusto) satisfies it. For Elastic event rules, whose conditions are decided per event, a
/// conjunct also has a near miss when some event satisfies every other conjunct but not this one.
/// Other languages and shapes say they are not measured.
/// </summary>
internal static class ConditionCoverage
{
    public static IReadOnlyList<RuleCoverage> Measure(IReadOnlyList<Detection> rules, IReadOnlyList<RuleTestCase> cases)
    {
        var results = new List<RuleCoverage>();
        foreach (var rule in rules)
        {
            var own = cases.Where(c => ReferenceEquals(c.Rule, rule)).ToList();
            if (own.Count == 0) { results.Add(new RuleCoverage(rule, 0, null, "no test cases")); continue; }
            var events = own.SelectMany(c => RuleTestRunner.ReadEvents(c, [])).ToList();
            try
            {
                var (conditions, reason) = rule.Metadata.Language switch
                {
                    QueryLanguage.Kuery => (Kuery(rule, events), null),
                    QueryLanguage.Eql => Eql(rule, events),
                    QueryLanguage.Kusto => Kusto(rule, events),
                    var other => (null, $"conditions of {other} queries are not measured"),
                };
                results.Add(new RuleCoverage(rule, own.Count, conditions, reason));
            }
            catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or InvalidCastException or IndexOutOfRangeException or KeyNotFoundException or NullReferenceException or OverflowException)
            {
                results.Add(new RuleCoverage(rule, own.Count, null, "a condition could not be compiled or run on its own: " + ex.Message));
            }
        }
        return results;
    }

    private static IReadOnlyList<ConditionResult>? Kuery(Detection rule, List<EventRecord> events)
    {
        var text = rule.Metadata.Query;
        var parsed = KueryParser.Parse(text);
        if (parsed.Root is null) return null;
        var conjuncts = parsed.Root is KueryAnd and ? and.Operands.Select(o => KueryConjunctText(text, o)).ToList() : [text.Trim()];
        var indices = new IndexPatterns(rule.Metadata.Indices.Count > 0 ? rule.Metadata.Indices : ["*"]);
        var inIndices = events.Where(e => indices.Matches(e.Envelope.ElasticIndex(e.SourceFile))).ToList();
        return PerEvent(GeneratorLanguage.Kuery, conjuncts, conjuncts, inIndices);
    }

    /// <summary>
    /// The source text of one operand of a top-level <c>and</c>: from its field (the parser's node
    /// spans start at the value) to its end, with the parentheses it opened (<c>f:(a or b)</c>).
    /// </summary>
    private static string KueryConjunctText(string text, KueryNode node)
    {
        var (start, end) = Extent(node);
        // a value list's closing parenthesis lies past its last value: scan on until every
        // parenthesis opened (outside quotes) is closed
        var depth = 0;
        var quoted = false;
        for (var i = start; i < text.Length && (i < end || depth > 0); i++)
        {
            var c = text[i];
            if (c == '\\') { i++; continue; }
            if (c == '"') quoted = !quoted;
            else if (!quoted && c == '(') depth++;
            else if (!quoted && c == ')') depth--;
            if (i >= end) end = i + 1;
        }
        return text[start..end].Trim();

        static (int Start, int End) Extent(KueryNode node)
        {
            (int, int) Union((int Start, int End) a, int start, int end) => (Math.Min(a.Start, start), Math.Max(a.End, end));
            return node switch
            {
                KueryIs { Field: { } field } @is => Union((@is.Start, @is.End), field.Start, field.Start + field.Length),
                KueryRange range => Union((range.Start, range.End), range.Field.Start, range.Field.Start + range.Field.Length),
                KueryNested nested => Union((nested.Start, nested.End), nested.Field.Start, nested.Field.Start + nested.Field.Length),
                KueryNot not => Union(Extent(not.Operand), not.Start, not.End),
                KueryAnd and => and.Operands.Select(Extent).Aggregate((and.Start, and.End), (a, b) => Union(a, b.Start, b.End)),
                KueryOr or => or.Operands.Select(Extent).Aggregate((or.Start, or.End), (a, b) => Union(a, b.Start, b.End)),
                _ => (node.Start, node.End),
            };
        }
    }

    /// <summary>Each conjunct on each event: made true by some event, and alone false on some event.</summary>
    private static IReadOnlyList<ConditionResult> PerEvent(GeneratorLanguage language, IReadOnlyList<string> texts, IReadOnlyList<string> queries, List<EventRecord> events)
    {
        var detections = queries.Select(q => Compile(language, q) as ElasticEventDetection).ToList();
        var madeTrue = new bool[texts.Count];
        var nearMiss = new bool[texts.Count];
        var view = new EventView();
        var values = new bool[texts.Count];
        foreach (var record in events)
        {
            view.Load(record.Json);
            for (var i = 0; i < detections.Count; i++) values[i] = detections[i]?.Matches(view) ?? false;
            var falses = values.Count(v => !v);
            for (var i = 0; i < values.Length; i++)
            {
                if (values[i]) madeTrue[i] = true;
                else if (falses == 1) nearMiss[i] = true;
            }
        }
        return [.. texts.Select((t, i) => new ConditionResult(t, madeTrue[i], nearMiss[i]))];
    }

    private static (IReadOnlyList<ConditionResult>?, string?) Eql(Detection rule, List<EventRecord> events)
    {
        var text = rule.Metadata.Query;
        if (EqlParser.Parse(text).Query is not EqlEventQuery query) return (null, "only EQL event queries are measured (not sequences or samples)");
        var conjuncts = new List<EqlExpression>();
        Flatten(query.Filter.Condition, conjuncts);
        var category = query.Filter.Category is { } c ? text.Substring(query.Filter.CategoryStart, query.Filter.CategoryEnd - query.Filter.CategoryStart) : "any";
        var indices = new IndexPatterns(rule.Metadata.Indices.Count > 0 ? rule.Metadata.Indices : ["*"]);
        var inIndices = events.Where(e => indices.Matches(e.Envelope.ElasticIndex(e.SourceFile))).ToList();
        var texts = conjuncts.Select(e => text.Substring(e.Start, e.End - e.Start)).ToList();
        return (PerEvent(GeneratorLanguage.Eql, texts, [.. texts.Select(t => $"{category} where {t}")], inIndices), null);

        static void Flatten(EqlExpression expression, List<EqlExpression> into)
        {
            if (expression is EqlBinary { Operator: EqlBinaryOperator.And } and) { Flatten(and.Left, into); Flatten(and.Right, into); }
            else into.Add(expression);
        }
    }

    private static (IReadOnlyList<ConditionResult>?, string?) Kusto(Detection rule, List<EventRecord> events)
    {
        var text = rule.Metadata.Query;
        var tree = KustoParser.Parse(text);
        if (tree.Query is not PipeExpression pipe) return (null, "the query is not a pipeline");
        var results = new List<ConditionResult>();
        foreach (var where in pipe.Operators.OfType<WhereOperator>())
        {
            var conjuncts = new List<AzureRules.Generators.Kusto.Syntax.Expression>();
            Flatten(where.Predicate, conjuncts);
            var prefix = text.Substring(0, where.Span.Start);
            foreach (var conjunct in conjuncts)
            {
                var conjunctText = tree.TextOf(conjunct);
                results.Add(new ConditionResult(conjunctText, AnyRow($"{prefix}where {conjunctText}", events)));
            }
        }
        return results.Count == 0 ? (null, "the query's main pipeline has no where") : (results, null);

        static void Flatten(AzureRules.Generators.Kusto.Syntax.Expression expression, List<AzureRules.Generators.Kusto.Syntax.Expression> into)
        {
            if (expression is BinaryExpression { Operator: BinaryOperatorKind.And } and) { Flatten(and.Left, into); Flatten(and.Right, into); }
            else if (expression is ParenthesizedExpression { Expression: BinaryExpression { Operator: BinaryOperatorKind.And } inner }) Flatten(inner, into);
            else into.Add(expression);
        }
    }

    private static bool AnyRow(string query, List<EventRecord> events)
    {
        if (Compile(GeneratorLanguage.Kusto, query) is not KustoDetection kusto) return false;
        var now = events.Select(r => r.Envelope.SentinelTime).Max() ?? DateTimeOffset.UtcNow;
        var tables = KustoTables.FromEvents(kusto, events.Select(r => (r.Envelope.SentinelTable(r.SourceFile), r)));
        return kusto.Execute(new KustoContext(now.UtcDateTime.AddTicks(1), tables)).RowCount > 0;
    }

    private static Detection? Compile(GeneratorLanguage language, string query)
    {
        var library = RuleLibrary.FromDefinitions([AdHocRules.Create(language, query)]);
        if (library.HasErrors)
            throw new InvalidOperationException(library.Diagnostics.First(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error).GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        var detection = library.Detections.Single();
        return detection.IsExecutable ? detection : throw new InvalidOperationException(detection.NotExecutableReason);
    }
}

/// <summary>Prints coverage: rules without tests, and conditions no case made true.</summary>
internal static class CoverageReport
{
    public static void Write(TextWriter output, IReadOnlyList<RuleCoverage> coverage)
    {
        output.WriteLine();
        output.WriteLine("coverage:");
        var untested = coverage.Where(c => c.Cases == 0).ToList();
        output.WriteLine($"  rules with test cases: {coverage.Count - untested.Count} of {coverage.Count}");
        foreach (var rule in untested) output.WriteLine($"  no tests: {rule.Rule.Metadata.Name} ({rule.Rule.Metadata.SourceFile})");
        foreach (var rule in coverage.Where(c => c.Cases > 0))
        {
            if (rule.Conditions is not { } conditions)
            {
                output.WriteLine($"  {rule.Rule.Metadata.Name}: conditions not measured ({rule.NotMeasured})");
                continue;
            }
            var covered = conditions.Count(c => c.MadeTrue);
            output.WriteLine($"  {rule.Rule.Metadata.Name}: {covered} of {conditions.Count} top-level conditions made true by some case");
            foreach (var condition in conditions.Where(c => !c.MadeTrue))
                output.WriteLine($"    never true: {OneLine(condition.Text)}");
            if (conditions.Any(c => c.NearMiss is not null))
            {
                output.WriteLine($"    {conditions.Count(c => c.NearMiss == true)} of {conditions.Count} have a near miss (an event on which only that condition fails)");
                foreach (var condition in conditions.Where(c => c.NearMiss == false))
                    output.WriteLine($"    no near miss: {OneLine(condition.Text)}");
            }
        }
    }

    private static string OneLine(string text)
    {
        var line = string.Join(' ', text.Split(['\r', '\n', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
        return line.Length > 160 ? line[..160] + "…" : line;
    }
}
