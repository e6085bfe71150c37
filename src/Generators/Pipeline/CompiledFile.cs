using System.Collections.Immutable;
using System.Linq;
using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Emit;
using AzureRules.Generators.Formats;
using AzureRules.Generators.Model;

namespace AzureRules.Generators.Pipeline;

/// <summary>One rule file after reading and compiling: its rules and every diagnostic about it.</summary>
internal sealed record CompiledFile(string Path, EquatableArray<CompiledRule> Rules, EquatableArray<RuleDiagnostic> Diagnostics)
{
    public static CompiledFile From(string path, string relativePath, string text, Project.CustomSchemas? schemas = null)
    {
        var file = RuleFileReader.Read(path, text);
        var rules = file.Rules.Select(rule => RuleCompilation.Compile(rule, relativePath, schemas)).ToImmutableArray();
        var diagnostics = file.Diagnostics.Concat(rules.SelectMany(r => r.Diagnostics)).ToImmutableArray();
        return new CompiledFile(path, rules, diagnostics);
    }
}
