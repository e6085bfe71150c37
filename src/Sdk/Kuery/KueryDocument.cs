using System.Buffers;
using System.Globalization;
using System.Text.Json;
using AzureRules.Sdk.Events;

namespace AzureRules.Sdk.Kuery;

/// <summary>
/// The Kibana KQL queries that need the whole event rather than declared fields: nested queries
/// (each object of a field on its own), free text (any field) and wildcard field names that no known
/// field matched (the event's own field names). They read the event's JSON again; they allocate nothing
/// per value (strings are compared in stack buffers), but a nested query loads each object it visits
/// into a reused <see cref="EventView"/>.
/// </summary>
public static class KueryDocument
{
    private const int MaxDepth = 64;

    [ThreadStatic] private static EventView[]? t_nestedViews;
    [ThreadStatic] private static int t_nestedDepth;

    // ---- nested: field:{ query } -------------------------------------------------------------------

    /// <summary>
    /// True when one object under <paramref name="path"/> (an object, or an array of them, dotted or
    /// nested keys alike) satisfies <paramref name="query"/> on its own, so conditions on two fields of
    /// the same array element are not satisfied by two different elements.
    /// </summary>
    public static bool Nested(EventView e, string path, Func<EventView, bool> query)
    {
        if (e.Json.IsEmpty || t_nestedDepth >= MaxDepth) return false;
        var reader = new Utf8JsonReader(e.Json.Span);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return false;
        t_nestedDepth++;
        try
        {
            return SearchObject(ref reader, e.Json, path.AsSpan(), query);
        }
        finally
        {
            t_nestedDepth--;
        }
    }

    private static bool SearchObject(ref Utf8JsonReader reader, ReadOnlyMemory<byte> json, ReadOnlySpan<char> path, Func<EventView, bool> query)
    {
        Span<char> buffer = stackalloc char[256];
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var nameLength = reader.HasValueSequence ? (int)reader.ValueSequence.Length : reader.ValueSpan.Length;
            ReadOnlySpan<char> name = nameLength <= buffer.Length ? buffer[..reader.CopyString(buffer)] : reader.GetString().AsSpan();
            reader.Read();
            if (path.SequenceEqual(name))
            {
                if (Visit(ref reader, json, query)) return true;
            }
            else if (path.Length > name.Length && path[name.Length] == '.' && path.StartsWith(name))
            {
                if (SearchValue(ref reader, json, path[(name.Length + 1)..], query)) return true;
            }
            else reader.Skip();
        }
        return false;
    }

    private static bool SearchValue(ref Utf8JsonReader reader, ReadOnlyMemory<byte> json, ReadOnlySpan<char> path, Func<EventView, bool> query)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                return SearchObject(ref reader, json, path, query);
            case JsonTokenType.StartArray:
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (SearchValue(ref reader, json, path, query)) return true;
                }
                return false;
            default:
                return false;
        }
    }

    private static bool Visit(ref Utf8JsonReader reader, ReadOnlyMemory<byte> json, Func<EventView, bool> query)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                var end = (int)reader.BytesConsumed;
                var views = t_nestedViews ??= new EventView[MaxDepth + 1];
                var view = views[t_nestedDepth] ??= new EventView();
                view.Load(json[start..end]);
                return query(view);
            case JsonTokenType.StartArray:
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (Visit(ref reader, json, query)) return true;
                }
                return false;
            default:
                reader.Skip();
                return false;
        }
    }

    // ---- free text and field-name patterns ---------------------------------------------------------

    /// <summary>
    /// Free text (a value without a field; Kibana searches every field with it). A string value
    /// matches when it equals the value (or the wildcard matches the whole string) — a keyword field —
    /// or when the analysed terms match as they would in a text field (quoted: the phrase; unquoted:
    /// any term; wildcard: any term). Numbers and booleans compare as <see cref="KueryValue"/> does.
    /// Since a raw event does not say which strings are text, both readings are tried.
    /// </summary>
    public static bool FreeText(EventView e, KueryValue value, KueryText? text, KueryPattern? termPattern)
        => Walk(e, fieldPattern: null, value, text, termPattern);

    /// <summary>A wildcard field name no known field matched: tried against the event's own dotted field names.</summary>
    public static bool AnyField(EventView e, KueryPattern fieldPattern, KueryValue value)
        => Walk(e, fieldPattern, value, text: null, termPattern: null);

    private static bool Walk(EventView e, KueryPattern? fieldPattern, KueryValue value, KueryText? text, KueryPattern? termPattern)
    {
        if (e.Json.IsEmpty) return false;
        var reader = new Utf8JsonReader(e.Json.Span);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return false;
        var path = ArrayPool<char>.Shared.Rent(512);
        try
        {
            var leaf = new LeafMatcher(fieldPattern, value, text, termPattern);
            return leaf.Object(ref reader, ref path, 0);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(path);
        }
    }

    private readonly struct LeafMatcher(KueryPattern? fieldPattern, KueryValue value, KueryText? text, KueryPattern? termPattern)
    {
        public bool Object(ref Utf8JsonReader reader, ref char[] path, int length)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var nameLength = reader.HasValueSequence ? (int)reader.ValueSequence.Length : reader.ValueSpan.Length;
                var needed = length + 1 + nameLength;
                if (needed > path.Length)
                {
                    var larger = ArrayPool<char>.Shared.Rent(needed * 2);
                    path.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<char>.Shared.Return(path);
                    path = larger;
                }
                var at = length;
                if (length > 0) path[at++] = '.';
                at += reader.CopyString(path.AsSpan(at));
                reader.Read();
                if (Value(ref reader, ref path, at)) return true;
            }
            return false;
        }

        private bool Value(ref Utf8JsonReader reader, ref char[] path, int length)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    return Object(ref reader, ref path, length);
                case JsonTokenType.StartArray:
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        if (Value(ref reader, ref path, length)) return true;
                    }
                    return false;
                case JsonTokenType.String:
                case JsonTokenType.Number:
                case JsonTokenType.True:
                case JsonTokenType.False:
                    if (fieldPattern is not null && !fieldPattern.IsMatch(path.AsSpan(0, length))) return false;
                    return Scalar(ref reader);
                default:
                    return false;
            }
        }

        private bool Scalar(ref Utf8JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.True:
                    return value.MatchesBoolean(true);
                case JsonTokenType.False:
                    return value.MatchesBoolean(false);
                case JsonTokenType.Number:
                {
                    Span<char> digits = stackalloc char[64];
                    var raw = reader.ValueSpan;
                    if (raw.Length > digits.Length) return false;
                    for (var i = 0; i < raw.Length; i++) digits[i] = (char)raw[i];
                    var literal = digits[..raw.Length];
                    return double.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                        && value.MatchesNumber(number, literal);
                }
                default:
                {
                    var length = reader.HasValueSequence ? (int)reader.ValueSequence.Length : reader.ValueSpan.Length;
                    char[]? rented = null;
                    Span<char> buffer = length <= 256 ? stackalloc char[256] : (rented = ArrayPool<char>.Shared.Rent(length));
                    try
                    {
                        var s = buffer[..reader.CopyString(buffer)];
                        if (value.MatchesString(s)) return true;
                        if (text is not null && text.IsMatch(s)) return true;
                        return termPattern is not null && KueryText.AnyTermMatches(s, termPattern);
                    }
                    finally
                    {
                        if (rented is not null) ArrayPool<char>.Shared.Return(rented);
                    }
                }
            }
        }
    }
}
