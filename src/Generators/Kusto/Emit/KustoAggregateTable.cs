using System.Collections.Generic;

namespace AzureRules.Generators.Kusto.Emit;

/// <summary>
/// An aggregation function the runtime implements: the accumulator factory (KustoAccumulators.X),
/// its argument counts, and how Kusto names its result column when the query does not
/// (prefix + the first argument's name, e.g. dcount(User) → dcount_User, count() → count_).
/// </summary>
internal sealed record KustoAggregateFunction(string Factory, int MinArguments, int MaxArguments, string Prefix, bool NamesArgument, bool ReturnsArguments = false);

internal static class KustoAggregateTable
{
    private static readonly Dictionary<string, KustoAggregateFunction> Aggregates = new(System.StringComparer.Ordinal)
    {
        ["count"] = new("Count", 0, 1, "count_", NamesArgument: true),
        ["countif"] = new("CountIf", 1, 1, "countif_", NamesArgument: false),
        ["dcount"] = new("DCount", 1, 2, "dcount_", NamesArgument: true),
        ["dcountif"] = new("DCountIf", 2, 3, "dcountif_", NamesArgument: true),
        ["sum"] = new("Sum", 1, 1, "sum_", NamesArgument: true),
        ["sumif"] = new("SumIf", 2, 2, "sumif_", NamesArgument: true),
        ["avg"] = new("Avg", 1, 1, "avg_", NamesArgument: true),
        ["avgif"] = new("AvgIf", 2, 2, "avgif_", NamesArgument: true),
        ["min"] = new("Min", 1, 1, "min_", NamesArgument: true),
        ["max"] = new("Max", 1, 1, "max_", NamesArgument: true),
        ["minif"] = new("MinIf", 2, 2, "minif_", NamesArgument: true),
        ["maxif"] = new("MaxIf", 2, 2, "maxif_", NamesArgument: true),
        ["make_set"] = new("MakeSet", 1, 2, "set_", NamesArgument: true),
        ["makeset"] = new("MakeSet", 1, 2, "set_", NamesArgument: true),
        ["make_list"] = new("MakeList", 1, 2, "list_", NamesArgument: true),
        ["makelist"] = new("MakeList", 1, 2, "list_", NamesArgument: true),
        ["make_set_if"] = new("MakeSetIf", 2, 3, "set_", NamesArgument: true),
        ["make_list_if"] = new("MakeListIf", 2, 3, "list_", NamesArgument: true),
        ["make_bag_if"] = new("MakeBagIf", 2, 3, "bag_", NamesArgument: true),
        ["stdevif"] = new("StdevIf", 2, 2, "stdevif_", NamesArgument: true),
        ["varianceif"] = new("VarianceIf", 2, 2, "varianceif_", NamesArgument: true),
        ["make_bag"] = new("MakeBag", 1, 2, "bag_", NamesArgument: true),
        ["stdev"] = new("Stdev", 1, 1, "stdev_", NamesArgument: true),
        ["stdevp"] = new("StdevP", 1, 1, "stdevp_", NamesArgument: true),
        ["variance"] = new("Variance", 1, 1, "variance_", NamesArgument: true),
        ["variancep"] = new("VarianceP", 1, 1, "variancep_", NamesArgument: true),
        ["percentile"] = new("Percentile", 2, 2, "percentile_", NamesArgument: true),
        ["arg_max"] = new("ArgMax", 1, int.MaxValue, "max_", NamesArgument: true, ReturnsArguments: true),
        ["arg_min"] = new("ArgMin", 1, int.MaxValue, "min_", NamesArgument: true, ReturnsArguments: true),
        ["argmax"] = new("ArgMax", 1, int.MaxValue, "max_", NamesArgument: true, ReturnsArguments: true),
        ["argmin"] = new("ArgMin", 1, int.MaxValue, "min_", NamesArgument: true, ReturnsArguments: true),
        ["take_any"] = new("TakeAny", 1, int.MaxValue, "any_", NamesArgument: true, ReturnsArguments: true),
        ["any"] = new("TakeAny", 1, int.MaxValue, "any_", NamesArgument: true, ReturnsArguments: true),
    };

    public static KustoAggregateFunction? Find(string name) => Aggregates.TryGetValue(name, out var a) ? a : null;
}
