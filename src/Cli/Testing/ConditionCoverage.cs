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

/// <summary>One top-level condition of a rule's query and whether some test case's events made it true.</summary>
internal sealed record ConditionResult(string Text, bool MadeTrue);

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
/// (some row, for Kusto) satisfies it. Other languages and shapes say they are not measured.
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
            catch (InvalidOperationException ex)
            {
                results.Add(new RuleCoverage(rule, own.Count, null, "a condition could not be compiled on its own: " + ex.Message));
            }
        }
        return results;
    }

    private static IReadOnlyList<ConditionResult>? Kuery(Detection rule, List<EventRecord> events)
    {
        var text = rule.Metadata.Query;
        var parsed = KueryParser.Parse(text);
        if (parsed.Root is null) return null;
        var conjuncts = parsed.Root is KueryAnd and ? and.Operands.Select(o => text.Substring(o.Start, o.Length)).ToList() : [text.Trim()];
        var indices = new IndexPatterns(rule.Metadata.Indices.Count > 0 ? rule.Metadata.Indices : ["*"]);
        var inIndices = events.Where(e => indices.Matches(e.Envelope.ElasticIndex(e.SourceFile))).ToList();
        return [.. conjuncts.Select(c => new ConditionResult(c, AnyMatch(GeneratorLanguage.Kuery, c, inIndices)))];
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
        return ([.. conjuncts.Select(e => text.Substring(e.Start, e.End - e.Start))
            .Select(t => new ConditionResult(t, AnyMatch(GeneratorLanguage.Eql, $"{category} where {t}", inIndices)))], null);

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

    private static bool AnyMatch(GeneratorLanguage language, string query, List<EventRecord> events)
    {
        if (Compile(language, query) is not ElasticEventDetection detection) return false;
        var view = new EventView();
        foreach (var record in events)
        {
            view.Load(record.Json);
            if (detection.Matches(view)) return true;
        }
        return false;
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
        }
    }

    private static string OneLine(string text)
    {
        var line = string.Join(' ', text.Split(['\r', '\n', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
        return line.Length > 160 ? line[..160] + "…" : line;
    }
}
