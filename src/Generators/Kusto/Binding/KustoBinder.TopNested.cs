using System.Collections.Generic;
using AzureRules.Generators.Kusto.Symbols;
using AzureRules.Generators.Kusto.Syntax;

namespace AzureRules.Generators.Kusto.Binding;

// top-nested, top-hitters and sample-distinct: their expressions and output schemas.
internal sealed partial class KustoBinder
{
    /// <summary>top-nested: per level, its value column then its aggregate's (named aggregated_Value when unnamed).</summary>
    private TableSchema TopNested(TableSchema input, TopNestedOperator topNested, Scope scope)
    {
        var row = new RowContext(input);
        var columns = new List<ColumnSymbol>();
        var ordinal = 1;
        foreach (var clause in topNested.Clauses)
        {
            if (clause.Count is { } count) BindScalar(count, scope, RowContext.None);
            if (clause.Others is { } others) BindScalar(others, scope, RowContext.None);
            var ofColumns = new List<ColumnSymbol>(ResultColumns(clause.Of, input, scope, row, ref ordinal));
            columns.AddRange(ofColumns);
            _aggregatesAllowed++;
            try
            {
                var aggregate = clause.By.Expression;
                if (aggregate is not NamedExpression && ofColumns.Count == 1)
                    aggregate = new NamedExpression(aggregate.Span, new NameDeclaration(aggregate.Span, "aggregated_" + ofColumns[0].Name), aggregate);
                columns.AddRange(AggregateColumns(aggregate, input, scope, row, ref ordinal));
            }
            finally { _aggregatesAllowed--; }
        }
        return TableSchema.Of(columns);
    }

    /// <summary>top-hitters N of Column [by Weight]: the column and approximate_count_Column (or approximate_sum_Weight).</summary>
    private TableSchema TopHitters(TableSchema input, TopHittersOperator topHitters, Scope scope)
    {
        var row = new RowContext(input);
        BindScalar(topHitters.Count, scope, RowContext.None);
        var ordinal = 1;
        var columns = new List<ColumnSymbol>(ResultColumns(topHitters.Of, input, scope, row, ref ordinal));
        var name = columns.Count == 1 ? columns[0].Name : "Column1";
        if (topHitters.By is { } by)
        {
            var type = BindScalar(by, scope, row);
            columns.Add(new ColumnSymbol("approximate_sum_" + (KustoColumnNames.Of(by) ?? "Column1"), type));
        }
        else columns.Add(new ColumnSymbol("approximate_count_" + name, ScalarType.Long));
        return TableSchema.Of(columns);
    }

    private TableSchema SampleDistinct(TableSchema input, SampleDistinctOperator sampleDistinct, Scope scope)
    {
        BindScalar(sampleDistinct.Count, scope, RowContext.None);
        var ordinal = 1;
        return TableSchema.Of(ResultColumns(sampleDistinct.Of, input, scope, new RowContext(input), ref ordinal));
    }
}
