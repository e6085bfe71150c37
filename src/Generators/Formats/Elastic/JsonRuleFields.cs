using System.Collections.Generic;
using AzureRules.Generators.Formats.Json;

namespace AzureRules.Generators.Formats.Elastic;

/// <summary>Turns a JSON object into <see cref="FieldObject"/>s for the Elastic rule builder.</summary>
internal static class JsonRuleFields
{
    public static FieldObject FromObject(JsonObject json)
    {
        // a missing field is reported at the object's opening brace, not across the whole object
        var braceEnd = new Diagnostics.SourcePosition(json.Start.Offset + 1, json.Start.Line, json.Start.Column + 1);
        var obj = new FieldObject(json.Start, json.End, new SourceSpanAnchor(json.Start, braceEnd));
        foreach (var property in json.Properties)
        {
            if (property.Value is JsonNull) continue; // Kibana writes null for "not set"
            obj.Set(property.Name, FromNode(property.Value));
        }
        return obj;
    }

    public static FieldValue FromNode(JsonNode node) => node switch
    {
        JsonString s => FieldValue.String(s.Value, s.Map, s.Start, s.End),
        JsonNumber n when n.TryGetInt64(out var integer) => FieldValue.FromInteger(integer, n.Text, n.Start, n.End),
        JsonNumber n => FieldValue.Scalar(FieldKind.Float, n.Text, n.Start, n.End),
        JsonBoolean b => FieldValue.Scalar(FieldKind.Boolean, b.ToString(), b.Start, b.End),
        JsonArray a => FieldValue.Array(Items(a), a.Start, a.End),
        JsonObject o => FieldValue.FromObject(FromObject(o)),
        _ => FieldValue.Scalar(FieldKind.Other, node.ToString() ?? "", node.Start, node.End),
    };

    private static List<FieldValue> Items(JsonArray array)
    {
        var items = new List<FieldValue>(array.Items.Count);
        foreach (var item in array.Items)
        {
            if (item is not JsonNull) items.Add(FromNode(item));
        }
        return items;
    }
}
