using System.Globalization;
using System.Text;
using AzureRules.Sdk.Kusto.Scalars;

namespace AzureRules.Sdk.Kusto.Functions;

/// <summary>Kusto's string functions. Strings are never null in Kusto: a null argument reads as "".</summary>
public static class KustoStringFunctions
{
    private static string T(KustoValue v) => KustoStrings.Text(v);

    public static KustoValue tolower(KustoValue s) => KustoValue.From(T(s).ToLowerInvariant());
    public static KustoValue toupper(KustoValue s) => KustoValue.From(T(s).ToUpperInvariant());
    /// <summary>strlen counts Unicode code points (a combining accent counts on its own).</summary>
    public static KustoValue strlen(KustoValue s)
    {
        var text = T(s);
        long count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            count++;
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
        }
        return KustoValue.From(count);
    }

    public static KustoValue strcat(params KustoValue[] parts)
    {
        var builder = new StringBuilder();
        foreach (var part in parts) builder.Append(T(part));
        return KustoValue.From(builder.ToString());
    }

    public static KustoValue strcat_delim(KustoValue delimiter, params KustoValue[] parts)
        => KustoValue.From(string.Join(T(delimiter), parts.Select(T)));

    public static KustoValue substring(KustoValue s, KustoValue start) => substring(s, start, KustoValue.Null);

    public static KustoValue substring(KustoValue s, KustoValue start, KustoValue length)
    {
        var text = T(s);
        if (start.IsNull) return KustoValue.EmptyString;
        var from = start.AsLong;
        if (from < 0) from = Math.Max(0, text.Length + from);
        if (from >= text.Length) return KustoValue.EmptyString;
        var count = length.IsNull ? text.Length - from : Math.Min(length.AsLong, text.Length - from);
        return count <= 0 ? KustoValue.EmptyString : KustoValue.From(text.Substring((int)from, (int)count));
    }

    public static KustoValue split(KustoValue s, KustoValue delimiter) => split(s, delimiter, KustoValue.Null);

    public static KustoValue split(KustoValue s, KustoValue delimiter, KustoValue index)
    {
        var parts = T(s).Split(T(delimiter));
        var items = parts.Select(KustoValue.From).ToArray();
        if (index.IsNull) return KustoValue.Array(items);
        var i = index.AsLong;
        return i >= 0 && i < items.Length ? KustoValue.Array([items[i]]) : KustoValue.Array([]);
    }

    public static KustoValue replace_string(KustoValue s, KustoValue lookup, KustoValue rewrite)
    {
        var find = T(lookup);
        return find.Length == 0 ? KustoValue.From(T(s)) : KustoValue.From(T(s).Replace(find, T(rewrite), StringComparison.Ordinal));
    }

    public static KustoValue replace_regex(KustoValue s, KustoValue pattern, KustoValue rewrite)
        => KustoValue.From(KustoStrings.Regex(T(pattern)).Replace(T(s), RegexRewrite(T(rewrite))));

    /// <summary>Kusto rewrite patterns name groups \1..\9; .NET uses $1.</summary>
    private static string RegexRewrite(string rewrite)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < rewrite.Length; i++)
        {
            if (rewrite[i] == '\\' && i + 1 < rewrite.Length && char.IsDigit(rewrite[i + 1])) { builder.Append('$').Append(rewrite[++i]); }
            else if (rewrite[i] == '$') builder.Append("$$");
            else builder.Append(rewrite[i]);
        }
        return builder.ToString();
    }

    public static KustoValue trim(KustoValue pattern, KustoValue s) => trim_end(pattern, trim_start(pattern, s));

    public static KustoValue trim_start(KustoValue pattern, KustoValue s)
    {
        var match = KustoStrings.Regex("^(?:" + T(pattern) + ")+").Match(T(s));
        return KustoValue.From(match.Success ? T(s).Substring(match.Length) : T(s));
    }

    public static KustoValue trim_end(KustoValue pattern, KustoValue s)
    {
        var match = KustoStrings.Regex("(?:" + T(pattern) + ")+$").Match(T(s));
        return KustoValue.From(match.Success ? T(s).Substring(0, match.Index) : T(s));
    }

    public static KustoValue extract(KustoValue pattern, KustoValue group, KustoValue s) => extract(pattern, group, s, KustoValue.Null);

    public static KustoValue extract(KustoValue pattern, KustoValue group, KustoValue s, KustoValue type)
    {
        var match = KustoStrings.Regex(T(pattern)).Match(T(s));
        var g = (int)group.AsLong;
        if (!match.Success || g > match.Groups.Count - 1 || !match.Groups[g].Success)
            return type.IsNull ? KustoValue.EmptyString : KustoValue.Null;
        var text = KustoValue.From(match.Groups[g].Value);
        return type.IsNull ? text : KustoConvert.To(KustoTypes.Parse(T(type)), text);
    }

    public static KustoValue extract_all(KustoValue pattern, KustoValue s)
    {
        var regex = KustoStrings.Regex(T(pattern));
        var items = new List<KustoValue>();
        foreach (System.Text.RegularExpressions.Match match in regex.Matches(T(s)))
        {
            if (match.Groups.Count <= 1) items.Add(KustoValue.From(match.Value));
            else if (match.Groups.Count == 2) items.Add(KustoValue.From(match.Groups[1].Value));
            else items.Add(KustoValue.Array([.. match.Groups.Cast<System.Text.RegularExpressions.Group>().Skip(1).Select(g => KustoValue.From(g.Value))]));
        }
        return items.Count == 0 ? KustoValue.Null : KustoValue.Array([.. items]);
    }

    /// <summary>extract_all(regex, captureGroups, text): only the listed groups (by number or name) of each match.</summary>
    public static KustoValue extract_all(KustoValue pattern, KustoValue groups, KustoValue s)
    {
        var regex = KustoStrings.Regex(T(pattern));
        var wanted = groups.IsArray ? groups.AsArray : [];
        var items = new List<KustoValue>();
        foreach (System.Text.RegularExpressions.Match match in regex.Matches(T(s)))
        {
            var picked = wanted.Select(g => KustoValue.From(g.IsString ? match.Groups[g.AsString].Value : match.Groups[(int)g.AsLong].Value)).ToArray();
            items.Add(picked.Length == 1 ? picked[0] : KustoValue.Array(picked));
        }
        return items.Count == 0 ? KustoValue.Null : KustoValue.Array([.. items]);
    }

    /// <summary>string_size: the UTF-8 byte count.</summary>
    public static KustoValue string_size(KustoValue s) => KustoValue.From((long)Encoding.UTF8.GetByteCount(T(s)));

    public static KustoValue tohex(KustoValue v) => tohex(v, KustoValue.Null);

    public static KustoValue tohex(KustoValue v, KustoValue length)
    {
        if (v.Type is not (KustoType.Int or KustoType.Long)) return KustoValue.Null;
        var text = v.Type == KustoType.Int ? ((int)v.Ticks).ToString("x", CultureInfo.InvariantCulture) : v.Ticks.ToString("x", CultureInfo.InvariantCulture);
        return KustoValue.From(length.IsNull ? text : text.PadLeft((int)length.AsLong, v.Ticks < 0 ? 'f' : '0'));
    }

    public static KustoValue indexof(KustoValue s, KustoValue lookup) => indexof(s, lookup, KustoValue.From(0L), KustoValue.Null, KustoValue.From(1L));
    public static KustoValue indexof(KustoValue s, KustoValue lookup, KustoValue start) => indexof(s, lookup, start, KustoValue.Null, KustoValue.From(1L));
    public static KustoValue indexof(KustoValue s, KustoValue lookup, KustoValue start, KustoValue length) => indexof(s, lookup, start, length, KustoValue.From(1L));

    public static KustoValue indexof(KustoValue s, KustoValue lookup, KustoValue start, KustoValue length, KustoValue occurrence)
    {
        var text = T(s);
        var find = T(lookup);
        var from = (int)start.AsLong;
        if (from < 0) from = Math.Max(0, text.Length + from);
        if (from > text.Length) return KustoValue.Null;
        var end = length.IsNull || length.AsLong < 0 ? text.Length : (int)Math.Min(text.Length, from + length.AsLong);
        var at = from - 1;
        for (var n = 0; n < Math.Max(1, occurrence.AsLong); n++)
        {
            at = text.IndexOf(find, at + 1, end - (at + 1), StringComparison.Ordinal);
            if (at < 0) return KustoValue.From(-1L);
        }
        return KustoValue.From((long)at);
    }

    public static KustoValue countof(KustoValue s, KustoValue search) => countof(s, search, KustoValue.From("normal"));

    public static KustoValue countof(KustoValue s, KustoValue search, KustoValue kind)
    {
        var text = T(s);
        var find = T(search);
        if (find.Length == 0) return KustoValue.From(0L);
        if (T(kind) == "regex") return KustoValue.From((long)KustoStrings.Regex(find).Matches(text).Count);
        long count = 0;
        for (var at = text.IndexOf(find, StringComparison.Ordinal); at >= 0; at = text.IndexOf(find, at + 1, StringComparison.Ordinal)) count++;
        return KustoValue.From(count);
    }

    public static KustoValue reverse(KustoValue s)
    {
        var chars = T(s).ToCharArray();
        System.Array.Reverse(chars);
        return KustoValue.From(new string(chars));
    }

    public static KustoValue strrep(KustoValue s, KustoValue times) => strrep(s, times, KustoValue.EmptyString);

    public static KustoValue strrep(KustoValue s, KustoValue times, KustoValue delimiter)
        => KustoValue.From(string.Join(T(delimiter), Enumerable.Repeat(T(s), (int)Math.Max(0, times.AsLong))));

    public static KustoValue strcmp(KustoValue a, KustoValue b) => KustoValue.From((long)Math.Sign(string.CompareOrdinal(T(a), T(b))));

    public static KustoValue url_decode(KustoValue s) => KustoValue.From(Uri.UnescapeDataString(T(s)));
    /// <summary>Form encoding as Kusto does it: spaces as '+', escapes in lower-case hex.</summary>
    public static KustoValue url_encode(KustoValue s)
        => KustoValue.From(System.Text.RegularExpressions.Regex.Replace(System.Net.WebUtility.UrlEncode(T(s)), "%[0-9A-F]{2}", m => m.Value.ToLowerInvariant()));
    public static KustoValue url_encode_component(KustoValue s) => KustoValue.From(Uri.EscapeDataString(T(s)));

    public static KustoValue base64_encode_tostring(KustoValue s) => KustoValue.From(Convert.ToBase64String(Encoding.UTF8.GetBytes(T(s))));

    public static KustoValue base64_decode_tostring(KustoValue s)
    {
        // bytes that are not valid UTF-8 give the empty string, as in Kusto
        try { return KustoValue.From(new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Convert.FromBase64String(T(s)))); }
        catch (FormatException) { return KustoValue.EmptyString; }
        catch (ArgumentException) { return KustoValue.EmptyString; }
    }

    public static KustoValue translate(KustoValue searchList, KustoValue replacementList, KustoValue s)
    {
        var from = T(searchList);
        var to = T(replacementList);
        var builder = new StringBuilder();
        foreach (var c in T(s))
        {
            var i = from.IndexOf(c);
            if (i < 0) builder.Append(c);
            else if (to.Length > 0) builder.Append(to[Math.Min(i, to.Length - 1)]);
        }
        return KustoValue.From(builder.ToString());
    }

    public static KustoValue has_any_index(KustoValue s, KustoValue terms)
    {
        if (!terms.IsArray) return KustoValue.From(-1L);
        var items = terms.AsArray;
        for (var i = 0; i < items.Length; i++)
        {
            if (KustoStrings.HasTerm(T(s), T(items[i]), false, true, true)) return KustoValue.From((long)i);
        }
        return KustoValue.From(-1L);
    }

    public static KustoValue indexof_regex(KustoValue s, KustoValue pattern) => indexof_regex(s, pattern, KustoValue.From(0L), KustoValue.From(-1L), KustoValue.From(1L));
    public static KustoValue indexof_regex(KustoValue s, KustoValue pattern, KustoValue start) => indexof_regex(s, pattern, start, KustoValue.From(-1L), KustoValue.From(1L));
    public static KustoValue indexof_regex(KustoValue s, KustoValue pattern, KustoValue start, KustoValue length) => indexof_regex(s, pattern, start, length, KustoValue.From(1L));

    /// <summary>
    /// indexof_regex(source, regex, start = 0, length = -1, occurrence = 1): the index of the occurrence-th match
    /// within [start, start + length) (-1 for length means to the end), -1 when none; null for a negative start,
    /// length below -1 or occurrence below 1. The regex runs with the runtime's match timeout.
    /// </summary>
    public static KustoValue indexof_regex(KustoValue s, KustoValue pattern, KustoValue start, KustoValue length, KustoValue occurrence)
    {
        var text = T(s);
        if (start.AsLong < 0 || length.AsLong < -1 || occurrence.AsLong < 1) return KustoValue.Null;
        if (start.AsLong > text.Length) return KustoValue.From(-1L);
        var from = (int)start.AsLong;
        var count = length.AsLong == -1 ? text.Length - from : (int)Math.Min(length.AsLong, text.Length - from);
        var wanted = occurrence.AsLong;
        for (var match = KustoStrings.Regex(T(pattern)).Match(text, from, count); match.Success; match = match.NextMatch())
            if (--wanted == 0) return KustoValue.From((long)match.Index);
        return KustoValue.From(-1L);
    }
}
