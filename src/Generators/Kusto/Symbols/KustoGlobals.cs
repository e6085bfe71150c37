using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using AzureRules.Generators.Model;

namespace AzureRules.Generators.Kusto.Symbols;

/// <summary>
/// What a query can name without defining it: the workspace's tables and stored functions. The binder
/// resolves every unqualified name that is not let-bound against these.
/// </summary>
internal sealed class KustoGlobals
{
    private readonly Dictionary<string, TableSymbol> _tables;
    private readonly Dictionary<string, StoredFunctionSymbol> _functions;

    /// <param name="workspaceFunctions">The workspace's own functions with their bodies (parsers, saved functions).</param>
    public KustoGlobals(IEnumerable<TableSymbol> tables, IEnumerable<StoredFunctionSymbol> functions, IEnumerable<WorkspaceFunctionSymbol>? workspaceFunctions = null)
    {
        WorkspaceFunctions = workspaceFunctions is null ? Array.Empty<WorkspaceFunctionSymbol>() : workspaceFunctions.ToArray();
        _tables = new Dictionary<string, TableSymbol>(StringComparer.Ordinal);
        foreach (var table in tables) _tables[table.Name] = table;
        _functions = new Dictionary<string, StoredFunctionSymbol>(StringComparer.Ordinal);
        foreach (var function in functions) _functions[function.Name] = function;
    }

    private static readonly Lazy<KustoGlobals> SentinelWorkspace = new(LoadSentinel);

    /// <summary>
    /// A Microsoft Sentinel workspace: the tables and functions of Sentinel's KQL validation CI
    /// (Data/kusto-tables.tsv, kusto-functions.tsv) completed with what Log Analytics really serves
    /// (Data/kusto-tables-extra.tsv: standard columns, legacy columns, Defender XDR tables).
    /// </summary>
    public static KustoGlobals Sentinel => SentinelWorkspace.Value;

    public IEnumerable<TableSymbol> Tables => _tables.Values;
    public IEnumerable<StoredFunctionSymbol> Functions => _functions.Values;

    /// <summary>
    /// Functions whose bodies are known (from the project's parser files): they are bound and expanded at each
    /// call like let-bound functions, and take precedence over the signatures in <see cref="Functions"/>.
    /// </summary>
    public IReadOnlyList<WorkspaceFunctionSymbol> WorkspaceFunctions { get; }

    public TableSymbol? FindTable(string name) => _tables.TryGetValue(name, out var table) ? table : null;
    public StoredFunctionSymbol? FindFunction(string name) => _functions.TryGetValue(name, out var function) ? function : null;

    /// <summary>
    /// The source tag of the schemas Sentinel's CI writes by hand for solution tables and parsers. They are
    /// often incomplete, so their schemas are partial: a column missing from them is a warning.
    /// </summary>
    private const string CustomSource = "custom";

    private static KustoGlobals LoadSentinel()
    {
        var tables = new Dictionary<string, (List<ColumnSymbol> Columns, string Source)>(StringComparer.Ordinal);
        foreach (var fields in ReadResource("kusto-tables.tsv"))
            tables[fields[0]] = (ParseColumns(fields, 2).ToList(), fields[1]);

        var standard = new List<ColumnSymbol>();
        foreach (var fields in ReadResource("kusto-tables-extra.tsv"))
        {
            var columns = ParseColumns(fields, 2).ToList();
            if (fields[0] == "*") { standard.AddRange(columns); continue; }
            if (!tables.TryGetValue(fields[0], out var table))
            {
                tables[fields[0]] = (columns, fields[1]);
                continue;
            }
            AddMissing(table.Columns, columns);
        }
        foreach (var table in tables.Values) AddMissing(table.Columns, standard);

        var functions = new List<StoredFunctionSymbol>();
        foreach (var fields in ReadResource("kusto-functions.tsv"))
        {
            var parameters = fields[2] == "-"
                ? ImmutableArray<ParameterSymbol>.Empty
                : fields[2].Split(',').Select(ParseParameter).ToImmutableArray();
            var result = TableSchema.Of(ParseColumns(fields, 3)) with { IsPartial = fields[1] == CustomSource };
            // a watchlist's own columns are whatever its CSV has: _GetWatchlist returns them at run time,
            // after the columns every watchlist has (Sdk KustoWatchlists)
            if (fields[0] == "_GetWatchlist")
                result = TableSchema.Of(new[]
                {
                    new ColumnSymbol("_DTItemId", ScalarType.String), new ColumnSymbol("LastUpdatedTimeUTC", ScalarType.DateTime),
                    new ColumnSymbol("SearchKey", ScalarType.String), new ColumnSymbol("WatchlistItem", ScalarType.Dynamic),
                }).AsOpen();
            functions.Add(new StoredFunctionSymbol(fields[0], parameters, result, fields[1]));
        }

        return new KustoGlobals(
            tables.Select(t => new TableSymbol(t.Key, TableSchema.Of(t.Value.Columns) with { IsPartial = t.Value.Source == CustomSource }, t.Value.Source)),
            functions);
    }

    private static void AddMissing(List<ColumnSymbol> columns, IEnumerable<ColumnSymbol> additions)
    {
        foreach (var column in additions)
            if (!columns.Any(c => c.Name == column.Name)) columns.Add(column);
    }

    private static ParameterSymbol ParseParameter(string text)
    {
        var optional = text.EndsWith("=", StringComparison.Ordinal);
        if (optional) text = text.Substring(0, text.Length - 1);
        var colon = text.IndexOf(':');
        ScalarTypes.TryParse(text.Substring(colon + 1), out var type);
        return new ParameterSymbol(text.Substring(0, colon), type, IsTabular: false, IsOptional: optional);
    }

    private static IEnumerable<ColumnSymbol> ParseColumns(string[] fields, int start)
    {
        for (var i = start; i < fields.Length; i++)
        {
            var colon = fields[i].LastIndexOf(':');
            if (colon <= 0) continue;
            ScalarTypes.TryParse(fields[i].Substring(colon + 1), out var type);
            yield return new ColumnSymbol(fields[i].Substring(0, colon), type);
        }
    }

    private static IEnumerable<string[]> ReadResource(string name)
    {
        using var stream = typeof(KustoGlobals).Assembly.GetManifestResourceStream("AzureRules.Data." + name)
            ?? throw new InvalidOperationException($"the embedded Kusto schema data {name} is missing");
        using var reader = new StreamReader(stream);
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            yield return line.Split('\t');
        }
    }
}
