using System.Text.Json;

namespace AzureRules.Sdk.Kusto;

/// <summary>
/// Shares the string values read from JSON events: the same user, address, category or resource id read
/// a million times is one string. Strings up to 256 characters are pooled (resource ids and scopes are
/// long and repeat), except GUIDs, which rarely repeat and would only churn the pool; the pool starts
/// over when full, so its memory is bounded whatever the input. Not thread-safe: one reader uses it.
/// </summary>
public sealed class KustoStringPool(int capacity = 1 << 16, int maxLength = 256)
{
    private const int GuidLength = 36;
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);

    /// <summary>The string at the reader's current token (a property name or a string value).</summary>
    public string Get(ref Utf8JsonReader reader)
    {
        if (reader.HasValueSequence || reader.ValueSpan.Length > maxLength || IsGuid(reader.ValueSpan)) return reader.GetString()!;
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

    /// <summary>8-4-4-4-12 hexadecimal digits (the escaped form of a GUID is longer, and pooled like any string).</summary>
    private static bool IsGuid(ReadOnlySpan<byte> utf8)
        => utf8.Length == GuidLength && utf8[8] == '-' && utf8[13] == '-' && utf8[18] == '-' && utf8[23] == '-'
           && System.Buffers.Text.Utf8Parser.TryParse(utf8, out Guid _, out var consumed, 'D') && consumed == GuidLength;
}
