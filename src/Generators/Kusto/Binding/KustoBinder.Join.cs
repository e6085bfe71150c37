using System.Collections.Generic;
using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Kusto.Symbols;
using AzureRules.Generators.Kusto.Syntax;

namespace AzureRules.Generators.Kusto.Binding;

// join and lookup: the right side, the on-conditions, and the combined schema.
internal sealed partial class KustoBinder
{
    /// <summary>
    /// join: semi and anti kinds return one side; the others return the left columns then the right ones,
    /// a right column whose name is taken getting the first free numeric suffix (TimeGenerated1) — also the
    /// key columns of <c>on Key</c>, which Kusto keeps from both sides.
    /// </summary>
    private TableSchema Join(TableSchema left, JoinOperator join, Scope scope)
    {
        var right = BindTabular(join.Right, scope);
        BindJoinConditions(left, right, join.On, scope);
        switch (join.Kind)
        {
            case "leftanti" or "anti" or "leftantisemi" or "leftsemi":
                return left;
            case "rightanti" or "rightantisemi" or "rightsemi":
                return right;
            default:
                return CombineSides(left, right, keys: null);
        }
    }

    /// <summary>lookup: the left columns and the right's non-key columns.</summary>
    private TableSchema Lookup(TableSchema left, LookupOperator lookup, Scope scope)
    {
        var right = BindTabular(lookup.Right, scope);
        var keys = BindJoinConditions(left, right, lookup.On, scope);
        return CombineSides(left, right, keys);
    }

    /// <summary>Binds the on-conditions and returns the names of the right side's key columns.</summary>
    private HashSet<string> BindJoinConditions(TableSchema left, TableSchema right, IEnumerable<Expression> conditions, Scope scope)
    {
        var keys = new HashSet<string>(System.StringComparer.Ordinal);
        var context = new RowContext(left, left, right);
        foreach (var condition in conditions)
        {
            if (condition is NameReference key)
            {
                keys.Add(key.Name);
                if (!left.Contains(key.Name)) ReportMissingColumn(left, key.Span, key.Name);
                else if (!right.Contains(key.Name)) ReportMissingColumn(right, key.Span, key.Name);
                continue;
            }
            if (condition is BinaryExpression { Right: PathExpression { Target: NameReference { Name: "$right" } } rightKey })
                keys.Add(rightKey.Member.Name);
            BindScalar(condition, scope, context);
        }
        return keys;
    }

    private static TableSchema CombineSides(TableSchema left, TableSchema right, HashSet<string>? keys)
    {
        var columns = new List<ColumnSymbol>(left.Columns);
        var taken = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var column in left.Columns) taken.Add(column.Name);
        foreach (var column in right.Columns)
        {
            if (keys is not null && keys.Contains(column.Name)) continue;
            var name = column.Name;
            for (var suffix = 1; taken.Contains(name); suffix++)
                name = column.Name + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
            taken.Add(name);
            columns.Add(column with { Name = name });
        }
        return TableSchema.Of(columns).Like(left, right);
    }
}
