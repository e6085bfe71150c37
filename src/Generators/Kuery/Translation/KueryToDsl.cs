using System.Collections.Generic;
using System.Linq;
using System.Text;
using AzureRules.Generators.Kuery.Binding;
using AzureRules.Generators.Kuery.Syntax;

namespace AzureRules.Generators.Kuery.Translation;

/// <summary>
/// KQL to Elasticsearch query DSL, in detection-rules' shape: the query is always a <c>bool</c>; an
/// <c>and</c> collects its operands' <c>filter</c> and <c>must_not</c> clauses into one bool (and takes the
/// first <c>or</c> as its <c>should</c>), an <c>or</c> flattens nested <c>should</c>s, <c>not</c> is
/// <c>must_not</c>. Leaves: <c>match</c> (numbers and booleans typed), <c>exists</c>, <c>query_string</c>
/// for wildcards (query-string syntax escaped), <c>range</c>, <c>nested</c> (score_mode none), and free
/// text as <c>multi_match</c> (phrase when quoted) or <c>query_string</c> with a wildcard.
/// </summary>
internal static class KueryToDsl
{
    /// <summary>The query DSL as compact JSON.</summary>
    public static string Translate(KueryNode query)
    {
        var dsl = Convert(query, scope: "");
        var top = dsl as BoolClause ?? new BoolClause { Filter = { (DslJson)dsl } };
        return top.ToJson().ToString();
    }

    /// <summary>A bool query under construction, so that and/or/not can merge their clauses.</summary>
    private sealed class BoolClause
    {
        public List<DslJson> Filter { get; } = [];
        public List<DslJson> MustNot { get; } = [];
        public List<DslJson> Should { get; } = [];

        public bool OnlyShould => Should.Count > 0 && Filter.Count == 0 && MustNot.Count == 0;

        public DslJson ToJson()
        {
            var members = new List<(string, DslJson)>();
            if (Filter.Count > 0) members.Add(("filter", new DslArray(Filter)));
            if (MustNot.Count > 0) members.Add(("must_not", new DslArray(MustNot)));
            if (Should.Count > 0)
            {
                members.Add(("should", new DslArray(Should)));
                members.Add(("minimum_should_match", DslJson.Number("1")));
            }
            return DslJson.Object(("bool", new DslObject(members.ToArray())));
        }
    }

    // a leaf query (DslJson) or a bool under construction (BoolClause)
    private static object Convert(KueryNode node, string scope)
    {
        switch (node)
        {
            case KueryAnd and:
                var conjunction = new BoolClause();
                foreach (var operand in and.Operands.Select(o => Convert(o, scope)))
                {
                    if (operand is BoolClause { Should.Count: 0 } clauses)
                    {
                        conjunction.Filter.AddRange(clauses.Filter);
                        conjunction.MustNot.AddRange(clauses.MustNot);
                    }
                    else if (operand is BoolClause { OnlyShould: true } alternatives && conjunction.Should.Count == 0)
                        conjunction.Should.AddRange(alternatives.Should);
                    else conjunction.Filter.Add(Json(operand));
                }
                return conjunction;
            case KueryOr or:
                var disjunction = new BoolClause();
                foreach (var operand in or.Operands.Select(o => Convert(o, scope)))
                {
                    if (operand is BoolClause { OnlyShould: true } alternatives) disjunction.Should.AddRange(alternatives.Should);
                    else disjunction.Should.Add(Json(operand));
                }
                return disjunction;
            case KueryNot not:
                return new BoolClause { MustNot = { Json(Convert(not.Operand, scope)) } };
            case KueryIs { Field: null } free:
                return FreeText(free.Value);
            case KueryIs @is:
                return Match(scope + @is.Field!.Name, @is.Value);
            case KueryRange range:
                return DslJson.Object(("range", DslJson.Object((scope + range.Field.Name,
                    DslJson.Object((RangeKey(range.Operator), Typed(range.Value)))))));
            case KueryNested nested:
                var path = scope + nested.Field.Name;
                return DslJson.Object(("nested", DslJson.Object(
                    ("path", DslJson.String(path)),
                    ("query", Json(Convert(nested.Query, path + "."))),
                    ("score_mode", DslJson.String("none")))));
            default:
                return DslJson.Object(("match_all", DslJson.Object()));
        }
    }

    private static DslJson Json(object converted) => converted is BoolClause clause ? clause.ToJson() : (DslJson)converted;

    private static DslJson Match(string field, KueryLiteral value)
    {
        if (value.IsLoneWildcard) return DslJson.Object(("exists", DslJson.Object(("field", DslJson.String(field)))));
        if (value.HasWildcard)
            return DslJson.Object(("query_string", DslJson.Object(
                ("fields", new DslArray([DslJson.String(field)])),
                ("query", DslJson.String(QueryStringSyntax.FromWildcardPattern(value.Pattern))))));
        return DslJson.Object(("match", DslJson.Object((field, Typed(value)))));
    }

    private static DslJson FreeText(KueryLiteral value)
    {
        if (value.HasWildcard)
            return DslJson.Object(("query_string", DslJson.Object(("query", DslJson.String(QueryStringSyntax.FromWildcardPattern(value.Pattern))))));
        return DslJson.Object(("multi_match", DslJson.Object(
            ("type", DslJson.String(value.Quoted ? "phrase" : "best_fields")),
            ("query", DslJson.String(value.Text)),
            ("lenient", DslJson.Boolean(true)))));
    }

    /// <summary>Unquoted numbers and booleans are JSON numbers and booleans; everything else a string.</summary>
    private static DslJson Typed(KueryLiteral value)
    {
        if (value.AsBoolean is { } boolean) return DslJson.Boolean(boolean);
        if (!value.Quoted && KueryValues.IsNumber(value.Text) && value.Text.Trim() == value.Text) return DslJson.Number(value.Text);
        return DslJson.String(value.Text);
    }

    private static string RangeKey(KueryRangeOperator op) => op switch
    {
        KueryRangeOperator.LessThan => "lt",
        KueryRangeOperator.LessThanOrEqual => "lte",
        KueryRangeOperator.GreaterThan => "gt",
        _ => "gte",
    };
}
