using System.Text.Json.Nodes;
using AzureRules.Sdk.Events;

namespace AzureRules.Sdk.Engine;

/// <summary>Builds the documents Elastic rule alerts carry: the source event, and fields read by dotted path.</summary>
internal static class AlertDocuments
{
    public static JsonObject Source(EventRecord record)
        => JsonNode.Parse(record.Json.Span) as JsonObject ?? [];

    /// <summary>
    /// The node at a dotted path, whether the document nests objects (<c>{"threat":{"indicator":…}}</c>)
    /// or writes dotted keys (<c>{"threat.indicator":…}</c>), as Elasticsearch treats both alike.
    /// </summary>
    public static JsonNode? At(JsonObject document, string path)
    {
        if (document.TryGetPropertyValue(path, out var direct)) return direct;
        // the longest dotted prefix that is a key, then the rest inside it
        for (var dot = path.LastIndexOf('.'); dot > 0; dot = path.LastIndexOf('.', dot - 1))
        {
            if (document.TryGetPropertyValue(path[..dot], out var inner) && inner is JsonObject child)
                return At(child, path[(dot + 1)..]);
        }
        return null;
    }

    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture);
}
