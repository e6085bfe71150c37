using AzureRules.Sdk.Detections;

namespace AzureRules.Sdk.Kusto;

/// <summary>
/// A Sentinel rule whose Kusto query the generator compiled to C#: <see cref="Execute"/> runs the
/// whole query over the context's tables and returns its result; each result row is a potential alert.
/// </summary>
public abstract class KustoDetection(RuleMetadata metadata) : Detection(metadata)
{
    private IReadOnlyDictionary<string, IReadOnlyList<KustoColumn>>? _tableSchemas;

    public abstract KustoTable Execute(KustoContext context);

    /// <summary>
    /// The columns and types the compiler bound the query's tables to, so JSON events get Log
    /// Analytics' types (TimeGenerated a datetime, TenantId a guid). Tables not listed here are typed
    /// by their JSON values.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<KustoColumn>> TableSchemas => _tableSchemas ??= ParseSchemas(TableSchemaText);

    /// <summary>
    /// The workspace tables the query can read, when the compiler knows them all; null when it may
    /// read others too (a <c>table()</c> call with a computed name, a wildcard union), and then the
    /// engine keeps every table for it.
    /// </summary>
    public virtual IReadOnlySet<string>? ReadTables => null;

    /// <summary>
    /// The columns the query reads of each table, when the compiler knows them all (a query whose
    /// result carries a table's columns, as <c>project *</c> or no projection, reads them all); null, or
    /// a table missing here, when not known. The engine stores only these columns of a table's events.
    /// </summary>
    public virtual IReadOnlyDictionary<string, IReadOnlySet<string>>? ReadColumns => null;

    /// <summary><c>Table=Column:type,Column:type;Table=…</c>, written by the generator.</summary>
    protected virtual string TableSchemaText => "";

    private static Dictionary<string, IReadOnlyList<KustoColumn>> ParseSchemas(string text)
    {
        var schemas = new Dictionary<string, IReadOnlyList<KustoColumn>>(StringComparer.Ordinal);
        foreach (var table in text.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = table.IndexOf('=');
            var columns = table[(equals + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Select(c => c.Split(':'))
                .Select(p => new KustoColumn(p[0], Enum.TryParse<KustoType>(p[1], ignoreCase: true, out var type) ? type : KustoType.Dynamic))
                .ToList();
            schemas[table[..equals]] = columns;
        }
        return schemas;
    }
}
