namespace AzureRules.Sdk.Kuery;

/// <summary>
/// How a <c>text</c>/<c>match_only_text</c> field is searched, after Elasticsearch's standard analyzer:
/// the value is cut into terms (runs of letters, digits and underscores; a '.' or apostrophe between
/// letters or digits, and ',' between digits, stay inside the term, as in Unicode word breaking) and
/// lower-cased. An unquoted query is a <c>match</c> query (any of its terms), a quoted one a
/// <c>match_phrase</c> (all its terms, adjacent and in order).
/// </summary>
public sealed class KueryText
{
    private readonly string[] _terms;

    public KueryText(string query, bool phrase)
    {
        Phrase = phrase;
        var terms = new List<string>();
        var rest = query.AsSpan();
        while (NextTerm(ref rest, out var term)) terms.Add(term.ToString().ToLowerInvariant());
        _terms = [.. terms];
    }

    public bool Phrase { get; }

    public bool IsMatch(ReadOnlySpan<char> value)
    {
        if (_terms.Length == 0) return false;
        if (!Phrase)
        {
            var rest = value;
            while (NextTerm(ref rest, out var term))
            {
                foreach (var wanted in _terms)
                {
                    if (term.Equals(wanted, StringComparison.OrdinalIgnoreCase)) return true;
                }
            }
            return false;
        }
        // phrase: try each start term
        var start = value;
        while (NextTerm(ref start, out var first))
        {
            if (!first.Equals(_terms[0], StringComparison.OrdinalIgnoreCase)) continue;
            var next = start;
            var k = 1;
            while (k < _terms.Length && NextTerm(ref next, out var term) && term.Equals(_terms[k], StringComparison.OrdinalIgnoreCase)) k++;
            if (k == _terms.Length) return true;
        }
        return false;
    }

    /// <summary>Whether any analysed term of the value matches a lower-cased wildcard pattern.</summary>
    public static bool AnyTermMatches(ReadOnlySpan<char> value, KueryPattern pattern)
    {
        var rest = value;
        while (NextTerm(ref rest, out var term))
        {
            if (pattern.IsMatch(term)) return true;
        }
        return false;
    }

    /// <summary>The next term of the text (not yet lower-cased), advancing past it.</summary>
    public static bool NextTerm(ref ReadOnlySpan<char> text, out ReadOnlySpan<char> term)
    {
        var i = 0;
        while (i < text.Length && !IsWordChar(text[i])) i++;
        if (i == text.Length)
        {
            term = default;
            text = default;
            return false;
        }
        var start = i;
        while (i < text.Length)
        {
            var c = text[i];
            if (IsWordChar(c)) { i++; continue; }
            // mid-word punctuation keeps the term whole when a word character follows
            var joins = i + 1 < text.Length && IsWordChar(text[i + 1]) && i > start
                && (c is '.' or '\'' or '\u2019' ? true : c is ',' or ';' && char.IsDigit(text[i - 1]) && char.IsDigit(text[i + 1]));
            if (!joins) break;
            i++;
        }
        term = text[start..i];
        text = text[i..];
        return true;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';
}
