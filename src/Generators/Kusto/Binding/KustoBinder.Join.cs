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
        var kind = BoundJoin.ParseKind(join.Kind, JoinKind.InnerUnique);
        _model.AddJoin(_instance, join, Keys(kind, join.Kind, join.On));
        switch (kind)
        {
            case JoinKind.LeftAnti or JoinKind.LeftSemi:
                return left;
            case JoinKind.RightAnti or JoinKind.RightSemi:
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
        var kindText = lookup.ParameterText("kind");
        _model.AddJoin(_instance, lookup, Keys(BoundJoin.ParseKind(kindText, JoinKind.LeftOuter), kindText, lookup.On));
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
                if (left.Find(key.Name) is { } leftColumn) _model.Reads.Read(leftColumn);
                if (right.Find(key.Name) is { } rightColumn) _model.Reads.Read(rightColumn);
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

    private static BoundJoin Keys(JoinKind? kind, string? kindText, IEnumerable<Expression> conditions)
    {
        var left = new List<string>();
        var right = new List<string>();
        var equalities = EqualityKeys(conditions, left, right) && left.Count > 0;
        return new BoundJoin(kind, kindText, equalities ? left : null, equalities ? right : null);
    }

    /// <summary>The key columns of <c>on A, $left.B == $right.C</c> (and-ed or listed); false for any other condition.</summary>
    private static bool EqualityKeys(IEnumerable<Expression> conditions, List<string> left, List<string> right)
    {
        foreach (var condition in conditions)
        {
            var c = condition;
            while (c is ParenthesizedExpression p) c = p.Expression;
            switch (c)
            {
                case NameReference name:
                    left.Add(name.Name);
                    right.Add(name.Name);
                    break;
                case BinaryExpression { Operator: BinaryOperatorKind.Equal } equal
                    when Side(equal.Left) is { } a && Side(equal.Right) is { } b && a.Side != b.Side:
                    left.Add(a.Side == "$left" ? a.Column : b.Column);
                    right.Add(a.Side == "$left" ? b.Column : a.Column);
                    break;
                case BinaryExpression { Operator: BinaryOperatorKind.And } and:
                    if (!EqualityKeys(new[] { and.Left, and.Right }, left, right)) return false;
                    break;
                default:
                    return false;
            }
        }
        return true;
    }

    private static (string Side, string Column)? Side(Expression expression)
        => expression is PathExpression { Target: NameReference { Name: "$left" or "$right" } side } path ? (side.Name, path.Member.Name) : null;
}
