using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Model;

namespace AzureRules.Generators.Emit;

/// <summary>
/// One rule after every per-rule step (read, checked, query compiled): all the emitter needs, and
/// all diagnostics located in the rule file. Value-equatable, so an unchanged rule file is cached.
/// </summary>
/// <param name="RuleId">The id the class carries: the file's, or the name-based one.</param>
/// <param name="SourceFile">The rule file's path relative to the project, for the generated header.</param>
internal sealed record CompiledRule(
    RuleDefinition Rule,
    string RuleId,
    string SourceFile,
    CompiledQuery Query,
    EquatableArray<RuleDiagnostic> Diagnostics);
