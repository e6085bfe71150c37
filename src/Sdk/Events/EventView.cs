using System.Text;
using System.Text.Json;

namespace AzureRules.Sdk.Events;

/// <summary>
/// The fields of one JSON event that loaded rules read, by slot (see <see cref="FieldTable"/>).
/// A view is reused from event to event by its reader, so a compiled rule reads it during
/// <c>Matches</c> and keeps nothing of it. The reader records each value as a slice of the line;
/// a slot's values become <see cref="FieldValue"/>s (strings decoded, numbers parsed) only when a
/// rule first asks for them, so fields of events no rule looks at are never converted.
/// </summary>
public sealed class EventView
{
    private struct RawValue
    {
        public FieldKind Kind;
        public bool Escaped;
        // strings: the text between the quotes; numbers: the literal; booleans: Start is 1 for true
        public int Start;
        public int Length;
    }

    private RawValue[] _raw = new RawValue[64];
    private int[] _slots = new int[64];
    private int _rawCount;
    // per slot: where its values start in _sorted and how many there are (0 = absent)
    private int[] _start = new int[64];
    private int[] _count = new int[64];
    // per slot: the event generation whose values were converted into _sorted
    private int[] _converted = new int[64];
    private int _generation;
    private bool _complete;
    private readonly List<int> _touched = [];
    private RawValue[] _sortedRaw = new RawValue[64];
    private FieldValue[] _sorted = new FieldValue[64];

    /// <summary>The event's JSON text, for alerts and for paths no rule declared in advance.</summary>
    public ReadOnlyMemory<byte> Json { get; private set; }

    /// <summary>All values of the field in the slot: none when absent, several for an array.</summary>
    public ReadOnlySpan<FieldValue> Values(int slot)
    {
        if (!Exists(slot)) return default;
        if (_converted[slot] != _generation) Convert(slot);
        return new ReadOnlySpan<FieldValue>(_sorted, _start[slot], _count[slot]);
    }

    public bool Exists(int slot) => (uint)slot < (uint)_count.Length && _count[slot] > 0;

    /// <summary>The first value of a field, or <see cref="FieldValue.Null"/> when absent.</summary>
    public FieldValue First(int slot) => Exists(slot) ? Values(slot)[0] : FieldValue.Null;

    /// <summary>Reads an event. Throws <see cref="JsonException"/> when the line is not one JSON object.</summary>
    public void Load(ReadOnlyMemory<byte> json) => EventLineReader.ForThread.LoadView(json, this);

    /// <summary>True when the view holds the fields of this event's JSON (its reader loaded them while reading it).</summary>
    public bool Holds(ReadOnlyMemory<byte> json) => _complete && Json.Equals(json);

    /// <summary>Starts a new event: forgets the previous one's values.</summary>
    internal void Begin(ReadOnlyMemory<byte> json)
    {
        foreach (var slot in _touched) _count[slot] = 0;
        _touched.Clear();
        _rawCount = 0;
        _complete = false;
        Json = json;
        if (++_generation == int.MaxValue)
        {
            Array.Clear(_converted);
            _generation = 1;
        }
        var size = FieldTable.Count;
        if (_count.Length < size)
        {
            var length = Math.Max(size, _count.Length * 2);
            Array.Resize(ref _count, length);
            Array.Resize(ref _start, length);
            Array.Resize(ref _converted, length);
        }
    }

    internal void AddString(int slot, int start, int length, bool escaped)
        => Add(slot, new RawValue { Kind = FieldKind.String, Start = start, Length = length, Escaped = escaped });

    internal void AddNumber(int slot, int start, int length)
        => Add(slot, new RawValue { Kind = FieldKind.Number, Start = start, Length = length });

    internal void AddBoolean(int slot, bool value)
        => Add(slot, new RawValue { Kind = FieldKind.Boolean, Start = value ? 1 : 0 });

    internal void AddObject(int slot) => Add(slot, new RawValue { Kind = FieldKind.Object });

    private void Add(int slot, RawValue value)
    {
        if ((uint)slot >= (uint)_count.Length) return; // a slot created while this event was read: no rule had it yet
        if (_rawCount == _raw.Length)
        {
            Array.Resize(ref _raw, _raw.Length * 2);
            Array.Resize(ref _slots, _raw.Length);
        }
        _raw[_rawCount] = value;
        _slots[_rawCount] = slot;
        _rawCount++;
        if (_count[slot]++ == 0) _touched.Add(slot);
    }

    /// <summary>Lays each slot's values side by side (a counting sort), so a field's values are one span.</summary>
    internal void End()
    {
        if (_sortedRaw.Length < _rawCount)
        {
            _sortedRaw = new RawValue[_raw.Length];
            _sorted = new FieldValue[_raw.Length];
        }
        var next = 0;
        foreach (var slot in _touched)
        {
            _start[slot] = next;
            next += _count[slot];
        }
        // the write cursor of each slot is its start plus what was placed so far
        for (var i = 0; i < _rawCount; i++)
            _sortedRaw[_start[_slots[i]]++] = _raw[i];
        foreach (var slot in _touched) _start[slot] -= _count[slot];
        _complete = true;
    }

    private void Convert(int slot)
    {
        var line = Json.Span;
        for (int i = _start[slot], end = i + _count[slot]; i < end; i++)
        {
            var raw = _sortedRaw[i];
            _sorted[i] = raw.Kind switch
            {
                FieldKind.String => FieldValue.FromString(raw.Escaped ? Unescape(line, raw) : Encoding.UTF8.GetString(line.Slice(raw.Start, raw.Length))),
                FieldKind.Number => FieldValue.FromNumber(Encoding.UTF8.GetString(line.Slice(raw.Start, raw.Length))),
                FieldKind.Boolean => FieldValue.FromBoolean(raw.Start == 1),
                _ => FieldValue.Object,
            };
        }
        _converted[slot] = _generation;
    }

    // the string token with its quotes is a JSON document of its own
    private static string Unescape(ReadOnlySpan<byte> line, RawValue raw)
    {
        var reader = new Utf8JsonReader(line.Slice(raw.Start - 1, raw.Length + 2));
        reader.Read();
        return reader.GetString()!;
    }
}
