using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AzureRules.Sdk.Text;

/// <summary>
/// JSON output that stays valid JSON whatever the strings hold: a lone UTF-16 surrogate (from an
/// event, or from a Kusto <c>substring</c> that split a pair) cannot be written as UTF-8, so it
/// becomes U+FFFD instead of an exception that would lose every alert after it.
/// </summary>
public static class JsonText
{
    public static string Write(JsonNode node, JsonSerializerOptions options)
    {
        try
        {
            return node.ToJsonString(options);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return Clean(node)!.ToJsonString(options);
        }
    }

    /// <summary>A copy of the node with every lone surrogate in keys and strings replaced by U+FFFD.</summary>
    public static JsonNode? Clean(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(ReplaceLoneSurrogates(p.Key), Clean(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Clean)]),
        JsonValue v when v.TryGetValue<string>(out var s) => JsonValue.Create(ReplaceLoneSurrogates(s)),
        _ => node.DeepClone(),
    };

    public static string ReplaceLoneSurrogates(string text)
    {
        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var paired = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            if (paired)
            {
                builder?.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }
            if (char.IsSurrogate(c))
            {
                builder ??= new StringBuilder(text.Length).Append(text, 0, i);
                builder.Append('\uFFFD');
            }
            else builder?.Append(c);
        }
        return builder?.ToString() ?? text;
    }
}
