namespace AzureRules.Sdk.Kusto.Operators;

/// <summary>
/// Kusto's tabular operators, one file per operator. Each takes its input table and the operator's
/// compiled expressions as binders, which resolve column slots once against the input's schema.
/// </summary>
public static partial class KustoOperators
{
    /// <summary><c>print a = x, y</c>: one row.</summary>
    public static KustoTable Print(string[] names, KustoValue[] values)
        => KustoTable.WithInferredTypes(names, [values]);

    /// <summary><c>range x from a to b step s</c>: a, a+s, … while ≤ b (≥ b for a negative step).</summary>
    public static KustoTable Range(string name, KustoValue from, KustoValue to, KustoValue step)
    {
        var rows = new List<KustoValue[]>();
        if (!from.IsNull && !to.IsNull && !step.IsNull)
        {
            var descending = Scalars.KustoComparison.Compare(step, Scalars.KustoArithmetic.Subtract(step, step)) < 0;
            for (var v = from; rows.Count < 10_000_000; v = Scalars.KustoArithmetic.Add(v, step))
            {
                var c = Scalars.KustoComparison.Compare(v, to);
                if (c is null || (descending ? c < 0 : c > 0)) break;
                rows.Add([v]);
            }
        }
        return new KustoTable([new KustoColumn(name, from.Type == KustoType.Int ? KustoType.Long : from.Type)], rows);
    }

    /// <summary><c>datatable(schema)[values]</c>: values row-major, converted to the declared types.</summary>
    public static KustoTable DataTable(KustoColumn[] columns, KustoValue[] values)
    {
        var rows = new List<KustoValue[]>();
        for (var i = 0; i + columns.Length <= values.Length && columns.Length > 0; i += columns.Length)
        {
            var row = new KustoValue[columns.Length];
            for (var c = 0; c < columns.Length; c++)
            {
                var value = values[i + c];
                row[c] = value.IsNull ? KustoValue.NullOf(columns[c].Type) : KustoConvert.To(columns[c].Type, value);
            }
            rows.Add(row);
        }
        return new KustoTable(columns, rows);
    }
}
