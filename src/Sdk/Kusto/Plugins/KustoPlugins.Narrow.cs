namespace AzureRules.Sdk.Kusto.Plugins;

public static partial class KustoPlugins
{
    /// <summary>
    /// <c>evaluate narrow()</c>: unpivots the input into three columns, one row per input row and column:
    /// Row (the input row's number, from 0), Column (its name) and Value (its value as text).
    /// </summary>
    public static KustoTable Narrow(KustoTable input)
    {
        var columns = input.Columns;
        var rows = new List<KustoValue[]>(input.RowCount * columns.Count);
        var number = 0L;
        foreach (var row in input.Rows)
        {
            for (var c = 0; c < columns.Count; c++)
                rows.Add([KustoValue.From(number), KustoValue.From(columns[c].Name), KustoValue.From(KustoFormat.ToText(row[c]))]);
            number++;
        }
        return new KustoTable([new KustoColumn("Row", KustoType.Long), new KustoColumn("Column", KustoType.String), new KustoColumn("Value", KustoType.String)], rows);
    }
}
