using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Formats.Json;
using AzureRules.Generators.Model;

namespace AzureRules.Generators.Versioning;

/// <summary>One rule in the version lock: the version it was locked at and the content hash it had then.</summary>
internal sealed record LockEntry(string RuleId, string Name, string Version, string Sha256, SourceSpan Span);

/// <summary>
/// The version lock file, as detection-rules keeps its <c>version.lock.json</c>: an object keyed by rule
/// id, each entry <c>{ "rule_name", "sha256", "type", "version" }</c>. <c>azrules lock</c> writes it; the
/// generator compares each rule's content hash with it (AR0901/AR0902).
/// </summary>
internal static class VersionLock
{
    public static EquatableArray<LockEntry> Read(string path, JsonNode root, List<RuleDiagnostic> diagnostics)
    {
        var entries = ImmutableArray.CreateBuilder<LockEntry>();
        if (root is not JsonObject rules)
        {
            diagnostics.Add(RuleDiagnostic.Create(DiagnosticDescriptors.InvalidProjectFile, new SourceSpan(path, root.Start, root.End),
                "version lock", "expected { \"<rule id>\": { \"rule_name\": …, \"sha256\": …, \"version\": … } }"));
            return entries.ToImmutable();
        }
        foreach (var rule in rules.Properties)
        {
            var span = new SourceSpan(path, rule.Value.Start, rule.Value.End);
            if (rule.Value is JsonObject entry && entry["sha256"] is JsonString sha && entry["version"] is JsonNode version and (JsonString or JsonNumber))
            {
                var name = (entry["rule_name"] as JsonString)?.Value ?? "";
                entries.Add(new LockEntry(rule.Name, name, version.ToString() ?? "", sha.Value, span));
            }
            else
            {
                diagnostics.Add(RuleDiagnostic.Create(DiagnosticDescriptors.InvalidProjectFile, span,
                    $"version lock entry {rule.Name}", "expected { \"rule_name\": …, \"sha256\": …, \"version\": … }"));
            }
        }
        return entries.ToImmutable();
    }

    /// <summary>The locked version plus one, for a rule whose version the lock keeps: integers count up, a.b.c bumps c.</summary>
    public static string Next(string version)
    {
        if (int.TryParse(version, out var number)) return (number + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var parts = version.Split('.');
        if (parts.Length > 1 && int.TryParse(parts[parts.Length - 1], out var last))
        {
            parts[parts.Length - 1] = (last + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return string.Join(".", parts);
        }
        return version + ".1";
    }
}
