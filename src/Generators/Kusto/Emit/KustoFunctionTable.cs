using System.Collections.Generic;
using System.Linq;
using AzureRules.Generators.Kusto.Symbols;

namespace AzureRules.Generators.Kusto.Emit;

/// <summary>A Kusto scalar function the runtime implements: the C# method and how many arguments it takes.</summary>
internal sealed record KustoFunction(string Method, int MinArguments, int MaxArguments);

/// <summary>
/// The scalar functions the runtime implements (src/Sdk/Kusto/Functions), by Kusto name and alias. Not a
/// second table: every entry is derived from the catalog entry (<see cref="BuiltinFunctions"/>) that names
/// its runtime class, so signature, arity and runtime method are written once. A call outside it is
/// reported as unsupported (AR0351).
/// </summary>
internal static class KustoFunctionTable
{
    /// <summary>The C# namespace of the runtime function classes: a catalog key <c>Math</c> is <c>KustoMathFunctions</c>.</summary>
    public const string RuntimeNamespace = KustoRuntimeNames.Namespace + ".Functions";

    private static readonly Dictionary<string, KustoFunction> Functions = BuiltinFunctions.All
        .Where(f => !f.IsAggregate && f.RuntimeClass is not null)
        .ToDictionary(f => f.Name, f => new KustoFunction(
            $"{RuntimeNamespace}.{RuntimeClassName(f.RuntimeClass!)}.{(f.RuntimeName == "case" ? "@case" : f.RuntimeName)}",
            f.MinArguments, f.MaxArguments), System.StringComparer.Ordinal);

    public static KustoFunction? Find(string name) => Functions.TryGetValue(name, out var f) ? f : null;

    public static IEnumerable<string> Names => Functions.Keys;

    /// <summary>The runtime class a catalog key names: <c>Math</c> → <c>KustoMathFunctions</c>.</summary>
    public static string RuntimeClassName(string key) => $"Kusto{key}Functions";
}
