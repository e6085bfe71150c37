using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using AzureRules.Sdk.Text;

namespace AzureRules.Sdk.Events;

/// <summary>
/// Reads an event line in one forward pass of a <see cref="Utf8JsonReader"/>, doing at once what
/// used to take three: the ingest checks of <see cref="EventLineCheck"/> (duplicate keys, numbers
/// beyond a double, depth), the <see cref="EventEnvelope"/> (index, id, times, table) and the field
/// values of an <see cref="EventView"/>. Property names are resolved in the field trie on their UTF-8
/// bytes; values are recorded as slices of the line. The rules of precedence are those of the
/// separate passes it replaces: a problem with the line's structure wins over one with its envelope,
/// and within each kind the first in reading order is reported.
/// One reader per thread (<see cref="ForThread"/>); it keeps its buffers from line to line.
/// </summary>
internal sealed class EventLineReader
{
    [ThreadStatic] private static EventLineReader? _forThread;

    public static EventLineReader ForThread => _forThread ??= new EventLineReader();

    private enum Role : byte
    {
        None,
        // the top-level object, whose properties may be envelope fields
        Top,
        // the object of the top-level "data_stream" property
        DataStream,
        // envelope fields: the next value is one of them
        Type, TimeGenerated, Timestamp, Index, Id, DataStreamType, DataStreamDataset, DataStreamNamespace,
        // the top-level "data_stream" property: its value, when an object, holds type, dataset and namespace
        DataStreamObject,
    }

    private const int MaxFrames = EventLineCheck.MaxDepth + 2;
    private readonly FieldNode?[] _frameNodes = new FieldNode?[MaxFrames];
    private readonly int[] _frameObjects = new int[MaxFrames]; // object number, or 0 for an array
    private readonly int[] _frameKeyStarts = new int[MaxFrames]; // keys read before the object opened
    private readonly Role[] _frameRoles = new Role[MaxFrames];
    private readonly DuplicateKeys _keys = new();
    private byte[] _name = new byte[256];
    private readonly RecentStrings _indexNames = new();

    // what one pass gathers
    private bool _checks;
    private bool _wantEnvelope;
    private EventView? _view;
    private string? _structureProblem;
    private string? _envelopeProblem;
    private string? _type, _index, _id, _dsType, _dsDataset, _dsNamespace;
    private DateTimeOffset? _timeGenerated, _timestamp;

    /// <summary>
    /// Checks and reads a line from an event source. Returns the reason it is not an event (as the
    /// run reports it), or null with its envelope, and with <paramref name="view"/> holding its fields
    /// when one is given. Lone surrogate escapes are rewritten in place first, as
    /// <see cref="EventLineCheck.Check"/> does.
    /// </summary>
    public string? Read(Memory<byte> line, EventView? view, out EventEnvelope? envelope)
    {
        envelope = null;
        if (Prepare(line.Span) is { } invalid) return invalid;
        Pass(line.Span, line, view, checks: true, wantEnvelope: true);
        if ((_structureProblem ?? _envelopeProblem) is { } problem) return problem;
        envelope = BuildEnvelope();
        return null;
    }

    /// <summary>The line's structure problem (what <see cref="EventLineCheck.Check"/> reports), reading nothing else.</summary>
    public string? Check(Span<byte> line)
    {
        if (Prepare(line) is { } invalid) return invalid;
        Pass(line, default, view: null, checks: true, wantEnvelope: false);
        return _structureProblem;
    }

    /// <summary>Loads a view from a line already checked (or trusted); throws <see cref="JsonException"/> when it is not one JSON object.</summary>
    public void LoadView(ReadOnlyMemory<byte> line, EventView view)
        => Pass(line.Span, line, view, checks: false, wantEnvelope: false);

    /// <summary>Reads the envelope of a line already checked (or trusted); throws <see cref="JsonException"/> when it is not one JSON object.</summary>
    public EventEnvelope ReadEnvelope(ReadOnlySpan<byte> line)
    {
        Pass(line, default, view: null, checks: false, wantEnvelope: true);
        return BuildEnvelope();
    }

    private static string? Prepare(Span<byte> line)
    {
        if (!Utf8.IsValid(line)) return $"not UTF-8: invalid byte at position {EventLineCheck.InvalidUtf8Position(line) + 1}";
        if (line.IndexOf("\\u"u8) >= 0 || line.IndexOf("\\U"u8) >= 0) EventLineCheck.ReplaceLoneSurrogates(line);
        return null;
    }

    private EventEnvelope BuildEnvelope() => new()
    {
        Type = _type, TimeGenerated = _timeGenerated, Index = _index, DocumentId = _id,
        DataStreamType = _dsType, DataStreamDataset = _dsDataset, DataStreamNamespace = _dsNamespace, Timestamp = _timestamp,
    };

    private void Pass(ReadOnlySpan<byte> span, ReadOnlyMemory<byte> memory, EventView? view, bool checks, bool wantEnvelope)
    {
        _checks = checks;
        _wantEnvelope = wantEnvelope;
        _view = view;
        _structureProblem = _envelopeProblem = null;
        _type = _index = _id = _dsType = _dsDataset = _dsNamespace = null;
        _timeGenerated = _timestamp = null;
        _keys.Reset();
        view?.Begin(memory);
        if (!checks)
        {
            Walk(span);
            view?.End();
            return;
        }
        try
        {
            Walk(span);
        }
        catch (JsonException ex)
        {
            _structureProblem ??= "not a JSON event: " + EventLineCheck.Describe(ex);
        }
        if (_structureProblem is null) view?.End();
    }

    /// <summary>
    /// The pass itself: every token once, with a stack of frames (the trie node of each open object or
    /// array, and its envelope role). Depth is bounded by the reader's <see cref="EventLineCheck.MaxDepth"/>.
    /// Returns early, with <see cref="_structureProblem"/> set, at the first structure problem.
    /// </summary>
    private void Walk(ReadOnlySpan<byte> line)
    {
        var reader = new Utf8JsonReader(line, EventLineCheck.ReaderOptions);
        var depth = -1; // index of the innermost open frame
        var objects = 0;
        FieldNode? pendingNode = null;
        var pendingRole = Role.None;
        var readingView = _view is not null;

        if (!reader.Read()) { NotAnObject(); return; }
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            NotAnObject();
            readingView = false;
        }
        do
        {
            var token = reader.TokenType;
            if (token == JsonTokenType.PropertyName)
            {
                var name = Name(ref reader, out var start);
                if (_checks && !_keys.Add(_frameObjects[depth], _frameKeyStarts[depth], name, line, start))
                {
                    _structureProblem = $"duplicate key '{ConsoleText.Escape(reader.GetString())}' (at byte {reader.TokenStartIndex + 1})";
                    return;
                }
                pendingNode = _frameNodes[depth]?.Descendant(name);
                pendingRole = _frameRoles[depth] switch
                {
                    Role.Top when _wantEnvelope => TopLevelRole(name),
                    Role.DataStream => DataStreamRole(name),
                    _ => Role.None,
                };
                continue;
            }
            if (token is JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                depth--;
                continue;
            }

            // a value: of the pending property in an object, or an element of an array (the array's field)
            FieldNode? node;
            Role role;
            if (depth < 0) { node = readingView ? FieldTable.Root : null; role = Role.Top; }
            else if (_frameObjects[depth] == 0) { node = _frameNodes[depth]; role = Role.None; }
            else { node = pendingNode; role = pendingRole; }
            pendingNode = null;
            pendingRole = Role.None;
            if (depth < 0 && token != JsonTokenType.StartObject) role = Role.None;

            switch (token)
            {
                case JsonTokenType.StartObject:
                    if (node is { Slot: >= 0 }) _view!.AddObject(node.Slot);
                    depth++;
                    _frameNodes[depth] = node is { HasChildren: true } ? node : null;
                    _frameObjects[depth] = ++objects;
                    _frameKeyStarts[depth] = _keys.Count;
                    _frameRoles[depth] = role switch
                    {
                        Role.Top => Role.Top,
                        Role.DataStreamObject => Role.DataStream,
                        _ => Role.None,
                    };
                    if (role is not (Role.Top or Role.DataStreamObject)) SetEnvelope(role, null);
                    break;
                case JsonTokenType.StartArray:
                    depth++;
                    _frameNodes[depth] = node;
                    _frameObjects[depth] = 0;
                    _frameRoles[depth] = Role.None;
                    if (role != Role.DataStreamObject) SetEnvelope(role, null);
                    break;
                case JsonTokenType.String:
                    if (node is { Slot: >= 0 }) _view!.AddString(node.Slot, (int)reader.TokenStartIndex + 1, reader.ValueSpan.Length, reader.ValueIsEscaped);
                    if (role != Role.None) ReadEnvelopeString(ref reader, role);
                    break;
                case JsonTokenType.Number:
                    if (_checks && !SurelyFinite(reader.ValueSpan) && (!reader.TryGetDouble(out var number) || !double.IsFinite(number)))
                    {
                        _structureProblem = $"number {ConsoleText.Escape(Encoding.UTF8.GetString(reader.ValueSpan))} is beyond the range of a double (at byte {reader.TokenStartIndex + 1})";
                        return;
                    }
                    if (node is { Slot: >= 0 }) _view!.AddNumber(node.Slot, (int)reader.TokenStartIndex, reader.ValueSpan.Length);
                    if (role is Role.TimeGenerated or Role.Timestamp) ReadEpochTime(ref reader, role);
                    else SetEnvelope(role, null);
                    break;
                case JsonTokenType.True:
                case JsonTokenType.False:
                    if (node is { Slot: >= 0 }) _view!.AddBoolean(node.Slot, token == JsonTokenType.True);
                    SetEnvelope(role, null);
                    break;
                default: // null is absence, as in Elasticsearch
                    SetEnvelope(role, null);
                    break;
            }
        }
        while (reader.Read());
    }

    /// <summary>
    /// A JSON number without an exponent and with at most 308 characters is below 10^308, within a
    /// double's range: only the others need parsing to know.
    /// </summary>
    private static bool SurelyFinite(ReadOnlySpan<byte> number) => number.Length <= 308 && number.IndexOfAny((byte)'e', (byte)'E') < 0;

    /// <summary>The property name's UTF-8 bytes: a slice of the line, or unescaped into a buffer (<paramref name="start"/> −1).</summary>
    private ReadOnlySpan<byte> Name(ref Utf8JsonReader reader, out int start)
    {
        if (!reader.ValueIsEscaped)
        {
            start = (int)reader.TokenStartIndex + 1;
            return reader.ValueSpan;
        }
        start = -1;
        if (_name.Length < reader.ValueSpan.Length) _name = new byte[reader.ValueSpan.Length];
        return _name.AsSpan(0, reader.CopyString(_name));
    }

    private static Role TopLevelRole(ReadOnlySpan<byte> name) => name.Length switch
    {
        4 when name.SequenceEqual("Type"u8) => Role.Type,
        13 when name.SequenceEqual("TimeGenerated"u8) => Role.TimeGenerated,
        10 when name.SequenceEqual("@timestamp"u8) => Role.Timestamp,
        6 when name.SequenceEqual("_index"u8) => Role.Index,
        3 when name.SequenceEqual("_id"u8) => Role.Id,
        16 when name.SequenceEqual("data_stream.type"u8) => Role.DataStreamType,
        19 when name.SequenceEqual("data_stream.dataset"u8) => Role.DataStreamDataset,
        21 when name.SequenceEqual("data_stream.namespace"u8) => Role.DataStreamNamespace,
        11 when name.SequenceEqual("data_stream"u8) => Role.DataStreamObject,
        _ => Role.None,
    };

    private static Role DataStreamRole(ReadOnlySpan<byte> name)
        => name.SequenceEqual("type"u8) ? Role.DataStreamType
            : name.SequenceEqual("dataset"u8) ? Role.DataStreamDataset
            : name.SequenceEqual("namespace"u8) ? Role.DataStreamNamespace
            : Role.None;

    /// <summary>An envelope field given a value that is not its kind (or JSON null): it is absent.</summary>
    private void SetEnvelope(Role role, string? text)
    {
        switch (role)
        {
            case Role.Type: _type = text; break;
            case Role.Index: _index = text; break;
            case Role.Id: _id = text; break;
            case Role.DataStreamType: _dsType = text; break;
            case Role.DataStreamDataset: _dsDataset = text; break;
            case Role.DataStreamNamespace: _dsNamespace = text; break;
            case Role.TimeGenerated: _timeGenerated = null; break;
            case Role.Timestamp: _timestamp = null; break;
        }
    }

    private void ReadEnvelopeString(ref Utf8JsonReader reader, Role role)
    {
        switch (role)
        {
            case Role.TimeGenerated or Role.Timestamp:
                var time = ReadTime(ref reader);
                if (role == Role.Timestamp) _timestamp = time;
                else _timeGenerated = time;
                break;
            // indices and tables repeat from event to event: one string for each
            case Role.Index or Role.Type or Role.DataStreamType or Role.DataStreamDataset or Role.DataStreamNamespace when !reader.ValueIsEscaped:
                SetEnvelope(role, _indexNames.Get(reader.ValueSpan));
                break;
            default:
                SetEnvelope(role, reader.GetString());
                break;
        }
    }

    private DateTimeOffset? ReadTime(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped && Rfc3339.TryParse(reader.ValueSpan, out var fast)) return fast;
        var text = reader.GetString()!;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
            return time;
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var millis))
            return FromEpochMilliseconds(millis, text);
        EnvelopeProblem($"'{text}' is not a date and time");
        return null;
    }

    // epoch milliseconds, as Elasticsearch's default date format accepts
    private void ReadEpochTime(ref Utf8JsonReader reader, Role role)
    {
        DateTimeOffset? time = null;
        if (!reader.TryGetInt64(out var epoch))
            EnvelopeProblem($"{Encoding.UTF8.GetString(reader.ValueSpan)} is not a date and time in epoch milliseconds");
        else
            time = FromEpochMilliseconds(epoch, epoch.ToString(CultureInfo.InvariantCulture));
        if (role == Role.Timestamp) _timestamp = time;
        else _timeGenerated = time;
    }

    // years 0001 to 9999, as DateTimeOffset (and Elasticsearch's date type in practice) holds them
    private DateTimeOffset? FromEpochMilliseconds(long millis, string text)
    {
        if (millis >= DateTimeOffset.MinValue.ToUnixTimeMilliseconds() && millis <= DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
            return DateTimeOffset.FromUnixTimeMilliseconds(millis);
        EnvelopeProblem($"{text} is beyond the dates epoch milliseconds can give (years 1 to 9999)");
        return null;
    }

    /// <summary>A line that is not one JSON object is no event: the envelope's problem when checking, else thrown.</summary>
    private void NotAnObject()
    {
        const string message = "an event must be a JSON object";
        if (!_checks) throw new JsonException(message);
        EnvelopeProblem(message);
    }

    /// <summary>
    /// The first envelope problem in reading order. A checking pass keeps reading, since a structure
    /// problem later in the line is the one reported; otherwise it is thrown, as the envelope reader did.
    /// </summary>
    private void EnvelopeProblem(string message)
    {
        if (!_wantEnvelope) return;
        if (!_checks) throw new JsonException(message);
        _envelopeProblem ??= "not a JSON event: " + EventLineCheck.Describe(new JsonException(message));
    }
}

/// <summary>Strings read again and again (index names, tables): the last few, by their UTF-8 bytes.</summary>
internal sealed class RecentStrings
{
    private readonly (byte[] Bytes, string Text)?[] _entries = new (byte[], string)?[16];
    private int _next;

    public string Get(ReadOnlySpan<byte> utf8)
    {
        foreach (var entry in _entries)
            if (entry is { } e && utf8.SequenceEqual(e.Bytes)) return e.Text;
        var text = Encoding.UTF8.GetString(utf8);
        _entries[_next] = (utf8.ToArray(), text);
        _next = (_next + 1) % _entries.Length;
        return text;
    }
}
