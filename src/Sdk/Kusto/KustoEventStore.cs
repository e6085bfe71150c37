using AzureRules.Sdk.Engine;

namespace AzureRules.Sdk.Kusto;

/// <summary>
/// The events of every Kusto rule of a replay, each parsed once into per-table, time-ordered storage
/// (<see cref="KustoTableStore"/>) that all those rules read. A table is kept once per schema the rules
/// bind it to — the workspace schema types JSON values (TimeGenerated a datetime); a table a rule does
/// not name is read by its JSON values — and only when some rule may read it: a rule that declares
/// the tables it reads (<see cref="KustoDetection.ReadTables"/>) limits that, one that does not may read
/// any table (through <c>table()</c> or a wildcard union), so every table is kept for it. Likewise only
/// the columns the rules of a table declare they read (<see cref="KustoDetection.ReadColumns"/>) are
/// kept, all of them when one of those rules does not say.
/// Rows older than what every reader of a table still needs are dropped (<see cref="Forget"/>).
/// </summary>
internal sealed class KustoEventStore
{
    private readonly List<Reader> _readers = [];
    private readonly Dictionary<string, List<Stored>> _tables = new(StringComparer.Ordinal);
    private readonly KustoStringPool _strings = new();

    private sealed record Reader(KustoDetection Rule, Func<DateTimeOffset> NeededFrom)
    {
        public readonly Dictionary<string, KustoTableStore?> Stores = new(StringComparer.Ordinal);
    }

    private sealed record Stored(List<Reader> Readers)
    {
        public KustoTableStore Store { get; set; } = null!;
    }

    /// <summary>Registers a rule; <paramref name="neededFrom"/> tells, at any moment, how far back its remaining executions look.</summary>
    public object Register(KustoDetection rule, Func<DateTimeOffset> neededFrom)
    {
        var reader = new Reader(rule, neededFrom);
        _readers.Add(reader);
        return reader;
    }

    /// <summary>Parses and keeps one event of <paramref name="table"/> for the rules that may read it. Throws <see cref="System.Text.Json.JsonException"/> when it is not one JSON object.</summary>
    public void Add(string table, DateTimeOffset time, ReadOnlyMemory<byte> json)
    {
        if (!_tables.TryGetValue(table, out var stores)) _tables[table] = stores = Open(table);
        foreach (var stored in stores)
        {
            if (time < NeededFrom(stored)) continue; // no execution still to run covers it
            stored.Store.Add(time, json.Span);
        }
    }

    /// <summary>The rule's table over <c>[start, end]</c>; null when it has no events there.</summary>
    public KustoTable? Window(object registration, string table, DateTimeOffset start, DateTimeOffset end)
    {
        var reader = (Reader)registration;
        lock (reader.Stores)
        {
            if (!reader.Stores.TryGetValue(table, out var store))
            {
                // a table first asked for before any of its events arrived is looked up again later
                store = _tables.TryGetValue(table, out var stores) ? stores.FirstOrDefault(s => s.Readers.Contains(reader))?.Store : null;
                if (store is not null) reader.Stores[table] = store;
            }
            return store?.Window(start, end);
        }
    }

    /// <summary>Drops the rows no reader needs any more.</summary>
    public void Forget()
    {
        foreach (var stores in _tables.Values)
            foreach (var stored in stores) stored.Store.RemoveBefore(NeededFrom(stored));
    }

    /// <summary>Rows kept now, over all tables (for memory checks).</summary>
    public int Count => _tables.Values.Sum(stores => stores.Sum(s => s.Store.Count));

    private static DateTimeOffset NeededFrom(Stored stored)
    {
        var needed = DateTimeOffset.MaxValue;
        foreach (var reader in stored.Readers)
        {
            var from = reader.NeededFrom();
            if (from < needed) needed = from;
        }
        return needed;
    }

    /// <summary>The union of the columns the readers read of the table; null (all) when one of them does not say.</summary>
    private static HashSet<string>? ColumnsRead(string table, List<Reader> readers)
    {
        var columns = new HashSet<string>(StringComparer.Ordinal);
        foreach (var reader in readers)
        {
            if (reader.Rule.ReadColumns?.GetValueOrDefault(table) is not { } read) return null;
            columns.UnionWith(read);
        }
        return columns;
    }

    private List<Stored> Open(string table)
    {
        var stores = new List<Stored>();
        var bySchema = new Dictionary<string, Stored>(StringComparer.Ordinal);
        foreach (var reader in _readers)
        {
            var reads = reader.Rule.ReadTables;
            if (reads is not null && !reads.Contains(table)) continue;
            reader.Rule.TableSchemas.TryGetValue(table, out var schema);
            var key = schema is null ? "" : string.Join(",", schema.Select(c => c.Name + ":" + c.Type));
            if (!bySchema.TryGetValue(key, out var stored))
            {
                bySchema[key] = stored = new Stored([]);
                stores.Add(stored);
            }
            stored.Readers.Add(reader);
        }
        foreach (var stored in stores)
        {
            var schema = stored.Readers.Select(r => r.Rule.TableSchemas.GetValueOrDefault(table)).FirstOrDefault();
            stored.Store = new KustoTableStore(table, schema, _strings, ColumnsRead(table, stored.Readers));
        }
        return stores;
    }
}
