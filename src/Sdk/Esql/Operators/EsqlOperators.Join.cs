namespace AzureRules.Sdk.Esql;

/// <summary>ENRICH and LOOKUP JOIN: columns from another index of the source, matched by value.</summary>
public static partial class EsqlOperators
{
    /// <summary>
    /// ENRICH policy ON column WITH new = field, …: for each row, the policy's source documents whose
    /// match field equals the column's value (or, for a <c>range</c> policy, whose range holds it) add
    /// their enrich fields; several matching documents give multi-values; no match gives nulls.
    /// </summary>
    public static EsqlTable Enrich(EsqlSource source, EsqlTable table, string policyName, string? on, params (string Name, string Field)[] with)
    {
        var policy = source.EnrichPolicy(policyName) ?? throw new InvalidOperationException($"cannot find enrich policy [{policyName}]");
        if (policy.Type is not ("match" or "range")) throw new InvalidOperationException($"enrich policies of type [{policy.Type}] are not supported");
        var lookup = Read([.. source.EnrichIndices(policy)], [], [], namedOnly: false);
        var fields = with.Length > 0 ? with : policy.EnrichFields.Select(f => (Name: f, Field: f)).ToArray();
        foreach (var (_, field) in fields)
        {
            // only the policy's enrich fields are in its enrich index (Elasticsearch's verifier message)
            if (!policy.EnrichFields.Contains(field, StringComparer.Ordinal))
                throw new InvalidOperationException($"Enrich field [{field}] not found in enrich policy [{policy.Name}]");
        }
        var key = table[on ?? policy.MatchField];
        var match = lookup.Find(policy.MatchField);
        var results = fields.Select(_ => new object?[table.Rows.Count]).ToArray();
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var value = table.Rows[r][key];
            if (value is null || match is null) continue;
            var hits = lookup.Rows.Where(row => Matches(policy.Type, row[match.Value], value)).ToList();
            for (var f = 0; f < fields.Length; f++)
            {
                if (lookup.Find(fields[f].Field) is not { } ordinal) continue;
                results[f][r] = EsqlMulti.Of(hits.SelectMany(h => EsqlFunctions.All(h[ordinal])).ToList());
            }
        }
        for (var f = 0; f < fields.Length; f++)
        {
            var type = lookup.Find(fields[f].Field) is { } ordinal ? lookup.TypeOf(ordinal) : EsqlDataType.Null;
            table = Append(table, fields[f].Name, type, results[f]);
        }
        return table;
    }

    private static bool Matches(string policyType, object? indexed, object value)
    {
        if (indexed is null) return false;
        var keys = EsqlFunctions.All(indexed);
        var values = EsqlFunctions.All(value);
        if (policyType == "range")
            return keys.Any(k => values.Any(v => InRange(EsqlFunctions.Text(k), v)));
        return keys.Any(k => values.Any(v => EsqlCompare.Equal(v, k) is true || EsqlFunctions.Text(k) == EsqlFunctions.Text(v)));
    }

    /// <summary>A range policy's field: a CIDR block, or <c>from-to</c> text; the value must fall inside.</summary>
    private static bool InRange(string range, object value)
    {
        if (range.Contains('/')) return EsqlFunctions.CidrMatch(value, range) is true;
        var dash = range.IndexOf('-', 1);
        if (dash < 0) return false;
        var low = range[..dash];
        var high = range[(dash + 1)..];
        return EsqlCompare.GreaterOrEqual(value, low) is true && EsqlCompare.LessOrEqual(value, high) is true;
    }

    /// <summary>
    /// LOOKUP JOIN index ON field, …: a left join with the lookup index on equal values of the named
    /// fields. Each match makes one output row (the lookup index's fields appended, replacing input
    /// columns of the same name); a row without match keeps one row with nulls.
    /// </summary>
    public static EsqlTable LookupJoin(EsqlSource source, EsqlTable table, string index, params string[] on)
    {
        var lookup = From(source, [index], []);
        var keys = on.Select(f => table[f]).ToArray();
        var lookupKeys = on.Select(f => lookup.Find(f) ?? throw new InvalidOperationException($"Unknown column [{f}] in lookup index [{index}]")).ToArray();
        var added = Enumerable.Range(0, lookup.Columns.Count).Where(c => !on.Contains(lookup.Columns[c].Name)).ToArray();
        var addedNames = added.Select(c => lookup.Columns[c].Name).ToHashSet(StringComparer.Ordinal);
        var kept = Enumerable.Range(0, table.Columns.Count).Where(c => !addedNames.Contains(table.Columns[c].Name)).ToArray();
        var columns = kept.Select(c => table.Columns[c]).Concat(added.Select(c => lookup.Columns[c])).ToArray();
        var rows = new List<object?[]>();
        foreach (var row in table.Rows)
        {
            var hits = lookup.Rows.Where(l => keys.Select((k, i) => EsqlCompare.Equal(row[k], l[lookupKeys[i]]) is true).All(x => x)).ToList();
            if (hits.Count == 0) hits.Add(new object?[lookup.Columns.Count]);
            foreach (var hit in hits)
                rows.Add([.. kept.Select(c => row[c]), .. added.Select(c => hit[c])]);
        }
        return new EsqlTable(columns, rows) { IsAggregated = table.IsAggregated };
    }
}
