using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Model;

namespace AzureRules.Generators.Formats;

/// <summary>
/// What a reader got out of one rule file: the rules in it (an NDJSON export holds many; a YAML,
/// TOML or doc page one) and the diagnostics about the file that belong to no rule (e.g. it is not
/// valid YAML at all). Diagnostics about one rule are in that rule's <see cref="RuleDefinition.Diagnostics"/>.
/// </summary>
internal sealed record RuleFile(string Path, EquatableArray<RuleDefinition> Rules, EquatableArray<RuleDiagnostic> Diagnostics)
{
    public static RuleFile Failed(string path, RuleDiagnostic diagnostic)
        => new(path, EquatableArray<RuleDefinition>.Empty, System.Collections.Immutable.ImmutableArray.Create(diagnostic));

    public static RuleFile Single(string path, RuleDefinition rule)
        => new(path, System.Collections.Immutable.ImmutableArray.Create(rule), EquatableArray<RuleDiagnostic>.Empty);
}
