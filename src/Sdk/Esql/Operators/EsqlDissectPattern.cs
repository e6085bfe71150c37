using System.Text;

namespace AzureRules.Sdk.Esql;

/// <summary>
/// A DISSECT pattern (Elasticsearch's dissect processor): literal delimiters between <c>%{key}</c>s.
/// Modifiers: <c>%{+key}</c> appends to an earlier key (<c>/n</c> orders the parts), <c>%{?key}</c> and
/// <c>%{}</c> skip, <c>%{key-&gt;}</c> skips repeated delimiters after the value. No regex: each key ends
/// at the next occurrence of its delimiter, so matching is linear.
/// </summary>
public sealed class EsqlDissectPattern
{
    private sealed record Part(string Key, bool Skip, bool Append, int Order, bool RightPadding, string Delimiter);

    private readonly string _pattern;
    private readonly string _separator;
    private string _prefix = "";
    private readonly List<Part> _parts = [];
    private string[]? _keys;

    /// <summary>The pattern is parsed on first use, so a bad one fails the query run, not the rule's loading.</summary>
    public EsqlDissectPattern(string pattern, string appendSeparator = "")
    {
        _pattern = pattern;
        _separator = appendSeparator;
    }

    /// <summary>The columns the pattern creates, in order of first appearance.</summary>
    public string[] Keys => _keys ??= Parse(_pattern);

    private string[] Parse(string pattern)
    {
        var position = pattern.IndexOf("%{", StringComparison.Ordinal);
        if (position < 0) throw new FormatException($"Unable to find any keys or delimiters for [{pattern}]");
        _prefix = pattern[..position];
        while (position >= 0)
        {
            var close = pattern.IndexOf('}', position);
            if (close < 0) throw new FormatException($"Invalid dissect pattern [{pattern}]");
            var key = pattern[(position + 2)..close];
            var next = pattern.IndexOf("%{", close, StringComparison.Ordinal);
            var delimiter = next < 0 ? pattern[(close + 1)..] : pattern[(close + 1)..next];
            var rightPadding = key.EndsWith("->", StringComparison.Ordinal);
            if (rightPadding) key = key[..^2];
            var skip = key.Length == 0 || key[0] == '?';
            var append = key.StartsWith('+');
            if (key.Length > 0 && key[0] is '?' or '+' or '*' or '&') key = key[1..];
            var order = 0;
            var slash = key.LastIndexOf('/');
            if (append && slash > 0 && int.TryParse(key[(slash + 1)..], out var n)) { order = n; key = key[..slash]; }
            _parts.Add(new Part(key, skip, append, order, rightPadding, delimiter));
            position = next;
        }
        return _parts.Where(p => !p.Skip).Select(p => p.Key).Distinct().ToArray();
    }

    /// <summary>The value of each key, or null when the text does not fit the pattern.</summary>
    public object?[]? Match(string text)
    {
        _ = Keys;
        if (!text.StartsWith(_prefix, StringComparison.Ordinal)) return null;
        var position = _prefix.Length;
        var values = new List<(Part Part, string Value)>();
        for (var i = 0; i < _parts.Count; i++)
        {
            var part = _parts[i];
            int end;
            if (part.Delimiter.Length == 0)
            {
                // the last key takes the rest; an inner key with no delimiter gets nothing
                end = i == _parts.Count - 1 ? text.Length : position;
            }
            else
            {
                end = text.IndexOf(part.Delimiter, position, StringComparison.Ordinal);
                if (end < 0) return null;
            }
            values.Add((part, text[position..end]));
            position = end + part.Delimiter.Length;
            if (part.RightPadding && part.Delimiter.Length > 0)
                while (text.AsSpan(position).StartsWith(part.Delimiter, StringComparison.Ordinal)) position += part.Delimiter.Length;
        }
        if (position < text.Length && _parts[^1].Delimiter.Length > 0) return null;

        var result = new object?[Keys.Length];
        for (var k = 0; k < Keys.Length; k++)
        {
            var pieces = values.Where(v => !v.Part.Skip && v.Part.Key == Keys[k]).OrderBy(v => v.Part.Order).Select(v => v.Value).ToList();
            result[k] = pieces.Count == 1 ? pieces[0] : string.Join(_separator, pieces);
        }
        return result;
    }
}
