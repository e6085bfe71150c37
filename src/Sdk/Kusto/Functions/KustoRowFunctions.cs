namespace AzureRules.Sdk.Kusto.Functions;

/// <summary>Functions of the whole input row rather than of argument values; the emitter passes the row's schema.</summary>
public static class KustoRowFunctions
{
    /// <summary>
    /// pack_all([ignore_null_empty]): a property bag of every column of the row, by name; with
    /// <paramref name="ignoreNullEmpty"/> true, columns whose value is null or an empty string are left out.
    /// </summary>
    public static KustoValue PackAll(KustoSchema schema, KustoValue[] row, KustoValue ignoreNullEmpty)
    {
        var skip = ignoreNullEmpty.IsTrue;
        var bag = new KustoBag();
        for (var i = 0; i < schema.Count; i++)
        {
            var value = row.Col(i);
            if (skip && (value.IsNull || (value.Type == KustoType.String && value.AsString.Length == 0))) continue;
            bag[schema.Columns[i].Name] = value;
        }
        return KustoValue.Bag(bag);
    }
}
