using AzureRules.Sdk.Engine;

namespace AzureRules.Sdk.Kusto;

/// <summary>
/// The rows of one table (with one schema) kept for the Kusto rules that read it: each event parsed
/// once, in time order, the oldest dropped as no execution needs them any more. An execution's
/// table is the slice of its window, found by binary search; the rows themselves are shared.
/// <para>
/// A window's table has the columns a table built from just its events would have: the declared
/// ones, then the others in the order its events first have them, typed by their first value.
/// Each row remembers its shape (its undeclared columns in order), so that order is found without
/// reading values; when it is the store's own column order (the usual case: events of a table have
/// the same properties), the window shares the stored rows, else it gets rows laid out for it.
/// </para>
/// </summary>
internal sealed class KustoTableStore
{
    private readonly KustoRowReader _reader;
    private readonly TimeWindowBuffer<StoredRow> _rows = new();
    private readonly Dictionary<string, int> _shapeIds = new(StringComparer.Ordinal);
    private readonly List<int[]> _shapes = [];
    private readonly List<int> _undeclared = [];
    private KustoSchema? _schema;
    private int _lastShape = -1;

    private readonly record struct StoredRow(KustoValue[] Values, int Shape);

    /// <param name="columns">The columns kept (null: all); the event's other properties are not read.</param>
    public KustoTableStore(string table, IReadOnlyList<KustoColumn>? schema, KustoStringPool strings, IReadOnlySet<string>? columns = null)
    {
        Table = table;
        _reader = new KustoRowReader(schema, strings, columns);
    }

    public string Table { get; }

    /// <summary>Rows kept now (for memory checks).</summary>
    public int Count => _rows.Count;

    /// <summary>Parses and keeps one event. Throws <see cref="System.Text.Json.JsonException"/> when it is not one JSON object.</summary>
    public void Add(DateTimeOffset time, ReadOnlySpan<byte> json)
    {
        _undeclared.Clear();
        var values = _reader.Read(json, _undeclared);
        _rows.Add(time, new StoredRow(values, Shape(_undeclared)));
    }

    public void RemoveBefore(DateTimeOffset time) => _rows.RemoveBefore(time);

    /// <summary>The table of the events in <c>[start, end]</c>; null when there are none (the query then sees an empty table).</summary>
    public KustoTable? Window(DateTimeOffset start, DateTimeOffset end)
    {
        var first = _rows.FirstAtOrAfter(start);
        var last = _rows.EndAtOrBefore(end);
        if (last <= first) return null;

        var columns = _reader.Columns;
        var declared = _reader.Declared;
        // the undeclared columns in the order the window's events first have them, and where each first is
        var order = new List<int>();
        var firstRow = new Dictionary<int, int>();
        var shapes = new HashSet<int>();
        var fullRows = true;
        for (var i = first; i < last; i++)
        {
            var row = _rows[i].Item;
            if (row.Values.Length != columns.Count) fullRows = false;
            if (!shapes.Add(row.Shape)) continue;
            foreach (var slot in _shapes[row.Shape])
            {
                if (firstRow.TryAdd(slot, i)) order.Add(slot);
            }
        }
        var windowColumns = new KustoColumn[declared + order.Count];
        var shared = fullRows && windowColumns.Length == columns.Count;
        for (var c = 0; c < declared; c++) windowColumns[c] = columns[c];
        for (var k = 0; k < order.Count; k++)
        {
            var slot = order[k];
            var value = _rows[firstRow[slot]].Item.Values[slot];
            windowColumns[declared + k] = new KustoColumn(columns[slot].Name, value.IsNull ? KustoType.Dynamic : value.Type);
            shared &= slot == declared + k && windowColumns[declared + k] == columns[slot];
        }
        if (shared)
        {
            var schema = _schema;
            if (schema is null || schema.Count != columns.Count) _schema = schema = new KustoSchema(windowColumns);
            return new KustoTable(schema, new Slice(_rows, first, last - first));
        }
        // the window's own layout: declared columns in place, the others moved to its order
        var rows = new KustoValue[last - first][];
        for (var i = first; i < last; i++)
        {
            var source = _rows[i].Item.Values;
            var row = new KustoValue[windowColumns.Length];
            Array.Copy(source, row, Math.Min(declared, source.Length));
            for (var k = 0; k < order.Count; k++)
            {
                if (order[k] < source.Length) row[declared + k] = source[order[k]];
            }
            rows[i - first] = row;
        }
        return new KustoTable(windowColumns, rows);
    }

    private int Shape(List<int> undeclared)
    {
        // consecutive events of a table mostly have the same properties
        if (_lastShape >= 0 && _shapes[_lastShape].AsSpan().SequenceEqual(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(undeclared))) return _lastShape;
        return _lastShape = NewOrKnownShape(undeclared);
    }

    private int NewOrKnownShape(List<int> undeclared)
    {
        var key = string.Join(",", undeclared);
        if (_shapeIds.TryGetValue(key, out var id)) return id;
        id = _shapes.Count;
        _shapes.Add([.. undeclared]);
        _shapeIds[key] = id;
        return id;
    }

    /// <summary>A window's rows: a view of the store, valid until the store next changes (an execution's lifetime).</summary>
    private sealed class Slice(TimeWindowBuffer<StoredRow> rows, int start, int count) : IReadOnlyList<KustoValue[]>
    {
        public KustoValue[] this[int index] => (uint)index < (uint)count ? rows[start + index].Item.Values : throw new ArgumentOutOfRangeException(nameof(index));
        public int Count => count;

        public IEnumerator<KustoValue[]> GetEnumerator()
        {
            for (var i = 0; i < count; i++) yield return rows[start + i].Item.Values;
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
