namespace AzureRules.Sdk.Esql;

/// <summary>
/// MATCH(field, query, { options }) as Elasticsearch's match query runs it: a keyword (or other
/// non-text) field is one term, a text field its standard-analyser tokens; with <c>fuzziness</c> a query
/// term matches the index terms within that many edits (Lucene's FuzzyQuery: insertions, deletions,
/// substitutions, and adjacent transpositions unless <c>fuzzy_transpositions</c> is false; the first
/// <c>prefix_length</c> characters exact), expanded to at most <c>max_expansions</c> terms — the closest
/// first, ties in term order, as Lucene's top-terms rewrite keeps them. The index terms are the field's
/// values in the table the WHERE reads (the execution window's documents when MATCH follows FROM).
/// On a text field, <c>operator</c> OR (default) wants one query token, AND all of them.
/// Prepared once per table; <see cref="Matches"/> then tests one row's value.
/// </summary>
public sealed class EsqlFuzzyMatch
{
    private readonly bool _text;
    private readonly bool _all;
    private readonly List<HashSet<string>> _expansions = [];

    private EsqlFuzzyMatch(bool text, bool all)
    {
        _text = text;
        _all = all;
    }

    /// <param name="fuzziness">0, 1, 2, or AUTO / AUTO:low,high (Elasticsearch's default AUTO is AUTO:3,6); null: exact terms.</param>
    public static EsqlFuzzyMatch Prepare(EsqlTable table, int column, object? query, string? fuzziness, int prefixLength = 0,
        int maxExpansions = 50, bool transpositions = true, string @operator = "OR")
    {
        var text = table.TypeOf(column) == EsqlDataType.Text;
        var match = new EsqlFuzzyMatch(text, string.Equals(@operator, "AND", StringComparison.OrdinalIgnoreCase));
        if (!EsqlFunctions.Single(query, out var q)) return match;
        var terms = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
            foreach (var value in EsqlFunctions.All(row[column]))
                foreach (var term in Terms(text, value)) terms.Add(term);
        foreach (var queryTerm in Terms(text, q).Distinct(StringComparer.Ordinal))
        {
            var edits = MaxEdits(fuzziness, queryTerm);
            var expansions = terms
                .Select(term => (Term: term, Distance: EditDistance(queryTerm, term, prefixLength, edits, transpositions)))
                .Where(t => t.Distance <= edits)
                .Select(t => (t.Term, Boost: 1.0 - (double)t.Distance / Math.Max(1, Math.Min(t.Term.Length, queryTerm.Length))))
                .OrderByDescending(t => t.Boost).ThenBy(t => t.Term, StringComparer.Ordinal)
                .Take(Math.Max(1, maxExpansions))
                .Select(t => t.Term);
            match._expansions.Add(new HashSet<string>(expansions, StringComparer.Ordinal));
        }
        return match;
    }

    public object? Matches(object? value)
    {
        if (value is null || _expansions.Count == 0) return false;
        var terms = EsqlFunctions.All(value).SelectMany(v => Terms(_text, v)).ToHashSet(StringComparer.Ordinal);
        return _all ? _expansions.All(e => e.Overlaps(terms)) : _expansions.Any(e => e.Overlaps(terms));
    }

    private static IEnumerable<string> Terms(bool text, object value)
        => text ? EsqlFunctions.StandardTokens(EsqlFunctions.Text(value)) : [EsqlFunctions.Text(value)];

    /// <summary>The edits a term may differ by: a number, or AUTO:low,high by the term's length (0 below low, 1 below high, else 2).</summary>
    public static int MaxEdits(string? fuzziness, string term)
    {
        if (fuzziness is null) return 0;
        if (fuzziness.StartsWith("AUTO", StringComparison.OrdinalIgnoreCase))
        {
            var (low, high) = (3, 6);
            if (fuzziness.Length > 4)
            {
                var bounds = fuzziness[5..].Split(',');
                if (fuzziness[4] != ':' || bounds.Length != 2 || !int.TryParse(bounds[0], out low) || !int.TryParse(bounds[1], out high))
                    throw new ArgumentException($"failed to parse [{fuzziness}] as fuzziness");
            }
            var length = CodePoints(term).Length;
            return length < low ? 0 : length < high ? 1 : 2;
        }
        if (int.TryParse(fuzziness, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var edits) && edits <= 2)
            return edits;
        throw new ArgumentException($"fuzziness must be 0, 1, 2 or AUTO, not [{fuzziness}]");
    }

    /// <summary>
    /// Levenshtein distance in code points (with adjacent transpositions as one edit when asked: the
    /// optimal string alignment distance Lucene's automata accept), or int.MaxValue when the prefix
    /// differs or the distance is certainly above <paramref name="limit"/>.
    /// </summary>
    public static int EditDistance(string query, string term, int prefixLength, int limit, bool transpositions)
    {
        var a = CodePoints(query);
        var b = CodePoints(term);
        var prefix = Math.Min(prefixLength, a.Length);
        if (b.Length < prefix || !a.AsSpan(0, prefix).SequenceEqual(b.AsSpan(0, prefix))) return int.MaxValue;
        if (Math.Abs(a.Length - b.Length) > limit) return int.MaxValue;
        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var best = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (transpositions && i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    value = Math.Min(value, previous2[j - 2] + 1);
                current[j] = value;
                best = Math.Min(best, value);
            }
            if (best > limit) return int.MaxValue;
            (previous2, previous, current) = (previous, current, previous2);
        }
        return previous[b.Length];
    }

    private static int[] CodePoints(string text)
    {
        var points = new List<int>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                points.Add(char.ConvertToUtf32(text[i], text[i + 1]));
                i++;
            }
            else points.Add(text[i]);
        }
        return [.. points];
    }
}
