using System.Globalization;
using System.Text;
using System.Text.Json;
using AzureRules.Cli.Compilation;
using AzureRules.Generators.Elastic;
using AzureRules.Generators.Kuery.Binding;
using AzureRules.Generators.Kuery.Parsing;
using AzureRules.Generators.Kuery.Syntax;
using AzureRules.Generators.Kuery.Translation;
using AzureRules.Generators.Eql.Syntax;
using AzureRules.Generators.Model;
using AzureRules.Sdk.Detections;
using AzureRules.Sdk.Events;

namespace AzureRules.Conformance;

/// <summary>
/// Runs the Kibana KQL suite (conformance/kuery/cases.jsonl):
/// <list type="bullet">
/// <item><c>evaluate</c>: each query becomes a rule (AdHocRules), all of them are compiled in one Roslyn
/// compile through the generator's per-rule step (RuleLibrary.FromDefinitions), and the compiled
/// <c>Matches</c> runs on an EventView loaded from the case's document.</item>
/// <item><c>parse</c>: the parser (and, with a schema, the binder's type checks) must accept or reject
/// the query as expected; the tree is compared with Kibana's AST (<c>kibana_ast</c>) or detection-rules'
/// AST mapped to Kibana's shape; Kibana's syntax errors must point at the same offset.</item>
/// <item><c>literal</c>, <c>field_names</c>, <c>parse_equivalent</c>: the literal parser, field extraction, tree equality.</item>
/// <item><c>dsl</c>, <c>kql2eql</c>, <c>lint</c>, <c>eql2kql</c>: detection-rules' tooling, run through the
/// product's translations (Kuery/Translation). DSL is compared as parsed JSON (object keys unordered, arrays
/// ordered, numbers by value); EQL by parsing both texts with the EQL parser and comparing the trees
/// (detection-rules' tests compare parsed EQL too: <c>=</c> is <c>==</c>, redundant parentheses do not
/// count); lint and eql2kql KQL text exactly. Expected errors must be error results.</item>
/// </list>
/// Where detection-rules and Kibana disagree, Kibana wins: upper-case AND/OR/NOT are valid.
/// </summary>
internal static class KueryConformance
{
    public static ConformanceResult Run(string[] args)
    {
        var verbose = args.Contains("--verbose");
        var result = new ConformanceResult();
        var cases = File.ReadLines(args[0]).Where(l => l.Trim().Length > 0)
            .Select((line, index) => (Index: index + 1, Case: JsonDocument.Parse(line).RootElement))
            .ToList();

        var evaluations = cases.Where(c => Kind(c.Case) == "evaluate").ToList();
        var outcomes = Evaluate(evaluations);

        foreach (var (index, c) in cases)
        {
            var name = $"case-{index:D4}";
            var features = Features(c);
            string? failure;
            try
            {
                failure = Kind(c) switch
                {
                    "evaluate" => outcomes[index],
                    "parse" => CheckParse(c),
                    "literal" => CheckLiteral(c),
                    "field_names" => CheckFieldNames(c),
                    "parse_equivalent" => CheckEquivalent(c),
                    "dsl" => CheckDsl(c),
                    "kql2eql" => CheckKqlToEql(c),
                    "lint" => CheckLint(c),
                    "eql2kql" => CheckEqlToKql(c),
                    var kind => $"not implemented: {kind} (detection-rules tooling)",
                };
            }
            catch (Exception e)
            {
                failure = "runner exception: " + e.GetType().Name;
            }
            if (verbose && failure is not null)
                Console.WriteLine($"FAIL {name} [{Kind(c)}] {Describe(c)}: {failure}");
            result.Record($"{name} {Describe(c)}", features, failure is null, failure);
        }
        return result;
    }

    private static string Kind(JsonElement c) => c.GetProperty("kind").GetString()!;

    private static string Describe(JsonElement c)
    {
        var text = c.TryGetProperty("query", out var q) ? q.GetString() : c.TryGetProperty("literal", out var l) ? l.GetString() : c.TryGetProperty("eql", out var e) ? e.GetString() : "";
        text = (text ?? "").Replace("\n", " ");
        return text.Length > 50 ? text[..50] + "…" : text;
    }

    private static IEnumerable<string> Features(JsonElement c)
    {
        yield return "kind:" + Kind(c);
        yield return "dialect:" + c.GetProperty("dialect").GetString();
        if (!c.TryGetProperty("query", out var q) || q.ValueKind != JsonValueKind.String) yield break;
        var query = q.GetString()!;
        if (query.Contains('*')) yield return "syntax:wildcard";
        if (query.Contains('{')) yield return "syntax:nested";
        if (query.IndexOfAny(['<', '>']) >= 0) yield return "syntax:range";
        if (query.Contains('(')) yield return "syntax:group";
        if (query.Contains('\\')) yield return "syntax:escape";
        if (query.Contains("not ", StringComparison.OrdinalIgnoreCase)) yield return "syntax:not";
        if (!query.Contains(':') && query.IndexOfAny(['<', '>']) < 0) yield return "syntax:free-text";
    }

    // ---- evaluate: the product's compile-and-run path ---------------------------------------------

    private static Dictionary<int, string?> Evaluate(List<(int Index, JsonElement Case)> cases)
    {
        var outcomes = new Dictionary<int, string?>();
        var rules = cases.Select(c => AdHocRules.Create(AzureRules.Generators.Model.QueryLanguage.Kuery, c.Case.GetProperty("query").GetString()!,
            name: $"case-{c.Index:D4}", path: $"case-{c.Index:D4}")).ToList();
        var library = RuleLibrary.FromDefinitions(rules);
        var byName = library.Detections.ToDictionary(d => d.Metadata.Name, StringComparer.Ordinal);
        var view = new EventView();
        foreach (var (index, c) in cases)
        {
            var detection = byName[$"case-{index:D4}"];
            if (detection is not ElasticEventDetection executable)
            {
                outcomes[index] = "not executable: " + detection.NotExecutableReason;
                continue;
            }
            view.Load(Encoding.UTF8.GetBytes(c.GetProperty("document").GetRawText()));
            var expected = c.GetProperty("expected").GetBoolean();
            var actual = executable.Matches(view);
            outcomes[index] = actual == expected ? null : $"wrong result: expected {expected}, got {actual}";
        }
        return outcomes;
    }

    // ---- parse -------------------------------------------------------------------------------------

    private static string? CheckParse(JsonElement c)
    {
        var query = c.GetProperty("query").GetString()!;
        var expectedValid = c.GetProperty("valid").GetBoolean();
        // Kibana wins: its grammar takes AND/OR/NOT in any case, which detection-rules rejects by default
        if (!expectedValid && c.TryGetProperty("note", out var note) && note.GetString()!.Contains("upper-case AND/OR/NOT"))
            expectedValid = true;

        var parsed = KueryParser.Parse(query);
        var valid = parsed.Succeeded;
        var grammarOnly = c.TryGetProperty("grammar_only", out var g) && g.GetBoolean();
        if (valid && !grammarOnly && c.TryGetProperty("schema", out var schema))
        {
            var (_, diagnostics) = KueryBinder.Bind(parsed.Root!, new SchemaFieldTypes(schema));
            // with a schema, an unknown field is an error too (detection-rules' "Unknown field")
            valid = diagnostics.All(d => d.Id is not ("AR0402" or "AR0403" or "AR0406"));
        }
        if (valid != expectedValid)
            return expectedValid ? $"rejected a valid query: {parsed.Error?.Message}" : "accepted an invalid query";

        if (!valid)
        {
            if (c.TryGetProperty("error_message", out var message) && parsed.Error is { } error)
            {
                var caret = KibanaCaret(message.GetString()!);
                if (caret != error.Offset) return $"syntax error at offset {error.Offset}, Kibana says {caret}";
            }
            return null;
        }

        var optimize = c.TryGetProperty("optimize", out var o) && o.GetBoolean();
        if (c.TryGetProperty("kibana_ast", out var kibana))
        {
            var expected = KibanaShape(kibana);
            var actual = Shape(parsed.Root!, keepQuotes: true);
            return expected == actual ? null : $"AST {actual}, Kibana {expected}";
        }
        if (c.TryGetProperty("ast", out var ast))
        {
            var expected = DetectionRulesShape(ast, null);
            var actual = Shape(parsed.Root!, keepQuotes: false);
            if (optimize)
            {
                expected = CancelDoubleNot(expected);
                actual = CancelDoubleNot(actual);
            }
            return expected == actual ? null : $"AST {actual}, detection-rules {expected}";
        }
        if (c.TryGetProperty("root_type", out var rootType))
        {
            var expected = rootType.GetString()!.Split('.')[^1] switch
            {
                "AndExpr" => "and", "OrExpr" => "or", "NotExpr" => "not", "NestedQuery" => "nested", "FieldComparison" => "is", var t => t,
            };
            var actual = Shape(parsed.Root!, keepQuotes: false);
            if (optimize) actual = CancelDoubleNot(actual);
            return actual.StartsWith(expected + "(", StringComparison.Ordinal) ? null : $"root {actual}, expected {expected}";
        }
        return null;
    }

    private static int KibanaCaret(string message)
    {
        var last = message.Split('\n')[^1];
        return last.IndexOf('^');
    }

    /// <summary>The field types a case's schema gives (ES mapping type names).</summary>
    private sealed class SchemaFieldTypes(JsonElement schema) : IKueryFieldTypes
    {
        public ElasticFieldType? TypeOf(string field)
        {
            if (!schema.TryGetProperty(field, out var type)) return null;
            var mapping = type.GetString()!;
            var classified = ElasticFieldCatalog.Classify(mapping);
            // annotated-text and other analysed text types behave as text
            return classified == ElasticFieldType.Unknown && mapping.Contains("text") ? ElasticFieldType.Text : classified;
        }

        public IEnumerable<string> Names => schema.EnumerateObject().Select(p => p.Name);
    }

    // ---- shapes: one canonical text for Kibana's AST, detection-rules' AST and ours ----------------

    private static string Shape(KueryNode node, bool keepQuotes) => node switch
    {
        KueryMatchAll => "is(*,*)",
        KueryOr or => "or(" + string.Join(",", or.Operands.Select(n => Shape(n, keepQuotes))) + ")",
        KueryAnd and => "and(" + string.Join(",", and.Operands.Select(n => Shape(n, keepQuotes))) + ")",
        KueryNot not => "not(" + Shape(not.Operand, keepQuotes) + ")",
        KueryIs @is => $"is({@is.Field?.Name ?? "null"},{Value(@is.Value, keepQuotes)})",
        KueryRange range => $"range({range.Field.Name},{Operator(range.Operator)},{range.Value.Text})",
        KueryNested nested => $"nested({nested.Field.Name},{Shape(nested.Query, keepQuotes)})",
        _ => "?",
    };

    private static string Value(KueryLiteral literal, bool keepQuotes)
        => keepQuotes && literal.Quoted ? "\"" + literal.Text + "\"" : keepQuotes ? literal.Text : NormalizeNumber(literal.Text);

    private static string NormalizeNumber(string text)
        => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && text.Trim().Length > 0 && !text.Contains('*')
            ? d.ToString("R", CultureInfo.InvariantCulture) : text;

    private static string Operator(KueryRangeOperator op) => op switch
    {
        KueryRangeOperator.GreaterThan => "gt",
        KueryRangeOperator.GreaterThanOrEqual => "gte",
        KueryRangeOperator.LessThan => "lt",
        _ => "lte",
    };

    private static string KibanaShape(JsonElement node)
    {
        var fn = node.GetProperty("fn").GetString()!;
        var args = node.GetProperty("args");
        return fn switch
        {
            "is" => $"is({Scalar(args[0])},{Scalar(args[1])})",
            "and" or "or" => fn + "(" + string.Join(",", args[0].EnumerateArray().Select(KibanaShape)) + ")",
            "not" => "not(" + KibanaShape(args[0]) + ")",
            "range" => $"range({Scalar(args[0])},{Scalar(args[1])},{Scalar(args[2])})",
            "nested" => $"nested({Scalar(args[0])},{KibanaShape(args[1])})",
            _ => fn + "?",
        };
    }

    private static string Scalar(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Null => "null",
        JsonValueKind.String => e.GetString()!,
        _ => e.GetRawText(),
    };

    /// <summary>detection-rules' tree (FieldComparison, OrValues, NotValue, FreeText, …) in Kibana's shape.</summary>
    private static string DetectionRulesShape(JsonElement node, string? field)
    {
        var type = node.GetProperty("type").GetString()!;
        var args = node.GetProperty("args");
        string List(string fn, string? f) => fn + "(" + string.Join(",", args[0].EnumerateArray().Select(a => DetectionRulesShape(a, f))) + ")";
        return type switch
        {
            "FieldComparison" => DetectionRulesShape(args[1], FieldName(args[0])),
            "FieldRange" => $"range({FieldName(args[0])},{RangeOp(args[1].GetString()!)},{ValueText(args[2])})",
            "NestedQuery" => $"nested({FieldName(args[0])},{DetectionRulesShape(args[1], null)})",
            "AndExpr" => List("and", null),
            "OrExpr" => List("or", null),
            "NotExpr" => "not(" + DetectionRulesShape(args[0], null) + ")",
            "AndValues" => List("and", field),
            "OrValues" => List("or", field),
            "NotValue" => "not(" + DetectionRulesShape(args[0], field) + ")",
            "FreeText" => $"is(null,{ValueText(args[0])})",
            "Exists" => $"is({field},*)",
            _ => $"is({field ?? "null"},{ValueText(node)})",
        };
    }

    private static string FieldName(JsonElement field) => field.GetProperty("args")[0].GetString()!;

    private static string ValueText(JsonElement value)
    {
        var arg = value.GetProperty("args")[0];
        return arg.ValueKind switch
        {
            JsonValueKind.String => NormalizeNumber(arg.GetString()!) is var s && value.GetProperty("type").GetString() == "Number" ? s : arg.GetString()!,
            JsonValueKind.Number => arg.GetDouble().ToString("R", CultureInfo.InvariantCulture),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => arg.GetRawText(),
        };
    }

    private static string RangeOp(string op) => op switch { "<" => "lt", "<=" => "lte", ">" => "gt", _ => "gte" };

    private static string CancelDoubleNot(string shape)
    {
        string previous;
        do
        {
            previous = shape;
            shape = RemoveDoubleNot(shape);
        } while (shape != previous);
        return shape;
    }

    private static string RemoveDoubleNot(string shape)
    {
        var at = shape.IndexOf("not(not(", StringComparison.Ordinal);
        if (at < 0) return shape;
        // drop the two "not(" and their two closing parentheses
        var depth = 0;
        var inner = at + 8;
        for (var i = inner; i < shape.Length; i++)
        {
            if (shape[i] == '(') depth++;
            else if (shape[i] == ')')
            {
                if (depth == 0) return shape[..at] + shape[inner..i] + shape[(i + 2)..];
                depth--;
            }
        }
        return shape;
    }

    // ---- literal, field names, equivalence -----------------------------------------------------------

    private static string? CheckLiteral(JsonElement c)
    {
        var literal = KueryParser.ParseLiteral(c.GetProperty("literal").GetString()!);
        if (literal is null) return "literal did not parse";
        var expectedType = c.GetProperty("node_type").GetString();
        var actualType = literal.HasWildcard ? "wildcard" : "literal";
        if (expectedType != actualType) return $"node type {actualType}, expected {expectedType}";
        var expected = c.GetProperty("value");
        var actual = literal.AsBoolean is { } b ? (b ? "true" : "false") : literal.Text;
        var wanted = expected.ValueKind == JsonValueKind.String ? expected.GetString() : expected.GetRawText();
        return actual == wanted ? null : $"value '{actual}', expected '{wanted}'";
    }

    private static string? CheckFieldNames(JsonElement c)
    {
        var parsed = KueryParser.Parse(c.GetProperty("query").GetString()!);
        if (parsed.Root is null) return "did not parse";
        var actual = KueryFieldNames.Collect(parsed.Root).OrderBy(n => n, StringComparer.Ordinal).ToList();
        var expected = c.GetProperty("field_names").EnumerateArray().Select(e => e.GetString()!).OrderBy(n => n, StringComparer.Ordinal).ToList();
        return actual.SequenceEqual(expected) ? null : $"fields [{string.Join(", ", actual)}], expected [{string.Join(", ", expected)}]";
    }

    private static string? CheckEquivalent(JsonElement c)
    {
        var a = KueryParser.Parse(c.GetProperty("query").GetString()!);
        var b = KueryParser.Parse(c.GetProperty("equivalent_to").GetString()!);
        if (a.Root is null || b.Root is null) return "did not parse";
        return Sorted(Shape(a.Root, false)) == Sorted(Shape(b.Root, false)) ? null : "not equivalent";

        // or/and operands are unordered: compare their sorted characters as a cheap canonical form
        static string Sorted(string s) => new(s.OrderBy(ch => ch).ToArray());
    }

    // ---- translations: detection-rules' dsl, kql2eql, lint, eql2kql --------------------------------

    private static string? CheckDsl(JsonElement c)
    {
        var parsed = KueryParser.Parse(c.GetProperty("query").GetString()!);
        if (!parsed.Succeeded) return "parse error: " + parsed.Error!.Message;
        var actual = KueryToDsl.Translate(parsed.Root!);
        var expected = CanonicalJson(c.GetProperty("dsl"));
        var got = CanonicalJson(JsonDocument.Parse(actual).RootElement);
        return got == expected ? null : $"DSL differs: got {actual}";
    }

    /// <summary>JSON with object keys sorted and numbers by value; array order kept (clause order is kept by detection-rules).</summary>
    private static string CanonicalJson(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => "{" + string.Join(",", e.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => JsonSerializer.Serialize(p.Name) + ":" + CanonicalJson(p.Value))) + "}",
        JsonValueKind.Array => "[" + string.Join(",", e.EnumerateArray().Select(CanonicalJson)) + "]",
        JsonValueKind.Number => e.GetDecimal().ToString(CultureInfo.InvariantCulture),
        _ => e.GetRawText(),
    };

    private static string? CheckKqlToEql(JsonElement c)
    {
        var parsed = KueryParser.Parse(c.GetProperty("query").GetString()!);
        if (!parsed.Succeeded) return c.TryGetProperty("error", out _) ? null : "parse error: " + parsed.Error!.Message;
        IKueryFieldTypes? types = c.TryGetProperty("schema", out var schema) ? new SchemaFieldTypes(schema) : null;
        var result = KueryToEql.Translate(parsed.Root!, types);
        if (c.TryGetProperty("error", out _))
            return result.Succeeded ? $"translated an untranslatable query: {result.Text}" : null;
        if (!result.Succeeded) return "translation failed: " + result.Error;
        // detection-rules' EQL library reads a lone '=' as '=='; Elasticsearch's EQL (and ours) rejects it
        var expected = CanonicalEql(LoneEquals.Replace(c.GetProperty("eql").GetString()!, " == "));
        var actual = CanonicalEql(result.Text!);
        return actual is not null && actual == expected ? null : $"EQL differs: got {result.Text}";
    }

    private static readonly System.Text.RegularExpressions.Regex LoneEquals = new(@"(?<![=!<>])\s=\s(?!=)");

    private static string? CanonicalEql(string condition)
    {
        var (query, _) = EqlParser.Parse("any where " + condition);
        return query is EqlEventQuery e ? CanonicalEql(e.Filter.Condition) : null;
    }

    private static string CanonicalEql(EqlExpression e) => e switch
    {
        EqlBinary { Operator: EqlBinaryOperator.And or EqlBinaryOperator.Or } b =>
            b.Operator + "(" + string.Join(",", Flatten(b, b.Operator).Select(CanonicalEql)) + ")",
        EqlBinary b => b.Operator + "(" + CanonicalEql(b.Left) + "," + CanonicalEql(b.Right) + ")",
        EqlUnary u => u.Operator + "(" + CanonicalEql(u.Operand) + ")",
        EqlPredicate p => $"{p.Kind}{(p.CaseInsensitive ? "~" : "")}{(p.Negated ? "!" : "")}({CanonicalEql(p.Value)};{string.Join(",", p.Patterns.Select(CanonicalEql))})",
        EqlCall call => call.Name.ToLowerInvariant() + "(" + string.Join(",", call.Arguments.Select(CanonicalEql)) + ")",
        EqlField f => "$" + f.Name,
        EqlLiteral { Kind: EqlLiteralKind.String } l => JsonSerializer.Serialize(l.Text),
        EqlLiteral l => l.Kind + ":" + l.Text,
        _ => e.GetType().Name,
    };

    private static IEnumerable<EqlExpression> Flatten(EqlExpression e, EqlBinaryOperator op)
        => e is EqlBinary b && b.Operator == op ? Flatten(b.Left, op).Concat(Flatten(b.Right, op)) : [e];

    private static string? CheckLint(JsonElement c)
    {
        var parsed = KueryParser.Parse(c.GetProperty("query").GetString()!);
        if (!parsed.Succeeded) return "parse error: " + parsed.Error!.Message;
        // Kibana's cases are its toKqlExpression (fully parenthesised), detection-rules' its linter
        var actual = c.GetProperty("dialect").GetString() == "kibana"
            ? KibanaKqlFormatter.Format(parsed.Root!)
            : KueryFormatter.Normalize(parsed.Root!);
        var expected = c.GetProperty("normalized").GetString()!;
        return actual == expected ? null : $"lint differs: got {actual}";
    }

    private static string? CheckEqlToKql(JsonElement c)
    {
        var result = EqlToKuery.Translate(c.GetProperty("eql").GetString()!);
        if (c.TryGetProperty("kql_is_not", out var not))
            return result.Succeeded && result.Text != not.GetString() ? null : $"got {result.Text ?? result.Error}";
        if (!result.Succeeded) return "translation failed: " + result.Error;
        var expected = c.GetProperty("kql").GetString()!;
        return result.Text == expected ? null : $"KQL differs: got {result.Text}";
    }
}
