using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Kusto.Syntax;
using AzureRules.Generators.Model;
using static AzureRules.Generators.Kusto.Emit.KustoRuntimeNames;

namespace AzureRules.Generators.Kusto.Emit;

internal sealed partial class KustoQueryEmitter
{
    private string Summarize(SummarizeOperator summarize, string input, KustoScope scope)
    {
        var (keyNames, keyValues) = Columns(summarize.By, "Column");
        if (keyNames is null) return UnsupportedTable(summarize, DiagnosticDescriptors.KustoUnsupportedConstruct, "This summarize by item");
        var aggregates = new List<string>();
        // items that compute over aggregates (e.g. datetime_diff('minute', max(T), min(T))) summarize
        // their aggregates into hidden columns, then compute from those
        var computed = new List<(string Name, Expression Value)>();
        var finalNames = new List<string>(keyNames);
        var unnamed = 0;
        foreach (var item in summarize.Aggregates)
        {
            var (name, value) = Named(item);
            var inner = value;
            while (inner is ParenthesizedExpression p) inner = p.Expression;
            if (item is not TupleNamedExpression && !(inner is FunctionCallExpression call && KustoAggregateTable.Find(call.Name.Name) is not null) && ContainsAggregate(inner))
            {
                var rewritten = HoistAggregates(inner, aggregates, keyNames, scope);
                if (rewritten is null) return $"{Table}.Empty";
                name ??= "Column" + (++unnamed).ToString(CultureInfo.InvariantCulture);
                computed.Add((name, rewritten));
                finalNames.Add(name);
                continue;
            }
            var aggregate = Aggregate(item, keyNames, scope, finalNames);
            if (aggregate is null) return $"{Table}.Empty";
            aggregates.Add(aggregate);
        }
        var result = TableLocal($"{Operators}.Summarize({input}, {KustoLiterals.Strings(keyNames)}, {MultiBinder(keyValues, scope)}, {KustoLiterals.Array(aggregates, AggregateRecord)})");
        if (computed.Count == 0) return result;
        var extended = TableLocal($"{Operators}.Extend({result}, {KustoLiterals.Strings(computed.Select(c => c.Name))}, {MultiBinder(computed.Select(c => c.Value), scope)})");
        var hasStar = summarize.Aggregates.Any(a => Named(a).Value is FunctionCallExpression f && f.Arguments.Any(x => x is StarExpression));
        if (hasStar) return TableLocal($"{Operators}.ProjectAway({extended}, new string[] {{ \"__agg*\" }})");
        var columns = finalNames.Select(n => (Expression)new NameReference(summarize.Span, n)).ToList();
        return TableLocal($"{Operators}.Project({extended}, {KustoLiterals.Strings(finalNames)}, {MultiBinder(columns, scope)})");
    }

    private static bool ContainsAggregate(Expression expression) => expression switch
    {
        FunctionCallExpression call => KustoAggregateTable.Find(call.Name.Name) is not null || call.Arguments.Any(ContainsAggregate),
        BinaryExpression b => ContainsAggregate(b.Left) || ContainsAggregate(b.Right),
        UnaryExpression u => ContainsAggregate(u.Operand),
        ParenthesizedExpression p => ContainsAggregate(p.Expression),
        PathExpression p => ContainsAggregate(p.Target),
        ElementExpression e => ContainsAggregate(e.Target),
        _ => false,
    };

    /// <summary>Replaces each aggregate call by a reference to a hidden result column it adds to <paramref name="aggregates"/>.</summary>
    private Expression? HoistAggregates(Expression expression, List<string> aggregates, List<string> keyNames, KustoScope scope)
    {
        switch (expression)
        {
            case FunctionCallExpression call when KustoAggregateTable.Find(call.Name.Name) is not null:
                var hidden = NewName("__agg");
                var aggregate = Aggregate(new NamedExpression(call.Span, new NameDeclaration(call.Span, hidden), call), keyNames, scope, null);
                if (aggregate is null) return null;
                aggregates.Add(aggregate);
                return new NameReference(call.Span, hidden);
            case FunctionCallExpression call:
            {
                var arguments = new List<Expression>();
                foreach (var argument in call.Arguments)
                {
                    var rewritten = HoistAggregates(argument, aggregates, keyNames, scope);
                    if (rewritten is null) return null;
                    arguments.Add(rewritten);
                }
                return call with { Arguments = arguments.ToEquatableArray() };
            }
            case BinaryExpression b:
                var left = HoistAggregates(b.Left, aggregates, keyNames, scope);
                var right = HoistAggregates(b.Right, aggregates, keyNames, scope);
                return left is null || right is null ? null : b with { Left = left, Right = right };
            case UnaryExpression u:
                return HoistAggregates(u.Operand, aggregates, keyNames, scope) is { } operand ? u with { Operand = operand } : null;
            case ParenthesizedExpression p:
                return HoistAggregates(p.Expression, aggregates, keyNames, scope) is { } inner ? p with { Expression = inner } : null;
            case PathExpression path:
                return HoistAggregates(path.Target, aggregates, keyNames, scope) is { } target ? path with { Target = target } : null;
            case ElementExpression element:
                return HoistAggregates(element.Target, aggregates, keyNames, scope) is { } t ? element with { Target = t } : null;
            default:
                return expression;
        }
    }

    /// <summary>One aggregate as a <c>new KustoAggregate(names, factory, arguments[, starNames])</c>, or null when unsupported.</summary>
    private string? Aggregate(Expression item, List<string> keyNames, KustoScope scope, List<string>? finalNames)
    {
        string[]? givenNames = item switch
        {
            NamedExpression named => [named.Name.Name],
            TupleNamedExpression tuple => tuple.Names.Select(n => n.Name).ToArray(),
            _ => null,
        };
        var value = item switch
        {
            NamedExpression named => named.Value,
            TupleNamedExpression tuple => tuple.Value,
            _ => item,
        };
        while (value is ParenthesizedExpression p) value = p.Expression;
        if (value is not FunctionCallExpression call)
        {
            Unsupported(value, DiagnosticDescriptors.KustoUnsupportedConstruct, "A summarize item that is not a single aggregation call");
            return null;
        }
        var function = KustoAggregateTable.Find(call.Name.Name);
        if (function is null)
        {
            Unsupported(call, DiagnosticDescriptors.KustoUnsupportedAggregate, call.Name.Name);
            return null;
        }
        var star = call.Arguments.Items.Any(a => a is StarExpression);
        var arguments = call.Arguments.Items.Where(a => a is not StarExpression).ToList();
        if (arguments.Count < function.MinArguments || arguments.Count > function.MaxArguments)
        {
            Unsupported(call, DiagnosticDescriptors.KustoUnsupportedConstruct, $"{call.Name.Name}() with {arguments.Count} arguments");
            return null;
        }
        if (star && !function.ReturnsArguments) star = false; // count(*) counts rows

        List<string> names;
        if (function.ReturnsArguments)
        {
            names = [];
            for (var i = 0; i < arguments.Count; i++)
            {
                var derived = KustoColumnNames.Derive(arguments[i]);
                names.Add(givenNames is not null && i < givenNames.Length ? givenNames[i]
                    : derived ?? function.Prefix + (i + 1).ToString(CultureInfo.InvariantCulture));
            }
        }
        else
        {
            var name = givenNames?.FirstOrDefault() ?? DefaultAggregateName(call.Name.Name, function, arguments);
            names = [name];
        }

        finalNames?.AddRange(names);
        var factory = $"{Accumulators}.{function.Factory}";
        if (!star)
            return $"new {AggregateRecord}({KustoLiterals.Strings(names)}, {factory}, {MultiBinder(arguments, scope)})";

        // arg_max(x, *): the star columns are the input's other columns, known once the schema is
        var exclude = KustoLiterals.Strings(keyNames.Concat(names).Distinct());
        var explicitNames = KustoLiterals.Strings(names);
        var binder = MultiBinder(arguments, scope);
        return $"new {AggregateRecord}({explicitNames}, {factory}, schema => {Operators}.WithStarColumns((({Namespace}.KustoMultiBinder)({binder}))(schema), schema, {exclude}), schema => {Operators}.StarColumnNames({explicitNames}, schema, {exclude}))";
    }

    private static string DefaultAggregateName(string name, KustoAggregateFunction function, List<Expression> arguments)
    {
        if (name == "percentile" && arguments.Count == 2 && arguments[1] is LiteralExpression { Value: { } p })
            return $"percentile_{KustoColumnNames.Derive(arguments[0])}_{System.Convert.ToString(p, CultureInfo.InvariantCulture)}";
        var argument = function.NamesArgument && arguments.Count > 0 ? KustoColumnNames.Derive(arguments[0]) ?? "" : "";
        return function.Prefix + argument;
    }

    private string Join(JoinOperator join, string input, KustoScope scope)
    {
        var kind = (join.Kind ?? "innerunique") switch
        {
            "innerunique" => "InnerUnique",
            "inner" => "Inner",
            "leftouter" => "LeftOuter",
            "rightouter" => "RightOuter",
            "fullouter" => "FullOuter",
            "leftanti" or "anti" or "leftantisemi" => "LeftAnti",
            "rightanti" or "rightantisemi" => "RightAnti",
            "leftsemi" => "LeftSemi",
            "rightsemi" => "RightSemi",
            _ => null,
        };
        if (kind is null) return UnsupportedTable(join, DiagnosticDescriptors.KustoUnsupportedConstruct, $"join kind={join.Kind}");
        var right = Tabular(join.Right, scope);
        var keys = JoinKeys(join.On);
        if (keys is null) return UnsupportedTable(join, DiagnosticDescriptors.KustoUnsupportedConstruct, "A join condition other than column equality");
        return TableLocal($"{Operators}.Join({input}, {right}, {JoinKind}.{kind}, {KustoLiterals.Strings(keys.Value.Left)}, {KustoLiterals.Strings(keys.Value.Right)})");
    }

    /// <summary>The key columns of <c>on A, $left.B == $right.C</c>, or null for any other condition.</summary>
    private static (List<string> Left, List<string> Right)? JoinKeys(IEnumerable<Expression> conditions)
    {
        var left = new List<string>();
        var right = new List<string>();
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
                    var inner = JoinKeys([and.Left, and.Right]);
                    if (inner is null) return null;
                    left.AddRange(inner.Value.Left);
                    right.AddRange(inner.Value.Right);
                    break;
                default:
                    return null;
            }
        }
        return left.Count == 0 ? null : (left, right);
    }

    private static (string Side, string Column)? Side(Expression expression)
        => expression is PathExpression { Target: NameReference { Name: "$left" or "$right" } side } path ? (side.Name, path.Member.Name) : null;

    private string Parse(ParseOperator parse, string input, KustoScope scope)
    {
        var kind = parse.ParameterText("kind")?.ToLowerInvariant() ?? "simple";
        if (kind is not ("simple" or "regex" or "relaxed"))
            return UnsupportedTable(parse, DiagnosticDescriptors.KustoUnsupportedConstruct, $"parse kind={kind}");
        var parts = new List<string>();
        foreach (var part in parse.Pattern)
        {
            switch (part)
            {
                case LiteralExpression { Value: string text }:
                    parts.Add($"{Namespace}.Operators.KustoParsePart.Text({CSharpLiteralAlias.String(text)})");
                    break;
                case StarExpression:
                    parts.Add($"{Namespace}.Operators.KustoParsePart.Any");
                    break;
                case ColumnDeclaration column:
                    parts.Add($"{Namespace}.Operators.KustoParsePart.Column({CSharpLiteralAlias.String(column.Name.Name)}, {KustoLiterals.TypeOf(column.Type?.Name ?? "string")})");
                    break;
                case NameReference name:
                    parts.Add($"{Namespace}.Operators.KustoParsePart.Column({CSharpLiteralAlias.String(name.Name)}, {TypeEnum}.String)");
                    break;
                default:
                    return UnsupportedTable(part, DiagnosticDescriptors.KustoUnsupportedConstruct, "This parse pattern item");
            }
        }
        var method = parse.IsParseWhere ? "ParseWhere" : "Parse";
        return TableLocal($"{Operators}.{method}({input}, {Binder(parse.Source, scope)}, {KustoLiterals.Array(parts, Namespace + ".Operators.KustoParsePart")}, {(kind == "regex" ? "true" : "false")}, {(kind == "relaxed" ? "true" : "false")}, {CSharpLiteralAlias.String(parse.ParameterText("flags") ?? "")})");
    }
}
