using System.Text;
using System.Text.RegularExpressions;

namespace AzureRules.Sdk.Kusto.Operators;

/// <summary>One item of a parse pattern: literal text, <c>*</c>, or a column to extract (with its type).</summary>
public sealed record KustoParsePart(string? Literal, string? ColumnName, KustoType Type)
{
    public static KustoParsePart Text(string text) => new(text, null, KustoType.String);
    public static KustoParsePart Any { get; } = new(null, null, KustoType.String);
    public static KustoParsePart Column(string name, KustoType type) => new(null, name, type);
}

public static partial class KustoOperators
{
    /// <summary>
    /// <c>parse [kind=simple|regex|relaxed] Source with "lit" Col:type "lit" …</c>: the pattern becomes one
    /// regex, compiled once; a string column takes the shortest text up to the next literal (the last one
    /// the rest), typed columns take what their type's text looks like. A row that does not match gets
    /// nulls (simple, regex) — relaxed keeps the columns that did match.
    /// </summary>
    public static KustoTable Parse(KustoTable input, KustoBinder source, KustoParsePart[] pattern, bool regexMode, bool relaxed)
        => ParseCore(input, source, pattern, regexMode, dropUnmatched: false);

    /// <summary><c>parse-where</c>: as parse, but rows that do not match are dropped.</summary>
    public static KustoTable ParseWhere(KustoTable input, KustoBinder source, KustoParsePart[] pattern, bool regexMode, bool relaxed)
        => ParseCore(input, source, pattern, regexMode, dropUnmatched: true);

    private static KustoTable ParseCore(KustoTable input, KustoBinder source, KustoParsePart[] pattern, bool regexMode, bool dropUnmatched)
    {
        var regex = new StringBuilder("^");
        if (regexMode) regex.Length = 0;
        var columns = new List<KustoParsePart>();
        for (var i = 0; i < pattern.Length; i++)
        {
            var part = pattern[i];
            if (part.Literal is not null) regex.Append(regexMode ? part.Literal : Regex.Escape(part.Literal));
            else if (part.ColumnName is null) regex.Append(regexMode ? ".*?" : "(?:.*?)");
            else
            {
                columns.Add(part);
                var last = i == pattern.Length - 1;
                regex.Append('(').Append(part.Type switch
                {
                    KustoType.Int or KustoType.Long => @"[-+]?\d+",
                    KustoType.Real or KustoType.Decimal => @"[-+]?[\d.eE+-]+",
                    _ when regexMode => ".*?",
                    _ => last ? ".*" : ".*?",
                }).Append(')');
            }
        }
        var compiled = new Regex(regex.ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant);
        var evaluate = source(input.Schema);
        var names = new List<string>(input.Schema.Names);
        var targets = new int[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            var slot = names.IndexOf(columns[i].ColumnName!);
            if (slot < 0) { slot = names.Count; names.Add(columns[i].ColumnName!); }
            targets[i] = slot;
        }
        var width = input.Schema.Count;
        var rows = new List<KustoValue[]>();
        foreach (var row in input.Rows)
        {
            var match = compiled.Match(Scalars.KustoStrings.Text(evaluate(row)));
            if (!match.Success && dropUnmatched) continue;
            var output = new KustoValue[names.Count];
            Array.Copy(row, output, width);
            for (var i = 0; i < columns.Count; i++)
            {
                output[targets[i]] = match.Success
                    ? KustoConvert.To(columns[i].Type, KustoValue.From(match.Groups[i + 1].Value))
                    : KustoValue.NullOf(columns[i].Type);
            }
            rows.Add(output);
        }
        var known = new KustoType?[names.Count];
        for (var c = 0; c < width; c++) known[c] = input.Columns[c].Type;
        for (var i = 0; i < columns.Count; i++) known[targets[i]] = columns[i].Type;
        return KustoTable.WithInferredTypes(names, rows, known);
    }
}
