namespace AzureRules.Sdk.Kusto.Operators;

public static partial class KustoOperators
{
    /// <summary>The columns <c>*</c> stands for in arg_max(x, *): every input column not already a result column.</summary>
    public static string[] StarColumnNames(string[] explicitNames, KustoSchema schema, string[] exclude)
        => [.. explicitNames, .. schema.Names.Where(n => !exclude.Contains(n))];

    /// <summary>The explicit argument evaluators followed by readers of the star columns.</summary>
    public static KustoRowFunction[] WithStarColumns(KustoRowFunction[] explicitArguments, KustoSchema schema, string[] exclude)
    {
        var result = new List<KustoRowFunction>(explicitArguments);
        foreach (var name in schema.Names.Where(n => !exclude.Contains(n)))
        {
            var slot = schema.Slot(name);
            result.Add(r => r[slot]);
        }
        return [.. result];
    }

    /// <summary><c>getschema</c>: one row per column.</summary>
    public static KustoTable GetSchema(KustoTable input)
    {
        var rows = input.Columns.Select((c, i) => new[]
        {
            KustoValue.From(c.Name), KustoValue.FromInt(i), KustoValue.From("System." + ClrName(c.Type)), KustoValue.From(KustoTypes.Name(c.Type)),
        }).ToList();
        return new KustoTable(
            [new("ColumnName", KustoType.String), new("ColumnOrdinal", KustoType.Int), new("DataType", KustoType.String), new("ColumnType", KustoType.String)],
            rows);
    }

    private static string ClrName(KustoType type) => type switch
    {
        KustoType.Bool => "SByte",
        KustoType.Int => "Int32",
        KustoType.Long => "Int64",
        KustoType.Real => "Double",
        KustoType.Decimal => "Data.SqlTypes.SqlDecimal",
        KustoType.String => "String",
        KustoType.DateTime => "DateTime",
        KustoType.TimeSpan => "TimeSpan",
        KustoType.Guid => "Guid",
        _ => "Object",
    };
}
