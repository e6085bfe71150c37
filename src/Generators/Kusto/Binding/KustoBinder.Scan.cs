using System.Collections.Generic;
using AzureRules.Generators.Kusto.Symbols;
using AzureRules.Generators.Kusto.Syntax;

namespace AzureRules.Generators.Kusto.Binding;

// scan: the declared columns, the steps' conditions and assignments, the output schema.
internal sealed partial class KustoBinder
{
    /// <summary>
    /// scan: the input's columns, the declared ones (a declared name replaces an input column in place), then the
    /// match id column. Steps read the current record and, as <c>Step.Column</c>, each step's state: each step
    /// name is bound as a dynamic column of the steps' row, so <c>s1.x</c> binds as a member of it.
    /// </summary>
    private TableSchema Scan(TableSchema input, ScanOperator scan, Scope scope)
    {
        var declared = new List<ColumnSymbol>();
        foreach (var declaration in scan.Declarations)
        {
            if (declaration.Default is { } fallback) BindScalar(fallback, scope, RowContext.None);
            var type = declaration.Type is TypeExpression t && ScalarTypes.TryParse(t.Name, out var parsed) ? parsed : ScalarType.Unknown;
            declared.Add(new ColumnSymbol(declaration.Name.Name, type));
        }
        var record = Concat(input, TableSchema.Of(declared), replace: true);
        var stepColumns = new List<ColumnSymbol>();
        foreach (var step in scan.Steps) stepColumns.Add(new ColumnSymbol(step.Name.Name, ScalarType.Dynamic));
        var row = new RowContext(Concat(record, TableSchema.Of(stepColumns), replace: true));
        foreach (var step in scan.Steps)
        {
            BindPredicate(step.Condition, "scan", scope, row);
            foreach (var assignment in step.Assignments)
            {
                BindScalar(assignment.Value, scope, row);
                if (!record.Contains(assignment.Name.Name)) ReportMissingColumn(TableSchema.Of(declared), assignment.Name.Span, assignment.Name.Name);
            }
        }
        _model.Reads.ReadAll(input); // a step's state holds whole records
        if (scan.ParameterText("with_match_id") is not { } matchId) return record;
        return Concat(record, TableSchema.Of(new[] { new ColumnSymbol(matchId, ScalarType.Long) }), replace: true);
    }
}
