using System.Collections.Immutable;
using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Model;

namespace AzureRules.Generators.Formats.Elastic;

// threat: [{ framework, tactic { id, name, reference }, technique [{ id, …, subtechnique [{ id, … }] }] }]
internal sealed partial class ElasticRuleBuilder
{
    /// <summary>One <see cref="ThreatMapping"/> per threat entry: its tactic, then techniques and sub-techniques (dotted ids).</summary>
    private EquatableArray<ThreatMapping> ReadThreat()
    {
        var threat = _rule["threat"];
        if (threat is null || !ExpectKind(threat, "threat", FieldKind.Array)) return EquatableArray<ThreatMapping>.Empty;
        var mappings = ImmutableArray.CreateBuilder<ThreatMapping>();
        foreach (var entry in threat.Items)
        {
            if (!ExpectKind(entry, "threat", FieldKind.Object)) continue;
            var obj = entry.Object!;
            var tactics = ImmutableArray.CreateBuilder<Located<string>>();
            var tactic = obj["tactic"];
            if (tactic is null) Report(DiagnosticDescriptors.MissingField, obj.Anchor.In(_path), "threat.tactic");
            else if (ExpectKind(tactic, "threat.tactic", FieldKind.Object) && ReadId(tactic.Object!, "threat.tactic.id") is { } tacticId)
                tactics.Add(tacticId);

            var techniques = ImmutableArray.CreateBuilder<Located<string>>();
            ReadTechniques(obj["technique"], "threat.technique", "threat.technique.subtechnique", techniques);
            mappings.Add(new ThreatMapping(tactics.ToImmutable(), techniques.ToImmutable()));
        }
        return mappings.ToImmutable();
    }

    private void ReadTechniques(FieldValue? list, string name, string? childName, ImmutableArray<Located<string>>.Builder into)
    {
        if (list is null || !ExpectKind(list, name, FieldKind.Array)) return;
        foreach (var item in list.Items)
        {
            if (!ExpectKind(item, name, FieldKind.Object)) continue;
            if (ReadId(item.Object!, name + ".id") is { } id) into.Add(id);
            if (childName is not null) ReadTechniques(item.Object!["subtechnique"], childName, null, into);
        }
    }

    private Located<string>? ReadId(FieldObject obj, string name)
    {
        var id = obj["id"];
        if (id is null)
        {
            Report(DiagnosticDescriptors.MissingField, obj.Anchor.In(_path), name);
            return null;
        }
        return ExpectKind(id, name, FieldKind.String) ? new Located<string>(id.Text, id.SpanIn(_path)) : null;
    }
}
