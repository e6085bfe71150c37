using System.Collections.Generic;
using System.Linq;
using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Kusto.Syntax;
using static AzureRules.Generators.Kusto.Emit.KustoRuntimeNames;

namespace AzureRules.Generators.Kusto.Emit;

// scan (the binder's KustoBinder.Scan.cs types it; the runtime's KustoOperators.Scan.cs runs it).
internal sealed partial class KustoQueryEmitter
{
    /// <summary>
    /// scan: the declared columns with their defaults (converted to their types), and each step's condition
    /// and assignments compiled against the runtime's combined layout, where <c>Step.Column</c> (a reference
    /// to a step's state) is the column named so.
    /// </summary>
    private string Scan(ScanOperator scan, string input)
    {
        var stepNames = new HashSet<string>(scan.Steps.Select(s => s.Name.Name), System.StringComparer.Ordinal);
        var names = new List<string>();
        var types = new List<string>();
        var defaults = new List<string>();
        foreach (var declaration in scan.Declarations)
        {
            if (declaration.Type is not TypeExpression type)
                return UnsupportedTable(declaration, DiagnosticDescriptors.KustoUnsupportedConstruct, "A scan declaration without a scalar type");
            var kind = KustoLiterals.TypeOf(type.Name);
            names.Add(declaration.Name.Name);
            types.Add(kind);
            defaults.Add(declaration.Default is null ? $"{Value}.Null" : $"{Convert}.To({kind}, {Scalar(declaration.Default, null)})");
        }
        var steps = new List<string>();
        foreach (var step in scan.Steps)
        {
            if (step.Output is not (null or "all" or "none"))
                return UnsupportedTable(step, DiagnosticDescriptors.KustoUnsupportedConstruct, $"A scan step with output={step.Output}");
            var condition = StateReferences(step.Condition, stepNames);
            var values = step.Assignments.Select(a => StateReferences(a.Value, stepNames)).ToList();
            if (condition is null || values.Any(v => v is null)) return $"{Table}.Empty";
            var targets = KustoLiterals.Strings(step.Assignments.Select(a => a.Name.Name));
            steps.Add($"new {Namespace}.Operators.KustoScanStep({CSharpLiteralAlias.String(step.Name.Name)}, {(step.Output == "none" ? "false" : "true")}, {Binder(condition)}, {targets}, {MultiBinder(values!)})");
        }
        var matchId = scan.ParameterText("with_match_id");
        return TableLocal($"{Operators}.Scan({input}, {KustoLiterals.Strings(names)}, new {TypeEnum}[] {{ {string.Join(", ", types)} }}, {KustoLiterals.Array(defaults)}, " +
            $"{(matchId is null ? "null" : CSharpLiteralAlias.String(matchId))}, {KustoLiterals.Array(steps, $"{Namespace}.Operators.KustoScanStep")})");
    }

    /// <summary><c>s1.x</c>, a step's state value, as the layout's column <c>s1.x</c>.</summary>
    private Expression? StateReferences(Expression expression, HashSet<string> stepNames)
        => ReplaceNodes(expression, node => node is PathExpression { Target: NameReference step } path && stepNames.Contains(step.Name)
            ? CallReplacement.With(new NameReference(path.Span, step.Name + "." + path.Member.Name))
            : CallReplacement.Keep);
}
