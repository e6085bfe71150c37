using System.Xml.Linq;
using AzureRules.Sdk.Kusto.Scalars;

namespace AzureRules.Sdk.Kusto.Functions;

/// <summary>JSON path extraction, XML to dynamic, and other dynamic helpers the Sentinel corpus uses.</summary>
public static class KustoDocumentFunctions
{
    /// <summary>extract_json(path, json [, type]): a JSONPath of $ . name ['name'] and [index] steps.</summary>
    public static KustoValue extract_json(KustoValue path, KustoValue json) => extract_json(path, json, KustoValue.Null);

    public static KustoValue extract_json(KustoValue path, KustoValue json, KustoValue type)
    {
        var value = KustoConvert.ToDynamic(json);
        var p = KustoStrings.Text(path).Trim();
        var i = p.StartsWith('$') ? 1 : 0;
        while (i < p.Length && !value.IsNull)
        {
            if (p[i] == '.')
            {
                var end = i + 1;
                while (end < p.Length && p[end] != '.' && p[end] != '[') end++;
                value = KustoDynamicFunctions.Member(value, p[(i + 1)..end]);
                i = end;
            }
            else if (p[i] == '[')
            {
                var end = p.IndexOf(']', i);
                if (end < 0) return KustoValue.Null;
                var inner = p[(i + 1)..end].Trim();
                value = inner.Length > 0 && inner[0] is '\'' or '"'
                    ? KustoDynamicFunctions.Member(value, inner.Trim('\'', '"'))
                    : long.TryParse(inner, out var index) ? KustoDynamicFunctions.Element(value, KustoValue.From(index)) : KustoValue.Null;
                i = end + 1;
            }
            else return KustoValue.Null;
        }
        if (!type.IsNull) return KustoConvert.To(KustoTypes.Parse(KustoStrings.Text(type)), value);
        return value.IsBag || value.IsArray ? KustoValue.From(KustoJson.Write(value)) : KustoConvert.ToStringValue(value);
    }

    /// <summary>
    /// parse_xml: elements become properties; attributes "@name"; text "#text" when an element also has
    /// attributes or children, else the element's value is its text; repeated elements become arrays.
    /// </summary>
    public static KustoValue parse_xml(KustoValue xml)
    {
        try
        {
            var document = XDocument.Parse(KustoStrings.Text(xml));
            if (document.Root is null) return KustoValue.Null;
            var bag = new KustoBag { [document.Root.Name.LocalName] = Element(document.Root) };
            return KustoValue.Bag(bag);
        }
        catch (System.Xml.XmlException)
        {
            return KustoValue.Null;
        }
    }

    private static KustoValue Element(XElement element)
    {
        if (!element.HasAttributes && !element.HasElements)
            return element.Value.Length == 0 ? KustoValue.Null : KustoValue.From(element.Value);
        var bag = new KustoBag();
        foreach (var attribute in element.Attributes())
            bag["@" + attribute.Name.LocalName] = KustoValue.From(attribute.Value);
        foreach (var group in element.Elements().GroupBy(e => e.Name.LocalName))
        {
            var items = group.Select(Element).ToArray();
            bag[group.Key] = items.Length == 1 ? items[0] : KustoValue.Array(items);
        }
        var text = string.Concat(element.Nodes().OfType<XText>().Select(t => t.Value)).Trim();
        if (text.Length > 0) bag["#text"] = KustoValue.From(text);
        return KustoValue.Bag(bag);
    }

    public static KustoValue bag_zip(KustoValue keys, KustoValue values)
    {
        if (!keys.IsArray) return KustoValue.Null;
        var bag = new KustoBag();
        var k = keys.AsArray;
        var v = values.IsArray ? values.AsArray : [];
        for (var i = 0; i < k.Length; i++)
            if (k[i].IsString) bag[k[i].AsString] = i < v.Length ? v[i] : KustoValue.Null;
        return KustoValue.Bag(bag);
    }

    public static KustoValue array_iff(KustoValue conditions, KustoValue whenTrue, KustoValue whenFalse)
    {
        if (!conditions.IsArray) return KustoValue.Null;
        var c = conditions.AsArray;
        KustoValue Pick(KustoValue source, int i) => source.IsArray ? (i < source.AsArray.Length ? source.AsArray[i] : KustoValue.Null) : source;
        var result = new KustoValue[c.Length];
        for (var i = 0; i < c.Length; i++)
        {
            var condition = c[i].IsNumeric ? KustoValue.From(c[i].AsDouble != 0) : c[i];
            result[i] = condition.Type != KustoType.Bool ? KustoValue.Null : condition.AsBool ? Pick(whenTrue, i) : Pick(whenFalse, i);
        }
        return KustoValue.Array(result);
    }

    public static KustoValue array_rotate_left(KustoValue array, KustoValue count) => Rotate(array, count.AsLong);
    public static KustoValue array_rotate_right(KustoValue array, KustoValue count) => Rotate(array, -count.AsLong);

    /// <summary>
    /// array_shift_left(array, n [, fill]): the elements moved n places left, the places left empty at the end
    /// filled with <paramref name="fill"/> (null by default); a negative n shifts right. The length is kept.
    /// </summary>
    public static KustoValue array_shift_left(KustoValue array, KustoValue count) => Shift(array, count, KustoValue.Null);
    public static KustoValue array_shift_left(KustoValue array, KustoValue count, KustoValue fill) => Shift(array, count, fill);
    public static KustoValue array_shift_right(KustoValue array, KustoValue count) => Shift(array, Negated(count), KustoValue.Null);
    public static KustoValue array_shift_right(KustoValue array, KustoValue count, KustoValue fill) => Shift(array, Negated(count), fill);

    private static KustoValue Negated(KustoValue count) => count.IsNumeric ? KustoValue.From(-count.AsLong) : count;

    private static KustoValue Shift(KustoValue array, KustoValue count, KustoValue fill)
    {
        if (!array.IsArray || !count.IsNumeric) return KustoValue.Null;
        var items = array.AsArray;
        var shift = count.AsLong;
        var result = new KustoValue[items.Length];
        for (var i = 0; i < result.Length; i++)
        {
            var from = i + shift;
            result[i] = from >= 0 && from < items.Length ? items[(int)from] : fill;
        }
        return KustoValue.Array(result);
    }

    private static KustoValue Rotate(KustoValue array, long left)
    {
        if (!array.IsArray) return KustoValue.Null;
        var items = array.AsArray;
        if (items.Length == 0) return array;
        var shift = (int)(((left % items.Length) + items.Length) % items.Length);
        return KustoValue.Array([.. items.Skip(shift), .. items.Take(shift)]);
    }

    public static KustoValue unicode_codepoints_from_string(KustoValue s)
    {
        var text = KustoStrings.Text(s);
        var points = new List<KustoValue>();
        for (var i = 0; i < text.Length; i++)
        {
            var cp = char.ConvertToUtf32(text, i);
            if (char.IsHighSurrogate(text[i])) i++;
            points.Add(KustoValue.From((long)cp));
        }
        return KustoValue.Array([.. points]);
    }

    public static KustoValue unicode_codepoints_to_string(params KustoValue[] values)
    {
        var builder = new System.Text.StringBuilder();
        foreach (var v in values.SelectMany(v => v.IsArray ? v.AsArray : [v]))
            if (v.IsNumeric && v.AsLong is >= 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF)) builder.Append(char.ConvertFromUtf32((int)v.AsLong));
            else return KustoValue.Null; // not a Unicode scalar value
        return KustoValue.From(builder.ToString());
    }

    public static KustoValue new_guid() => KustoValue.From(Guid.NewGuid());

    public static KustoValue regex_quote(KustoValue s) => KustoValue.From(System.Text.RegularExpressions.Regex.Escape(KustoStrings.Text(s)));

    /// <summary>
    /// replace_strings(text, lookups, rewrites): every match of the lookups replaced by its rewrite, as documented: an
    /// earlier lookup takes precedence over a later one (its matches are claimed first, left to right), matches do
    /// not overlap, a lookup that is not a string is ignored, and a match whose rewrite is not a string stays as it is.
    /// </summary>
    public static KustoValue replace_strings(KustoValue s, KustoValue lookups, KustoValue rewrites)
    {
        var text = KustoStrings.Text(s);
        if (!lookups.IsArray || !rewrites.IsArray) return KustoValue.From(text);
        var rewriteItems = rewrites.AsArray;
        var claimed = new List<(int Start, int Length, string? Rewrite)>();
        var taken = new bool[text.Length]; // the characters an earlier match claimed: overlap checks cost the match's length
        var lookupItems = lookups.AsArray;
        for (var k = 0; k < lookupItems.Length; k++)
        {
            if (lookupItems[k].Type != KustoType.String || lookupItems[k].AsString.Length == 0) continue;
            var find = lookupItems[k].AsString;
            string? rewrite = k < rewriteItems.Length && rewriteItems[k].Type == KustoType.String ? rewriteItems[k].AsString : null;
            for (var at = text.IndexOf(find, StringComparison.Ordinal); at >= 0; at = text.IndexOf(find, at, StringComparison.Ordinal))
            {
                if (Array.IndexOf(taken, true, at, find.Length) >= 0) { at++; continue; }
                Array.Fill(taken, true, at, find.Length);
                claimed.Add((at, find.Length, rewrite));
                at += find.Length;
                if (at >= text.Length) break;
            }
        }
        claimed.Sort((a, b) => a.Start.CompareTo(b.Start));
        var builder = new System.Text.StringBuilder();
        var position = 0;
        foreach (var (start, length, rewrite) in claimed)
        {
            builder.Append(text, position, start - position);
            builder.Append(rewrite ?? text.Substring(start, length));
            position = start + length;
        }
        builder.Append(text, position, text.Length - position);
        return KustoValue.From(builder.ToString());
    }

    /// <summary>
    /// parse_path(path): Scheme, RootPath, DirectoryPath, DirectoryName, Filename, Extension and
    /// AlternateDataStreamName of a Windows or Unix file path ("file://" schemes, shares, "\\?\" long paths,
    /// "file:stream" alternate data streams).
    /// </summary>
    public static KustoValue parse_path(KustoValue path)
    {
        var text = Scalars.KustoStrings.Text(path);
        var scheme = "";
        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd > 0 && text[..schemeEnd].All(char.IsAsciiLetter)) { scheme = text[..schemeEnd]; text = text[(schemeEnd + 3)..]; }
        if (text.StartsWith(@"\\?\", StringComparison.Ordinal)) text = text[4..];
        var root = text.Length >= 2 && char.IsAsciiLetter(text[0]) && text[1] == ':' ? text[..2] : "";
        var lastSeparator = text.LastIndexOfAny(['\\', '/']);
        var directory = lastSeparator >= 0 ? text[..lastSeparator] : "";
        var file = lastSeparator >= 0 ? text[(lastSeparator + 1)..] : text;
        var stream = "";
        var colon = file.IndexOf(':');
        if (colon >= 0) { stream = file[(colon + 1)..]; file = file[..colon]; }
        var directoryName = directory[(directory.LastIndexOfAny(['\\', '/']) + 1)..];
        if (directoryName == root) directoryName = "";
        var dot = file.LastIndexOf('.');
        var bag = new KustoBag
        {
            ["Scheme"] = KustoValue.From(scheme), ["RootPath"] = KustoValue.From(root), ["DirectoryPath"] = KustoValue.From(directory),
            ["DirectoryName"] = KustoValue.From(directoryName), ["Filename"] = KustoValue.From(file),
            ["Extension"] = KustoValue.From(dot >= 0 ? file[(dot + 1)..] : ""), ["AlternateDataStreamName"] = KustoValue.From(stream),
        };
        return KustoValue.Bag(bag);
    }

    /// <summary>dynamic_to_json(value): the JSON text of a dynamic value with every bag's keys sorted (a canonical form).</summary>
    public static KustoValue dynamic_to_json(KustoValue value) => KustoValue.From(KustoJson.Write(Sorted(value, depth: 0)));

    private static KustoValue Sorted(KustoValue value, int depth)
    {
        if (depth > 64) return value;
        if (value.IsArray) return KustoValue.Array([.. value.AsArray.Select(v => Sorted(v, depth + 1))]);
        if (!value.IsBag) return value;
        var bag = new KustoBag();
        foreach (var key in value.AsBag.Keys.OrderBy(k => k, StringComparer.Ordinal)) bag[key] = Sorted(value.AsBag[key], depth + 1);
        return KustoValue.Bag(bag);
    }
}
