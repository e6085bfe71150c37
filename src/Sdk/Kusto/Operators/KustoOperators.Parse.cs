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
    /// <c>parse [kind=simple|regex|relaxed] [flags=…] Source with "lit" Col:type "lit" …</c>: the pattern
    /// becomes one regex, compiled once per execution. In simple and relaxed mode literals match
    /// literally, a column takes the shortest text up to the next literal (the last column the rest);
    /// in regex mode literals are regexes, string columns are greedy and numeric columns take numbers,
    /// and flags (i, m, s, U for ungreedy) apply. A value that does not convert to its column's type
    /// fails the row (all its columns null) except in relaxed mode, where only that column is null.
    /// </summary>
    public static KustoTable Parse(KustoTable input, KustoBinder source, KustoParsePart[] pattern, bool regexMode, bool relaxed, string flags = "")
        => ParseCore(input, source, pattern, regexMode, relaxed, flags, dropUnmatched: false);

    /// <summary><c>parse-where</c>: as parse, but rows that do not match are dropped.</summary>
    public static KustoTable ParseWhere(KustoTable input, KustoBinder source, KustoParsePart[] pattern, bool regexMode, bool relaxed, string flags = "")
        => ParseCore(input, source, pattern, regexMode, relaxed, flags, dropUnmatched: true);

    private static KustoTable ParseCore(KustoTable input, KustoBinder source, KustoParsePart[] pattern, bool regexMode, bool relaxed, string flags, bool dropUnmatched)
    {
        var ungreedy = flags.Contains('U');
        string Lazy(bool lazy) => lazy != ungreedy ? ".*?" : ".*";
        var regex = new StringBuilder(regexMode ? "" : "^");
        var columns = new List<KustoParsePart>();
        for (var i = 0; i < pattern.Length; i++)
        {
            var part = pattern[i];
            if (part.Literal is not null)
            {
                regex.Append(regexMode ? part.Literal : Regex.Escape(part.Literal));
                continue;
            }
            if (part.ColumnName is null)
            {
                regex.Append(Lazy(lazy: true));
                continue;
            }
            var last = i == pattern.Length - 1;
            // typed columns take what their type looks like; relaxed mode falls back to any text (null after conversion)
            var numeric = part.Type is KustoType.Int or KustoType.Long ? @"[-+]?\d+"
                : part.Type is KustoType.Real or KustoType.Decimal ? @"[-+]?[\d.]+(?:[eE][-+]?\d+)?"
                : null;
            var text = regexMode ? Lazy(lazy: false) : Lazy(lazy: !last);
            var body = numeric is null ? text : relaxed ? numeric + "|" + Lazy(lazy: true) : numeric;
            regex.Append("(?<c").Append(columns.Count).Append('>').Append(body).Append(')');
            columns.Add(part);
        }
        var options = RegexOptions.CultureInvariant | (regexMode ? RegexOptions.None : RegexOptions.Singleline);
        if (flags.Contains('i')) options |= RegexOptions.IgnoreCase;
        if (flags.Contains('m')) options |= RegexOptions.Multiline;
        if (flags.Contains('s')) options |= RegexOptions.Singleline;
        var compiled = AzureRules.Sdk.Text.RuleRegex.Create(regex.ToString(), options);

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
        var values = new KustoValue[columns.Count];
        foreach (var row in input.Rows)
        {
            var match = compiled.Match(Scalars.KustoStrings.Text(evaluate(row)));
            var matched = match.Success;
            for (var i = 0; i < columns.Count && matched; i++)
            {
                var text = KustoValue.From(match.Groups["c" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)].Value);
                values[i] = columns[i].Type == KustoType.String ? text : KustoConvert.To(columns[i].Type, text);
                if (values[i].IsNull && !relaxed) matched = false;
            }
            if (!matched && dropUnmatched) continue;
            var output = new KustoValue[names.Count];
            Array.Copy(row, output, width);
            for (var i = 0; i < columns.Count; i++)
                output[targets[i]] = matched ? values[i] : KustoValue.NullOf(columns[i].Type);
            rows.Add(output);
        }
        var known = new KustoType?[names.Count];
        for (var c = 0; c < width; c++) known[c] = input.Columns[c].Type;
        for (var i = 0; i < columns.Count; i++) known[targets[i]] = columns[i].Type;
        return KustoTable.WithInferredTypes(names, rows, known);
    }
}
