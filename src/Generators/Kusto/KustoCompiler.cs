using System.Linq;
using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Emit;
using AzureRules.Generators.Kusto.Emit;
using AzureRules.Generators.Kusto.Parsing;
using AzureRules.Generators.Model;

namespace AzureRules.Generators.Kusto;

/// <summary>
/// Compiles a Kusto query into the members of the rule's detection class: parse (syntax errors are the
/// parser's diagnostics), then emit <c>KustoDetection.Execute</c>. A query with syntax errors or with
/// constructs the runtime cannot execute yet is not executable, with the reason and a warning at each
/// such construct.
/// </summary>
internal static class KustoCompiler
{
    public static CompiledQuery Compile(RuleDefinition rule)
    {
        var text = rule.Query?.Text ?? "";
        var tree = KustoParser.Parse(text);
        if (tree.HasErrors)
            return CompiledQuery.NotExecutable(tree.Diagnostics, "the Kusto query has syntax errors");

        var (members, unsupported) = KustoQueryEmitter.Emit(tree);
        var diagnostics = tree.Diagnostics.Items.Concat(unsupported).ToEquatableArray();
        if (unsupported.Count > 0)
        {
            var first = unsupported[0];
            var reason = first.ToRuleDiagnostic(new QueryText(text, rule.FilePath, EquatableArray<SourceMapSegment>.Empty)).FormatMessage();
            return CompiledQuery.NotExecutable(diagnostics, reason);
        }
        return new CompiledQuery(diagnostics, KustoRuntimeNames.Detection, members, null, EquatableArray<string>.Empty);
    }
}
