namespace AzureRules.Sdk.Esql;

/// <summary>KEEP, DROP and RENAME: they choose and name columns, never touching values.</summary>
public static partial class EsqlOperators
{
    /// <summary>
    /// KEEP: the columns matching the patterns, in the order of the patterns. A column matched by
    /// several patterns goes where its most specific one is (an exact name beats a partial wildcard,
    /// which beats <c>*</c>); among equally specific patterns the last one wins, as in Elasticsearch.
    /// </summary>
    public static EsqlTable Keep(EsqlTable table, params string[] patterns)
    {
        var chosen = new List<(int Pattern, int Column)>();
        for (var c = 0; c < table.Columns.Count; c++)
        {
            int best = -1, bestRank = -1;
            for (var p = 0; p < patterns.Length; p++)
            {
                if (!EsqlNames.Matches(patterns[p], table.Columns[c].Name)) continue;
                var rank = Specificity(patterns[p]);
                if (rank >= bestRank) { best = p; bestRank = rank; }
            }
            if (best >= 0) chosen.Add((best, c));
        }
        var order = chosen.OrderBy(x => x.Pattern).ThenBy(x => x.Column).Select(x => x.Column).ToArray();
        return Select(table, order);
    }

    private static int Specificity(string pattern) => pattern == "*" ? 0 : pattern.Contains('*') ? 1 : 2;

    /// <summary>DROP: every column matching one of the patterns goes.</summary>
    public static EsqlTable Drop(EsqlTable table, params string[] patterns)
    {
        var order = Enumerable.Range(0, table.Columns.Count)
            .Where(c => !patterns.Any(p => EsqlNames.Matches(p, table.Columns[c].Name)))
            .ToArray();
        return Select(table, order);
    }

    /// <summary>
    /// RENAME old AS new, applied left to right. The column keeps its place; a column that already
    /// had the new name is replaced.
    /// </summary>
    public static EsqlTable Rename(EsqlTable table, params (string Old, string New)[] renames)
    {
        var columns = table.Columns.ToList();
        var keep = Enumerable.Range(0, columns.Count).ToList();
        foreach (var (oldName, newName) in renames)
        {
            var from = keep.FindIndex(c => columns[c].Name == oldName);
            if (from < 0) throw new InvalidOperationException($"Unknown column [{oldName}]");
            if (oldName == newName) continue;
            var existing = keep.FindIndex(c => columns[c].Name == newName);
            columns[keep[from]] = columns[keep[from]] with { Name = newName };
            if (existing >= 0) keep.RemoveAt(existing);
        }
        var renamed = new EsqlTable(columns, table.Rows);
        return Select(renamed, [.. keep]);
    }

    /// <summary>The given columns of every row, in the given order.</summary>
    internal static EsqlTable Select(EsqlTable table, int[] ordinals)
    {
        var columns = ordinals.Select(o => table.Columns[o]).ToArray();
        var rows = new List<object?[]>(table.Rows.Count);
        foreach (var row in table.Rows)
        {
            var cells = new object?[ordinals.Length];
            for (var i = 0; i < ordinals.Length; i++) cells[i] = row[ordinals[i]];
            rows.Add(cells);
        }
        return new EsqlTable(columns, rows) { IsAggregated = table.IsAggregated };
    }
}

/// <summary>Column name patterns of KEEP, DROP, RENAME and FROM: <c>*</c> matches any run of characters, dots included.</summary>
public static class EsqlNames
{
    public static bool Matches(string pattern, string name)
    {
        if (!pattern.Contains('*')) return pattern == name;
        return Engine.IndexPatterns.Wildcard(pattern, name);
    }
}
