using AzureRules.Sdk.Kusto.Scalars;

namespace AzureRules.Sdk.Kusto.Functions;

/// <summary>Dynamic values: member and element access, arrays and property bags.</summary>
public static class KustoDynamicFunctions
{
    /// <summary><c>x.name</c> / <c>x['name']</c>: a bag's property, else null. A string holding JSON is parsed first.</summary>
    public static KustoValue Member(KustoValue target, string name)
    {
        if (target.IsString) target = KustoConvert.ToDynamic(target);
        return target.IsBag ? target.AsBag[name] : KustoValue.Null;
    }

    /// <summary><c>x[i]</c>: an array element (negative counts from the end), or a bag property for a string index.</summary>
    public static KustoValue Element(KustoValue target, KustoValue index)
    {
        if (target.IsString) target = KustoConvert.ToDynamic(target);
        if (index.IsString) return Member(target, index.AsString);
        if (!target.IsArray || !index.IsNumeric) return KustoValue.Null;
        var items = target.AsArray;
        var i = index.AsLong;
        if (i < 0) i += items.Length;
        return i >= 0 && i < items.Length ? items[i] : KustoValue.Null;
    }

    public static KustoValue parse_json(KustoValue value) => KustoConvert.ToDynamic(value);
    public static KustoValue array_length(KustoValue value)
    {
        if (value.IsString) value = KustoConvert.ToDynamic(value);
        return value.IsArray ? KustoValue.From((long)value.AsArray.Length) : KustoValue.Null;
    }

    public static KustoValue pack_array(params KustoValue[] items) => KustoValue.Array(items);

    public static KustoValue bag_pack(params KustoValue[] keysAndValues)
    {
        var bag = new KustoBag();
        for (var i = 0; i + 1 < keysAndValues.Length; i += 2) bag[KustoStrings.Text(keysAndValues[i])] = keysAndValues[i + 1];
        return KustoValue.Bag(bag);
    }

    public static KustoValue pack(params KustoValue[] keysAndValues) => bag_pack(keysAndValues);

    public static KustoValue bag_keys(KustoValue value)
        => value.IsBag ? KustoValue.Array([.. value.AsBag.Keys.Select(KustoValue.From)]) : KustoValue.Null;

    public static KustoValue bag_has_key(KustoValue value, KustoValue key)
        => KustoValue.From(value.IsBag && value.AsBag.TryGet(KustoStrings.Text(key), out _));

    public static KustoValue bag_merge(params KustoValue[] bags)
    {
        var merged = new KustoBag();
        foreach (var bag in bags)
        {
            if (!bag.IsBag) continue;
            foreach (var (key, value) in bag.AsBag.Properties)
                if (!merged.TryGet(key, out _)) merged[key] = value;
        }
        return KustoValue.Bag(merged);
    }

    public static KustoValue bag_remove_keys(KustoValue value, KustoValue keys)
    {
        if (!value.IsBag) return KustoValue.Null;
        var remove = new HashSet<string>(keys.IsArray ? keys.AsArray.Select(KustoStrings.Text) : [], StringComparer.Ordinal);
        var result = new KustoBag();
        foreach (var (key, item) in value.AsBag.Properties)
            if (!remove.Contains(key)) result[key] = item;
        return KustoValue.Bag(result);
    }

    public static KustoValue set_has_element(KustoValue set, KustoValue value)
    {
        if (!set.IsArray) return KustoValue.Null;
        foreach (var item in set.AsArray)
            if (KustoComparison.AreEqual(item, value) == true) return KustoValue.True;
        return KustoValue.False;
    }

    public static KustoValue array_index_of(KustoValue set, KustoValue value) => array_index_of(set, value, KustoValue.Null, KustoValue.Null, KustoValue.Null);
    public static KustoValue array_index_of(KustoValue set, KustoValue value, KustoValue start) => array_index_of(set, value, start, KustoValue.Null, KustoValue.Null);
    public static KustoValue array_index_of(KustoValue set, KustoValue value, KustoValue start, KustoValue length) => array_index_of(set, value, start, length, KustoValue.Null);

    /// <summary>
    /// array_index_of(array, lookup, start_index = 0, length = -1, occurrence = 1): the index of the
    /// occurrence-th element equal to lookup within [start, start + length); a negative start counts from
    /// the end, length -1 means to the end; -1 when not found, null for a non-array or bad arguments.
    /// </summary>
    public static KustoValue array_index_of(KustoValue set, KustoValue value, KustoValue start, KustoValue length, KustoValue occurrence)
    {
        if (!set.IsArray) return KustoValue.Null;
        var items = set.AsArray;
        var from = start.IsNull ? 0 : start.AsLong;
        if (from < 0) from = Math.Max(0, items.Length + from);
        var count = length.IsNull || length.AsLong < 0 ? items.Length : length.AsLong;
        var wanted = occurrence.IsNull ? 1 : occurrence.AsLong;
        if (wanted <= 0) return KustoValue.Null;
        var end = Math.Min(items.Length, from + count);
        for (var i = from; i < end; i++)
            if (KustoComparison.AreEqual(items[i], value) == true && --wanted == 0) return KustoValue.From(i);
        return KustoValue.From(-1L);
    }

    public static KustoValue array_concat(params KustoValue[] arrays)
        => arrays.All(a => a.IsArray) ? KustoValue.Array([.. arrays.SelectMany(a => a.AsArray)]) : KustoValue.Null;

    public static KustoValue array_slice(KustoValue array, KustoValue start, KustoValue end)
    {
        if (!array.IsArray) return KustoValue.Null;
        var items = array.AsArray;
        var s = start.AsLong < 0 ? items.Length + start.AsLong : start.AsLong;
        var e = end.AsLong < 0 ? items.Length + end.AsLong : end.AsLong;
        s = Math.Max(0, s);
        e = Math.Min(items.Length - 1, e);
        return e < s ? KustoValue.Array([]) : KustoValue.Array(items[(int)s..(int)(e + 1)]);
    }

    public static KustoValue array_reverse(KustoValue array)
        => array.IsArray ? KustoValue.Array([.. array.AsArray.Reverse()]) : KustoValue.Null;

    /// <summary>
    /// array_sort_asc(array1 [, …, arrayN] [, nulls_last]): sorts the first array and reorders the others the
    /// same way; one array gives the sorted array, several give an array of the reordered arrays. Nulls go
    /// last unless nulls_last is false.
    /// </summary>
    public static KustoValue array_sort_asc(params KustoValue[] arguments) => SortArrays(arguments, descending: false);

    public static KustoValue array_sort_desc(params KustoValue[] arguments) => SortArrays(arguments, descending: true);

    private static KustoValue SortArrays(KustoValue[] arguments, bool descending)
    {
        var nullsLast = true;
        var count = arguments.Length;
        if (count > 1 && arguments[count - 1].Type == KustoType.Bool) { nullsLast = arguments[count - 1].IsTrue; count--; }
        if (count == 0 || !arguments[0].IsArray) return KustoValue.Null;
        var keys = arguments[0].AsArray;
        for (var a = 1; a < count; a++)
            if (!arguments[a].IsArray || arguments[a].AsArray.Length != keys.Length) return KustoValue.Null;
        var comparer = new KustoSortComparer(descending, nullsFirst: !nullsLast);
        var order = Enumerable.Range(0, keys.Length).OrderBy(i => keys[i], comparer).ToArray();
        KustoValue Reorder(KustoValue array) => KustoValue.Array([.. order.Select(i => array.AsArray[i])]);
        if (count == 1) return Reorder(arguments[0]);
        return KustoValue.Array([.. arguments.Take(count).Select(Reorder)]);
    }

    public static KustoValue array_sum(KustoValue array)
    {
        if (!array.IsArray) return KustoValue.Null;
        var sum = 0.0;
        foreach (var item in array.AsArray) if (item.IsNumeric) sum += item.AsDouble;
        return KustoValue.From(sum);
    }

    public static KustoValue strcat_array(KustoValue array, KustoValue delimiter)
        => array.IsArray ? KustoValue.From(string.Join(KustoStrings.Text(delimiter), array.AsArray.Select(KustoStrings.Text))) : KustoValue.EmptyString;

    public static KustoValue set_union(params KustoValue[] arrays) => Distinct(arrays.Where(a => a.IsArray).SelectMany(a => a.AsArray));

    public static KustoValue set_intersect(params KustoValue[] arrays)
    {
        if (arrays.Any(a => !a.IsArray)) return KustoValue.Null;
        IEnumerable<KustoValue> result = arrays[0].AsArray;
        foreach (var other in arrays.Skip(1)) result = result.Where(v => other.AsArray.Contains(v));
        return Distinct(result);
    }

    public static KustoValue set_difference(KustoValue first, params KustoValue[] others)
    {
        if (!first.IsArray) return KustoValue.Null;
        var remove = new HashSet<KustoValue>(others.Where(a => a.IsArray).SelectMany(a => a.AsArray));
        return Distinct(first.AsArray.Where(v => !remove.Contains(v)));
    }

    private static KustoValue Distinct(IEnumerable<KustoValue> values) => KustoValue.Array([.. values.Distinct()]);

    public static KustoValue zip(params KustoValue[] arrays)
    {
        if (arrays.Any(a => !a.IsArray)) return KustoValue.Null;
        var length = arrays.Max(a => a.AsArray.Length);
        var result = new KustoValue[length];
        for (var i = 0; i < length; i++)
            result[i] = KustoValue.Array([.. arrays.Select(a => i < a.AsArray.Length ? a.AsArray[i] : KustoValue.Null)]);
        return KustoValue.Array(result);
    }

    /// <summary>The most elements <c>range()</c> returns: the array is truncated there (2^20, as documented).</summary>
    public const int MaxRangeElements = 1 << 20;

    /// <summary><c>range(start, stop)</c>: the step defaults to 1 for numbers and to 1h for timespans and datetimes.</summary>
    public static KustoValue range(KustoValue start, KustoValue stop)
        => range(start, stop, start.Type is KustoType.TimeSpan or KustoType.DateTime ? KustoValue.From(TimeSpan.FromHours(1)) : KustoValue.From(1L));

    public static KustoValue range(KustoValue start, KustoValue stop, KustoValue step)
    {
        if (start.IsNull || stop.IsNull || step.IsNull) return KustoValue.Null;
        var zero = step.Type == KustoType.TimeSpan ? KustoValue.From(TimeSpan.Zero) : KustoValue.From(0L);
        var direction = KustoComparison.Compare(step, zero);
        // a zero step never reaches stop; a negative one counts down to it
        if (direction is null or 0) return KustoValue.Null;
        var items = new List<KustoValue>();
        for (var v = start; KustoComparison.Compare(v, stop) is { } c && (direction > 0 ? c <= 0 : c >= 0) && items.Count < MaxRangeElements; v = KustoArithmetic.Add(v, step))
            items.Add(v);
        return KustoValue.Array([.. items]);
    }

    public static KustoValue repeat(KustoValue value, KustoValue count)
        => KustoValue.Array([.. Enumerable.Repeat(value, (int)Math.Max(0, count.AsLong))]);
}
