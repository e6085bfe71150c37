using System.Collections.Generic;
using AzureRules.Generators.Formats.Toml;

namespace AzureRules.Generators.Formats.Elastic;

/// <summary>Turns a TOML table into <see cref="FieldObject"/>s for the Elastic rule builder.</summary>
internal static class TomlRuleFields
{
    public static FieldObject FromTable(TomlTable table)
    {
        // tables made by a header are reported at the header; the root and inline tables at their start
        var anchor = new SourceSpanAnchor(table.Start, table.Origin is TomlTableOrigin.Header or TomlTableOrigin.ArrayElement or TomlTableOrigin.Implicit ? table.End : table.Start);
        var obj = new FieldObject(table.Start, table.End, anchor);
        foreach (var entry in table.Entries) obj.Set(entry.Key, FromNode(entry.Value));
        return obj;
    }

    public static FieldValue FromNode(TomlNode node) => node switch
    {
        TomlString s => FieldValue.String(s.Value, s.Map, s.Start, s.End),
        TomlInteger i => FieldValue.FromInteger(i.Value, i.ToString(), i.Start, i.End),
        TomlFloat f => FieldValue.Scalar(FieldKind.Float, f.ToString(), f.Start, f.End),
        TomlBoolean b => FieldValue.Scalar(FieldKind.Boolean, b.ToString(), b.Start, b.End),
        TomlArray a => FieldValue.Array(Items(a), a.Start, a.End),
        TomlTable t => FieldValue.FromObject(FromTable(t)),
        _ => FieldValue.Scalar(FieldKind.Other, node.ToString() ?? "", node.Start, node.End),
    };

    private static List<FieldValue> Items(TomlArray array)
    {
        var items = new List<FieldValue>(array.Items.Count);
        foreach (var item in array.Items) items.Add(FromNode(item));
        return items;
    }
}
