using System;
using System.Collections.Generic;
using System.Linq;
using AzureRules.Generators.Emit;

namespace AzureRules.Generators.Prefilter;

/// <summary>
/// A condition every match of a query meets: <see cref="Field"/> holds a string, number or boolean
/// whose text equals one of <see cref="Values"/> (ordinally, or ignoring case). The query languages
/// derive these from their compiled comparisons (exact keyword matches, EQL <c>==</c>/<c>in</c>/<c>:</c>
/// without wildcards); the runtime groups rules by them (<c>AzureRules.Sdk.Detections.EventPrefilter</c>).
/// </summary>
internal sealed class PrefilterTerm(string field, bool ignoreCase, IReadOnlyList<string> values)
{
    public string Field { get; } = field;
    public bool IgnoreCase { get; } = ignoreCase;
    public IReadOnlyList<string> Values { get; } = values;

    private bool SameComparison(PrefilterTerm other) => Field == other.Field && IgnoreCase == other.IgnoreCase;

    /// <summary>
    /// The terms of a disjunction: a field every operand constrains with the same comparison, holding one
    /// of the values any operand allows. An operand with no terms (it may match anything) leaves none.
    /// </summary>
    public static List<PrefilterTerm> AnyOf(IReadOnlyList<List<PrefilterTerm>> operands)
    {
        var result = new List<PrefilterTerm>();
        if (operands.Count == 0) return result;
        foreach (var candidate in operands[0])
        {
            if (result.Any(t => t.SameComparison(candidate))) continue;
            var values = new List<string>();
            var everywhere = true;
            foreach (var operand in operands)
            {
                // of an operand's terms on this field any one is necessary: the narrowest keeps the union small
                var term = operand.Where(candidate.SameComparison).OrderBy(t => t.Values.Count).FirstOrDefault();
                if (term is null) { everywhere = false; break; }
                values.AddRange(term.Values);
            }
            if (everywhere) result.Add(new PrefilterTerm(candidate.Field, candidate.IgnoreCase, Distinct(values, candidate.IgnoreCase)));
        }
        return result;
    }

    private static List<string> Distinct(List<string> values, bool ignoreCase)
        => values.Distinct(ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal).ToList();

    /// <summary>
    /// The <c>Prefilters</c> override of a detection class with these terms (each necessary on its own;
    /// duplicates dropped, at most <paramref name="limit"/>, in query order), or nothing when there are none.
    /// Expression-bodied: built when the engine asks, nothing at class initialisation.
    /// </summary>
    public static string EmitOverride(IEnumerable<PrefilterTerm> terms, int limit = 8)
    {
        var kept = new List<PrefilterTerm>();
        foreach (var term in terms)
        {
            if (kept.Count == limit) break;
            if (kept.Any(k => k.SameComparison(term) && k.Values.SequenceEqual(term.Values))) continue;
            kept.Add(term);
        }
        if (kept.Count == 0) return "";
        const string Type = "global::AzureRules.Sdk.Detections.EventPrefilter";
        var items = kept.Select(t => $"new {Type}({CSharpLiteral.String(t.Field)}, {CSharpLiteral.Bool(t.IgnoreCase)}{string.Concat(t.Values.Select(v => ", " + CSharpLiteral.String(v)))})");
        return "\n/// <summary>What every event this query matches holds (derived from the query; the engine groups rules by it).</summary>\n"
            + $"public override global::System.Collections.Generic.IReadOnlyList<{Type}> Prefilters\n    => [{string.Join(",\n        ", items)}];\n";
    }
}
