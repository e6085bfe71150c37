using System.Collections.Generic;
using System.Linq;
using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Emit;
using AzureRules.Generators.Kusto.Binding;
using AzureRules.Generators.Kusto.Emit;
using AzureRules.Generators.Kusto.Parsing;
using AzureRules.Generators.Kusto.Symbols;
using AzureRules.Generators.Kusto.Syntax;
using AzureRules.Generators.Model;
using AzureRules.Generators.Sentinel;

namespace AzureRules.Generators.Kusto;

/// <summary>
/// Compiles a Kusto query into the members of the rule's detection class: parse, bind against the
/// Sentinel workspace's tables and functions (unknown tables, columns, functions, argument counts and
/// types; the output columns, which the rule's entity mappings and custom details are checked
/// against), then emit <c>KustoDetection.Execute</c>. A query with syntax or binding errors, or with
/// constructs the runtime cannot execute yet, is not executable, with the reason and a diagnostic at
/// each such construct.
/// </summary>
internal static class KustoCompiler
{
    /// <param name="globals">The workspace's tables and functions: Sentinel's, plus the project's custom tables.</param>
    public static CompiledQuery Compile(RuleDefinition rule, KustoGlobals? globals = null)
    {
        var text = rule.Query?.Text ?? "";
        var tree = KustoParser.Parse(text);
        if (tree.HasErrors)
            return CompiledQuery.NotExecutable(tree.Diagnostics, "the Kusto query has syntax errors");

        globals ??= KustoGlobals.Sentinel;
        var bound = KustoBinder.Bind(tree, globals);
        var output = bound.Output;
        var outputColumns = output is null ? EquatableArray<string>.Empty : output.Columns.Select(c => c.Name).ToEquatableArray();
        var ruleDiagnostics = OutputColumnChecks.Check(rule, output);
        var bindErrors = bound.Diagnostics.Any(d => DiagnosticDescriptors.Get(d.Id).DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);

        if (!bound.IsComplete)
            return CompiledQuery.NotExecutable(tree.Diagnostics.Items.Concat(bound.Diagnostics).ToEquatableArray(), "the Kusto binder could not bind this query (a compiler limitation)")
                with { OutputColumns = outputColumns, RuleDiagnostics = ruleDiagnostics };

        var (members, unsupported) = KustoQueryEmitter.Emit(tree, bound.Model);
        var diagnostics = tree.Diagnostics.Items.Concat(bound.Diagnostics).Concat(unsupported).ToEquatableArray();
        string? reason = null;
        if (bindErrors)
            reason = "the Kusto query has binding errors (unknown names, wrong arguments or types)";
        else if (unsupported.Count > 0)
            reason = unsupported[0].ToRuleDiagnostic(new QueryText(text, rule.FilePath, EquatableArray<SourceMapSegment>.Empty)).FormatMessage();
        if (reason is not null)
            return CompiledQuery.NotExecutable(diagnostics, reason) with { OutputColumns = outputColumns, RuleDiagnostics = ruleDiagnostics };

        members += "\n" + KustoSchemaEmitter.Members(bound.Model.Tables, output, bound.Model.Reads.Of(bound.Model.Tables));
        return new CompiledQuery(diagnostics, KustoRuntimeNames.Detection, members, null, outputColumns) { RuleDiagnostics = ruleDiagnostics };
    }
}
