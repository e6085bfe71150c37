using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Kusto.Binding;
using AzureRules.Generators.Kusto.Syntax;
using AzureRules.Generators.Model;
using static AzureRules.Generators.Kusto.Emit.KustoRuntimeNames;

namespace AzureRules.Generators.Kusto.Emit;

internal sealed partial class KustoQueryEmitter
{
    private string Summarize(SummarizeOperator summarize, string input)
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
            if (item is not TupleNamedExpression && !(inner is FunctionCallExpression call && IsAggregate(call)) && ContainsAggregate(inner))
            {
                var rewritten = HoistAggregates(inner, aggregates, keyNames);
                if (rewritten is null) return $"{Table}.Empty";
                name ??= "Column" + (++unnamed).ToString(CultureInfo.InvariantCulture);
                computed.Add((name, rewritten));
                finalNames.Add(name);
                continue;
            }
            var aggregate = Aggregate(item, keyNames, finalNames);
            if (aggregate is null) return $"{Table}.Empty";
            aggregates.Add(aggregate);
        }
        var result = TableLocal($"{Operators}.Summarize({input}, {KustoLiterals.Strings(keyNames)}, {MultiBinder(keyValues)}, {KustoLiterals.Array(aggregates, AggregateRecord)})");
        if (computed.Count == 0) return result;
        var extended = TableLocal($"{Operators}.Extend({result}, {KustoLiterals.Strings(computed.Select(c => c.Name))}, {MultiBinder(computed.Select(c => c.Value))})");
        var hasStar = summarize.Aggregates.Any(a => Named(a).Value is FunctionCallExpression f && f.Arguments.Any(x => x is StarExpression));
        if (hasStar) return TableLocal($"{Operators}.ProjectAway({extended}, new string[] {{ \"__agg*\" }})");
        var columns = finalNames.Select(n => (Expression)new NameReference(summarize.Span, n)).ToList();
        return TableLocal($"{Operators}.Project({extended}, {KustoLiterals.Strings(finalNames)}, {MultiBinder(columns)})");
    }

    /// <summary>Whether the binder resolved a call to a catalog aggregate (a let-bound function of the same name is not one).</summary>
    private bool IsAggregate(FunctionCallExpression call) => _model.FunctionOf(_instance, call) is { IsAggregate: true };

    private bool ContainsAggregate(Expression expression) => ContainsCall(expression, IsAggregate);

    /// <summary>Replaces each aggregate call by a reference to a hidden result column it adds to <paramref name="aggregates"/>.</summary>
    private Expression? HoistAggregates(Expression expression, List<string> aggregates, List<string> keyNames)
        => ReplaceCalls(expression, call =>
        {
            if (!IsAggregate(call)) return CallReplacement.Keep;
            var hidden = NewName("__agg");
            var aggregate = Aggregate(new NamedExpression(call.Span, new NameDeclaration(call.Span, hidden), call), keyNames, null);
            if (aggregate is null) return CallReplacement.Failed;
            aggregates.Add(aggregate);
            return CallReplacement.With(new NameReference(call.Span, hidden));
        });

    /// <summary>One aggregate as a <c>new KustoAggregate(names, factory, arguments[, starNames])</c>, or null when unsupported.</summary>
    private string? Aggregate(Expression item, List<string> keyNames, List<string>? finalNames)
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
        var function = _model.FunctionOf(_instance, call);
        if (function is not { IsAggregate: true, AccumulatorFactory: not null })
        {
            Unsupported(call, DiagnosticDescriptors.KustoUnsupportedAggregate, call.Name.Name);
            return null;
        }
        var star = call.Arguments.Items.Any(a => a is StarExpression);
        // make_set(x, MaxSize = 8): a named argument is its value, in its place
        var arguments = call.Arguments.Items.Where(a => a is not StarExpression).Select(a => a is NamedExpression named ? named.Value : a).ToList();
        if (call.Arguments.Count < function.MinArguments || call.Arguments.Count > function.MaxArguments)
        {
            Unsupported(call, DiagnosticDescriptors.KustoUnsupportedConstruct, $"{call.Name.Name}() with {call.Arguments.Count} arguments");
            return null;
        }
        if (star && !function.ReturnsArguments) star = false; // count(*) counts rows

        List<string> names;
        if (function.ReturnsArguments)
        {
            names = [];
            for (var i = 0; i < arguments.Count; i++)
            {
                var derived = KustoColumnNames.Of(arguments[i]);
                names.Add(givenNames is not null && i < givenNames.Length ? givenNames[i]
                    : derived ?? ColumnPrefix(function) + (i + 1).ToString(CultureInfo.InvariantCulture));
            }
        }
        else if (function.Name is "percentiles" or "percentilesw")
        {
            // one column per percentile: percentile_x_50, percentile_x_99_9 (or the names of a tuple)
            var first = function.Name == "percentilesw" ? 2 : 1;
            names = [];
            for (var i = first; i < arguments.Count; i++)
                names.Add(givenNames is not null && i - first < givenNames.Length ? givenNames[i - first] : KustoColumnNames.Percentile(arguments[0], arguments[i]));
        }
        else
        {
            var name = givenNames?.FirstOrDefault() ?? DefaultAggregateName(call.Name.Name, function, arguments);
            names = [name];
        }

        finalNames?.AddRange(names);
        var factory = $"{Accumulators}.{function.AccumulatorFactory}";
        if (!star)
            return $"new {AggregateRecord}({KustoLiterals.Strings(names)}, {factory}, {MultiBinder(arguments)})";

        // arg_max(x, *): the star columns are the input's other columns, known once the schema is
        var exclude = KustoLiterals.Strings(keyNames.Concat(names).Distinct());
        var explicitNames = KustoLiterals.Strings(names);
        var binder = MultiBinder(arguments);
        return $"new {AggregateRecord}({explicitNames}, {factory}, schema => {Operators}.WithStarColumns((({Namespace}.KustoMultiBinder)({binder}))(schema), schema, {exclude}), schema => {Operators}.StarColumnNames({explicitNames}, schema, {exclude}))";
    }

    /// <summary>The prefix of an unnamed aggregate's column: the catalog's (dcount → dcount_); take_any's columns are any_N.</summary>
    private static string ColumnPrefix(Symbols.FunctionSignature function)
        => (function.ResultNamePrefix is null or "-" ? "any" : function.ResultNamePrefix) + "_";

    private static string DefaultAggregateName(string name, Symbols.FunctionSignature function, List<Expression> arguments)
    {
        if (name == "percentile" && arguments.Count == 2)
            return KustoColumnNames.Percentile(arguments[0], arguments[1]);
        // take_anyif(x, …) keeps the name x, as the binder names it
        if (function.ResultNamePrefix == "-" && arguments.Count > 0 && KustoColumnNames.Of(arguments[0]) is { } kept) return kept;
        if (function.ResultNamePrefix is { } prefix && KustoColumnNames.OfTwoArguments(name, prefix, arguments) is { } both) return both;
        var argument = function.NamesArgument && arguments.Count > 0 ? KustoColumnNames.Of(arguments[0]) ?? "" : "";
        return ColumnPrefix(function) + argument;
    }
}
