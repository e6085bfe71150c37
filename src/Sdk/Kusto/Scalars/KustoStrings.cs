using System.Text.RegularExpressions;

namespace AzureRules.Sdk.Kusto.Scalars;

/// <summary>
/// Kusto's string operators. <c>has</c> matches whole terms: Kusto splits text into terms at every
/// character that is not a letter or digit, so "listkeys/action" has "listkeys", has "keys/action"
/// only where "keys" starts a term — hence a match must start and end at a term boundary.
/// <c>contains</c>, <c>startswith</c>, <c>endswith</c>, <c>has</c> and <c>=~</c> ignore case; the
/// <c>_cs</c> variants do not. A non-string operand is compared by its text.
/// </summary>
public static class KustoStrings
{
    /// <summary>The text of a value for string operators: null is "", other types print as tostring().</summary>
    public static string Text(KustoValue value) => value.Type switch
    {
        KustoType.String => value.AsString,
        KustoType.Null => "",
        _ => KustoFormat.ToText(value),
    };

    private static StringComparison Comparison(bool caseSensitive) => caseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;

    public static KustoValue Contains(KustoValue text, KustoValue part, bool caseSensitive = false)
        => KustoValue.From(Text(text).Contains(Text(part), Comparison(caseSensitive)));

    public static KustoValue StartsWith(KustoValue text, KustoValue part, bool caseSensitive = false)
        => KustoValue.From(Text(text).StartsWith(Text(part), Comparison(caseSensitive)));

    public static KustoValue EndsWith(KustoValue text, KustoValue part, bool caseSensitive = false)
        => KustoValue.From(Text(text).EndsWith(Text(part), Comparison(caseSensitive)));

    public static KustoValue Has(KustoValue text, KustoValue term, bool caseSensitive = false)
        => KustoValue.From(HasTerm(Text(text), Text(term), caseSensitive, prefix: true, suffix: true));

    public static KustoValue HasPrefix(KustoValue text, KustoValue term, bool caseSensitive = false)
        => KustoValue.From(HasTerm(Text(text), Text(term), caseSensitive, prefix: true, suffix: false));

    public static KustoValue HasSuffix(KustoValue text, KustoValue term, bool caseSensitive = false)
        => KustoValue.From(HasTerm(Text(text), Text(term), caseSensitive, prefix: false, suffix: true));

    /// <summary>
    /// Whether <paramref name="term"/> occurs in <paramref name="text"/> starting at a term start
    /// (when <paramref name="prefix"/>) and ending at a term end (when <paramref name="suffix"/>).
    /// </summary>
    public static bool HasTerm(string text, string term, bool caseSensitive, bool prefix, bool suffix)
    {
        if (term.Length == 0) return true;
        var comparison = Comparison(caseSensitive);
        var checkStart = prefix && IsTermChar(term[0]);
        var checkEnd = suffix && IsTermChar(term[term.Length - 1]);
        var at = text.IndexOf(term, comparison);
        while (at >= 0)
        {
            var end = at + term.Length;
            if ((!checkStart || at == 0 || !IsTermChar(text[at - 1])) && (!checkEnd || end == text.Length || !IsTermChar(text[end])))
                return true;
            at = at + 1 < text.Length ? text.IndexOf(term, at + 1, comparison) : -1;
        }
        return false;
    }

    private static bool IsTermChar(char c) => char.IsLetterOrDigit(c);

    public static KustoValue HasAny(KustoValue text, KustoInSet terms)
    {
        var s = Text(text);
        foreach (var term in terms.Texts)
        {
            if (HasTerm(s, term, caseSensitive: false, prefix: true, suffix: true)) return KustoValue.True;
        }
        return KustoValue.False;
    }

    public static KustoValue HasAll(KustoValue text, KustoInSet terms)
    {
        var s = Text(text);
        foreach (var term in terms.Texts)
        {
            if (!HasTerm(s, term, caseSensitive: false, prefix: true, suffix: true)) return KustoValue.False;
        }
        return KustoValue.True;
    }

    /// <summary>A regex per pattern, shared by every row and rule (Kusto regexes are RE2: no backreferences, so non-backtracking).</summary>
    public static Regex Regex(string pattern) => AzureRules.Sdk.Text.RuleRegex.Create(pattern);

    public static KustoValue MatchesRegex(KustoValue text, KustoValue pattern)
        => pattern.IsNull ? KustoValue.False : KustoValue.From(Regex(Text(pattern)).IsMatch(Text(text)));

    /// <summary>SQL-style like: % any run, _ one character.</summary>
    public static KustoValue Like(KustoValue text, KustoValue pattern, bool caseSensitive = false)
        => KustoValue.From(Regex(LikeRegex(Text(pattern), caseSensitive)).IsMatch(Text(text)));

    /// <summary>The regex of a like pattern (the one translation, for per-row and constant patterns).</summary>
    public static string LikeRegex(string pattern, bool caseSensitive)
        => (caseSensitive ? "" : "(?i)") + "^" + System.Text.RegularExpressions.Regex.Escape(pattern).Replace("%", ".*").Replace("_", ".") + "$";
}

/// <summary>
/// The right side of <c>in</c>, <c>in~</c>, <c>has_any</c>, …: its values flattened (dynamic arrays
/// and single-column tables contribute their elements) and hashed once per operator execution.
/// </summary>
public sealed class KustoInSet
{
    private readonly HashSet<string> _strings;
    private readonly HashSet<KustoValue> _values = [];
    private readonly List<string> _texts = [];

    public KustoInSet(bool caseSensitive, params KustoValue[] values)
    {
        _strings = new HashSet<string>(caseSensitive ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase);
        foreach (var value in values) Add(value);
    }

    public KustoInSet(bool caseSensitive, IEnumerable<KustoValue> values) : this(caseSensitive, [.. values]) { }

    private void Add(KustoValue value)
    {
        if (value.IsArray)
        {
            foreach (var item in value.AsArray) Add(item);
            return;
        }
        if (value.IsNull) return;
        var text = KustoStrings.Text(value);
        _strings.Add(text);
        _texts.Add(text);
        _values.Add(Normalize(value));
    }

    /// <summary>Adds the first column of a table (<c>x in (T | project y)</c>).</summary>
    public KustoInSet AddColumn(KustoTable table)
    {
        if (table.Columns.Count > 0)
            foreach (var row in table.Rows) Add(row[0]);
        return this;
    }

    public IReadOnlyList<string> Texts => _texts;

    private static KustoValue Normalize(KustoValue value) => value.Type switch
    {
        KustoType.Int => KustoValue.From(value.Ticks),
        KustoType.Real when value.AsDouble == Math.Floor(value.AsDouble) && Math.Abs(value.AsDouble) < 9e18 => KustoValue.From((long)value.AsDouble),
        _ => value,
    };

    public bool Contains(KustoValue value)
    {
        if (value.IsString || value.IsNull) return _strings.Contains(value.AsString);
        return _values.Contains(Normalize(value)) || (!value.IsNumeric && _strings.Contains(KustoStrings.Text(value)));
    }

    public KustoValue In(KustoValue value) => KustoValue.From(Contains(value));

    public KustoValue NotIn(KustoValue value) => KustoValue.From(!Contains(value));
}
