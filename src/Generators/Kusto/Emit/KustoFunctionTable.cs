using System.Collections.Generic;
using System.Linq;
using AzureRules.Generators.Kusto.Symbols;

namespace AzureRules.Generators.Kusto.Emit;

/// <summary>
/// Where a catalog entry (<see cref="BuiltinFunctions"/>) is implemented in the runtime: not a second table,
/// only the C# spelling of the entry's runtime class and method. A scalar function without a runtime class
/// is reported as unsupported (AR0351); an aggregate's accumulator is <c>KustoAccumulators.{AccumulatorFactory}</c>.
/// </summary>
internal static class KustoFunctionTable
{
    /// <summary>The C# namespace of the runtime function classes: a catalog key <c>Math</c> is <c>KustoMathFunctions</c>.</summary>
    public const string RuntimeNamespace = KustoRuntimeNames.Namespace + ".Functions";

    /// <summary>The runtime method a scalar function call compiles to, or null when the runtime lacks it.</summary>
    public static string? RuntimeMethod(FunctionSignature function)
        => function.IsAggregate || function.RuntimeClass is null ? null
            : $"{RuntimeNamespace}.{RuntimeClassName(function.RuntimeClass)}.{(function.RuntimeName == "case" ? "@case" : function.RuntimeName)}";

    /// <summary>The names of the scalar functions the runtime implements.</summary>
    public static IEnumerable<string> Names => BuiltinFunctions.All.Where(f => RuntimeMethod(f) is not null).Select(f => f.Name);

    /// <summary>The runtime class a catalog key names: <c>Math</c> → <c>KustoMathFunctions</c>.</summary>
    public static string RuntimeClassName(string key) => $"Kusto{key}Functions";
}
