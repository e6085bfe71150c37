using System.Text.Json;

namespace AzureRules.Sdk.Kusto;

/// <summary>
/// Reads JSON events (one object each) into rows of one table. With a schema, each declared column
/// takes the schema's type (JSON strings holding datetimes, timespans or guids are converted; a missing
/// string column is "" and any other missing column null); a property the schema lacks becomes a
/// column after the declared ones, the first time an event has it, typed by that first value. Rows
/// are as long as the columns known when they were read (later columns read as missing).
/// </summary>
public sealed class KustoRowReader
{
    private static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Skip };
    private readonly List<KustoColumn> _columns;
    private readonly Dictionary<string, int> _slots = new(StringComparer.Ordinal);
    private readonly KustoStringPool? _strings;

    private readonly IReadOnlySet<string>? _keep;

    /// <param name="keep">When given, only these columns are read (declared or not); the event's other properties are skipped unread.</param>
    public KustoRowReader(IReadOnlyList<KustoColumn>? schema, KustoStringPool? strings = null, IReadOnlySet<string>? keep = null)
    {
        _keep = keep;
        _columns = [.. (schema ?? []).Where(c => keep is null || keep.Contains(c.Name))];
        for (var i = 0; i < _columns.Count; i++) _slots[_columns[i].Name] = i;
        Declared = _columns.Count;
        _strings = strings;
    }

    /// <summary>The columns so far: the declared ones, then the others in first-seen order.</summary>
    public IReadOnlyList<KustoColumn> Columns => _columns;

    public int Declared { get; }

    /// <summary>
    /// Reads one event into a row. <paramref name="undeclared"/>, when given, receives the slots of the
    /// event's undeclared columns in the event's property order. Throws <see cref="JsonException"/>
    /// when the text is not one JSON object.
    /// </summary>
    public KustoValue[] Read(ReadOnlySpan<byte> json, List<int>? undeclared = null)
    {
        var row = new KustoValue[_columns.Count];
        var reader = new Utf8JsonReader(json, Options);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            throw new JsonException("an event must be a JSON object");
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = _strings is null ? reader.GetString()! : _strings.Get(ref reader);
            reader.Read();
            if (_keep is not null && !_keep.Contains(name))
            {
                reader.Skip();
                continue;
            }
            var value = KustoJson.ReadValue(ref reader, _strings);
            if (!_slots.TryGetValue(name, out var slot))
            {
                slot = _columns.Count;
                _slots[name] = slot;
                _columns.Add(new KustoColumn(name, value.IsNull ? KustoType.Dynamic : value.Type));
                Array.Resize(ref row, _columns.Count);
            }
            else if (slot >= row.Length)
            {
                Array.Resize(ref row, _columns.Count);
            }
            row[slot] = slot < Declared ? KustoConvert.To(_columns[slot].Type, value) : value;
            if (slot >= Declared) undeclared?.Add(slot);
        }
        for (var c = 0; c < Declared; c++)
        {
            if (row[c].IsNull) row[c] = KustoValue.NullOf(_columns[c].Type);
        }
        return row;
    }
}
