namespace AzureRules.Sdk.Kusto.Operators;

/// <summary>The join flavors of Kusto's join operator; <see cref="InnerUnique"/> is the default.</summary>
public enum KustoJoinKind { InnerUnique, Inner, LeftOuter, RightOuter, FullOuter, LeftAnti, RightAnti, LeftSemi, RightSemi }

public static partial class KustoOperators
{
    /// <summary>
    /// <c>join kind=K (right) on $left.A == $right.B, …</c> with Kusto's semantics: innerunique first
    /// keeps one left row per key value, then joins like inner; outer kinds fill the missing side with
    /// nulls; semi and anti kinds return one side's columns only. The result has the left columns then
    /// the right ones, a right column whose name is taken getting the suffix 1 (2, … if that is taken too).
    /// Null keys never match.
    /// </summary>
    public static KustoTable Join(KustoTable left, KustoTable right, KustoJoinKind kind, string[] leftKeys, string[] rightKeys)
    {
        var leftSlots = leftKeys.Select(left.Schema.Slot).ToArray();
        var rightSlots = rightKeys.Select(right.Schema.Slot).ToArray();

        var leftRows = left.Rows;
        if (kind == KustoJoinKind.InnerUnique)
        {
            var seen = new HashSet<KustoKey>();
            leftRows = left.Rows.Where(r => seen.Add(KustoKey.Of(r, leftSlots))).ToList();
        }

        var index = new Dictionary<KustoKey, List<int>>();
        for (var i = 0; i < right.RowCount; i++)
        {
            var key = KustoKey.Of(right.Rows[i], rightSlots);
            if (key.HasNull) continue;
            if (!index.TryGetValue(key, out var list)) index[key] = list = [];
            list.Add(i);
        }

        switch (kind)
        {
            case KustoJoinKind.LeftSemi:
            case KustoJoinKind.LeftAnti:
            {
                var keep = kind == KustoJoinKind.LeftSemi;
                var rows = leftRows.Where(r => Matches(index, KustoKey.Of(r, leftSlots)) == keep).ToList();
                return new KustoTable(left.Schema, rows);
            }
            case KustoJoinKind.RightSemi:
            case KustoJoinKind.RightAnti:
            {
                var leftKeySet = new HashSet<KustoKey>(leftRows.Select(r => KustoKey.Of(r, leftSlots)).Where(k => !k.HasNull));
                var keep = kind == KustoJoinKind.RightSemi;
                var rows = right.Rows.Where(r => leftKeySet.Contains(KustoKey.Of(r, rightSlots)) == keep).ToList();
                return new KustoTable(right.Schema, rows);
            }
        }

        var columns = JoinedColumns(left.Columns, right.Columns, skipRight: null);
        var output = new List<KustoValue[]>();
        var rightMatched = new bool[right.RowCount];
        var leftWidth = left.Schema.Count;
        foreach (var row in leftRows)
        {
            var key = KustoKey.Of(row, leftSlots);
            if (!key.HasNull && index.TryGetValue(key, out var matches))
            {
                foreach (var r in matches)
                {
                    rightMatched[r] = true;
                    output.Add(Concat(row, right.Rows[r], leftWidth, columns));
                }
            }
            else if (kind is KustoJoinKind.LeftOuter or KustoJoinKind.FullOuter)
            {
                output.Add(Concat(row, null, leftWidth, columns));
            }
        }
        if (kind is KustoJoinKind.RightOuter or KustoJoinKind.FullOuter)
        {
            for (var r = 0; r < right.RowCount; r++)
            {
                if (!rightMatched[r]) output.Add(Concat(null, right.Rows[r], leftWidth, columns));
            }
        }
        return new KustoTable(columns, output);
    }

    private static bool Matches(Dictionary<KustoKey, List<int>> index, KustoKey key) => !key.HasNull && index.ContainsKey(key);

    private static KustoValue[] Concat(KustoValue[]? left, KustoValue[]? right, int leftWidth, KustoColumn[] columns)
    {
        var row = new KustoValue[columns.Length];
        for (var c = 0; c < columns.Length; c++)
        {
            var source = c < leftWidth ? left : right;
            row[c] = source is null ? KustoValue.NullOf(columns[c].Type) : source[c < leftWidth ? c : c - leftWidth];
        }
        return row;
    }

    private static KustoColumn[] JoinedColumns(IReadOnlyList<KustoColumn> left, IReadOnlyList<KustoColumn> right, HashSet<int>? skipRight)
    {
        var taken = new HashSet<string>(left.Select(c => c.Name), StringComparer.Ordinal);
        var columns = new List<KustoColumn>(left);
        for (var i = 0; i < right.Count; i++)
        {
            if (skipRight?.Contains(i) == true) continue;
            var name = right[i].Name;
            if (taken.Contains(name))
            {
                var n = 1;
                while (taken.Contains(name + n)) n++;
                name += n;
            }
            taken.Add(name);
            columns.Add(new KustoColumn(name, right[i].Type));
        }
        return [.. columns];
    }

    /// <summary>
    /// <c>lookup kind=leftouter|inner (right) on keys</c>: extends each left row with the matching right
    /// row's columns, without repeating the right side's key columns.
    /// </summary>
    public static KustoTable Lookup(KustoTable left, KustoTable right, bool inner, string[] leftKeys, string[] rightKeys)
    {
        var leftSlots = leftKeys.Select(left.Schema.Slot).ToArray();
        var rightSlots = rightKeys.Select(right.Schema.Slot).ToArray();
        var skip = new HashSet<int>(rightSlots.Where(s => s >= 0));
        var keptRight = Enumerable.Range(0, right.Schema.Count).Where(i => !skip.Contains(i)).ToArray();
        var columns = JoinedColumns(left.Columns, right.Columns, skip);
        var index = new Dictionary<KustoKey, List<int>>();
        for (var i = 0; i < right.RowCount; i++)
        {
            var key = KustoKey.Of(right.Rows[i], rightSlots);
            if (key.HasNull) continue;
            if (!index.TryGetValue(key, out var list)) index[key] = list = [];
            list.Add(i);
        }
        var leftWidth = left.Schema.Count;
        var output = new List<KustoValue[]>();
        foreach (var row in left.Rows)
        {
            var key = KustoKey.Of(row, leftSlots);
            if (!key.HasNull && index.TryGetValue(key, out var matches))
            {
                foreach (var r in matches)
                {
                    var result = new KustoValue[columns.Length];
                    Array.Copy(row, result, leftWidth);
                    for (var k = 0; k < keptRight.Length; k++) result[leftWidth + k] = right.Rows[r][keptRight[k]];
                    output.Add(result);
                }
            }
            else if (!inner)
            {
                var result = new KustoValue[columns.Length];
                Array.Copy(row, result, leftWidth);
                for (var c = leftWidth; c < columns.Length; c++) result[c] = KustoValue.NullOf(columns[c].Type);
                output.Add(result);
            }
        }
        return new KustoTable(columns, output);
    }
}
