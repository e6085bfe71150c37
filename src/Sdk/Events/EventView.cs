using System.Buffers;
using System.Text.Json;

namespace AzureRules.Sdk.Events;

/// <summary>
/// The fields of one JSON event that loaded rules read, by slot (see <see cref="FieldTable"/>).
/// A view is reused from event to event by its reader, so a compiled rule reads it during
/// <c>Matches</c> and keeps nothing of it.
/// </summary>
public sealed class EventView
{
    private FieldValue[] _values = new FieldValue[64];
    private int _valueCount;
    // per slot: where its values start in _sorted and how many there are (0 = absent)
    private int[] _start = new int[64];
    private int[] _count = new int[64];
    private int[] _slots = new int[64];
    private readonly List<int> _touched = [];
    private FieldValue[] _sorted = new FieldValue[64];

    /// <summary>The event's JSON text, for alerts and for paths no rule declared in advance.</summary>
    public ReadOnlyMemory<byte> Json { get; private set; }

    /// <summary>All values of the field in the slot: none when absent, several for an array.</summary>
    public ReadOnlySpan<FieldValue> Values(int slot)
        => slot < _count.Length && _count[slot] > 0 ? new ReadOnlySpan<FieldValue>(_sorted, _start[slot], _count[slot]) : default;

    public bool Exists(int slot) => slot < _count.Length && _count[slot] > 0;

    /// <summary>The first value of a field, or <see cref="FieldValue.Null"/> when absent.</summary>
    public FieldValue First(int slot) => Exists(slot) ? _sorted[_start[slot]] : FieldValue.Null;

    /// <summary>Reads an event. Throws <see cref="JsonException"/> when the line is not one JSON object.</summary>
    public void Load(ReadOnlyMemory<byte> json)
    {
        Reset();
        Json = json;
        var reader = new Utf8JsonReader(json.Span, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            throw new JsonException("an event must be a JSON object");
        ReadObject(ref reader, FieldTable.Root);
        if (reader.Read())
            throw new JsonException("unexpected text after the event's closing brace");
        Index();
    }

    private void Reset()
    {
        foreach (var slot in _touched) _count[slot] = 0;
        _touched.Clear();
        _valueCount = 0;
        var size = FieldTable.Count;
        if (_count.Length < size)
        {
            Array.Resize(ref _count, Math.Max(size, _count.Length * 2));
            Array.Resize(ref _start, _count.Length);
        }
    }

    private void ReadObject(ref Utf8JsonReader reader, FieldNode node)
    {
        Span<char> buffer = stackalloc char[256];
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var child = ResolveProperty(ref reader, node, buffer);
            reader.Read();
            if (child is null) reader.Skip();
            else ReadValue(ref reader, child);
        }
    }

    /// <summary>Walks the trie by the property name; a dotted name walks one node per segment.</summary>
    private static FieldNode? ResolveProperty(ref Utf8JsonReader reader, FieldNode node, scoped Span<char> buffer)
    {
        var length = reader.HasValueSequence ? (int)reader.ValueSequence.Length : reader.ValueSpan.Length;
        char[]? rented = null;
        var chars = length <= buffer.Length ? buffer : (rented = ArrayPool<char>.Shared.Rent(length));
        try
        {
            var name = chars[..reader.CopyString(chars)];
            FieldNode? current = node;
            while (current is not null)
            {
                var dot = name.IndexOf('.');
                if (dot < 0) return current.Child(name);
                current = current.Child(name[..dot]);
                name = name[(dot + 1)..];
            }
            return null;
        }
        finally
        {
            if (rented is not null) ArrayPool<char>.Shared.Return(rented);
        }
    }

    private void ReadValue(ref Utf8JsonReader reader, FieldNode node)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                if (node.Slot >= 0) Add(node.Slot, FieldValue.Object);
                if (node.HasChildren) ReadObject(ref reader, node);
                else reader.Skip();
                break;
            case JsonTokenType.StartArray:
                // Elasticsearch flattens arrays: every element is a value of the same field
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    ReadValue(ref reader, node);
                break;
            case JsonTokenType.String:
                if (node.Slot >= 0) Add(node.Slot, FieldValue.FromString(reader.GetString()!));
                break;
            case JsonTokenType.Number:
                if (node.Slot >= 0) Add(node.Slot, FieldValue.FromNumber(System.Text.Encoding.UTF8.GetString(reader.ValueSpan)));
                break;
            case JsonTokenType.True:
            case JsonTokenType.False:
                if (node.Slot >= 0) Add(node.Slot, FieldValue.FromBoolean(reader.TokenType == JsonTokenType.True));
                break;
            // null is absence, as in Elasticsearch
        }
    }

    private void Add(int slot, FieldValue value)
    {
        if (_valueCount == _values.Length)
        {
            Array.Resize(ref _values, _values.Length * 2);
            Array.Resize(ref _slots, _values.Length);
        }
        _values[_valueCount] = value;
        _slots[_valueCount] = slot;
        _valueCount++;
        if (_count[slot]++ == 0) _touched.Add(slot);
    }

    /// <summary>Lays each slot's values side by side (a counting sort), so a field's values are one span.</summary>
    private void Index()
    {
        if (_sorted.Length < _valueCount) _sorted = new FieldValue[_values.Length];
        var next = 0;
        foreach (var slot in _touched)
        {
            _start[slot] = next;
            next += _count[slot];
        }
        // the write cursor of each slot is its start plus what was placed so far
        for (var i = 0; i < _valueCount; i++)
        {
            var slot = _slots[i];
            _sorted[_start[slot]++] = _values[i];
        }
        foreach (var slot in _touched) _start[slot] -= _count[slot];
    }
}
