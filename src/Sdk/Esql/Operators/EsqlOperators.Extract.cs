namespace AzureRules.Sdk.Esql;

/// <summary>DISSECT and GROK: columns extracted from a string, appended at the end (replacing same-named columns).</summary>
public static partial class EsqlOperators
{
    public static EsqlTable Dissect(EsqlTable table, EsqlExpression input, EsqlDissectPattern pattern)
        => Extract(table, input, pattern.Keys.Select(k => (k, EsqlDataType.Keyword)).ToArray(), pattern.Match);

    public static EsqlTable Grok(EsqlTable table, EsqlExpression input, EsqlGrokPattern pattern)
        => Extract(table, input, pattern.Columns, pattern.Match);

    private static EsqlTable Extract(EsqlTable table, EsqlExpression input, (string Name, EsqlDataType Type)[] columns, Func<string, object?[]?> match)
    {
        var evaluate = input(table);
        var extracted = columns.Select(_ => new object?[table.Rows.Count]).ToArray();
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var value = evaluate(table.Rows[r]);
            if (value is null) continue;
            // a multi-valued input is matched value by value; the captures of every match are kept
            var captured = columns.Select(_ => new List<object>()).ToArray();
            foreach (var item in EsqlFunctions.All(value))
            {
                if (match(EsqlFunctions.Text(item)) is not { } values) continue;
                for (var c = 0; c < columns.Length; c++) captured[c].AddRange(EsqlFunctions.All(values[c]));
            }
            for (var c = 0; c < columns.Length; c++) extracted[c][r] = EsqlMulti.Of(captured[c]);
        }
        for (var c = 0; c < columns.Length; c++) table = Append(table, columns[c].Name, columns[c].Type, extracted[c]);
        return table;
    }
}
