using System.Text.Json;

namespace AzureRules.Sdk.Kusto;

/// <summary>
/// Shares the string values read from JSON events: the same user, address or category text read a
/// million times is one string. Only short strings are pooled, and the pool starts over when full,
/// so its memory is bounded whatever the input. Not thread-safe: one reader uses it.
/// </summary>
public sealed class KustoStringPool(int capacity = 1 << 16, int maxLength = 64)
{
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);

    /// <summary>The string at the reader's current token (a property name or a string value).</summary>
    public string Get(ref Utf8JsonReader reader)
    {
        if (reader.HasValueSequence || reader.ValueSpan.Length > maxLength) return reader.GetString()!;
        Span<char> chars = stackalloc char[maxLength];
        var length = reader.CopyString(chars);
        var text = chars[..length];
        var lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(text, out var shared)) return shared;
        if (_strings.Count >= capacity) _strings.Clear();
        shared = new string(text);
        _strings[shared] = shared;
        return shared;
    }
}
