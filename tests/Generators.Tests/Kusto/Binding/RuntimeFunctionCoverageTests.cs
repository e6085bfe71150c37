using System.Reflection;
using AzureRules.Generators.Kusto.Emit;
using AzureRules.Generators.Kusto.Symbols;
using AzureRules.Sdk.Kusto;
using Xunit;

namespace AzureRules.Generators.Tests.Kusto.Binding;

/// <summary>
/// The function catalog (Symbols/BuiltinFunctions.cs) is the one description of a scalar function; the
/// runtime (src/Sdk/Kusto/Functions) must match it in both directions, checked by reflection: every entry
/// that names a runtime class has a method of that name for every arity the signature allows, and every
/// Kusto-named (lower-case) public method of a runtime function class is a catalog entry naming that class.
/// </summary>
public sealed class RuntimeFunctionCoverageTests
{
    private static readonly Assembly Runtime = typeof(KustoValue).Assembly;

    private static Type? RuntimeClass(string key) => Runtime.GetType($"AzureRules.Sdk.Kusto.Functions.{KustoFunctionTable.RuntimeClassName(key)}");

    private static bool Accepts(MethodInfo method, int count)
    {
        var parameters = method.GetParameters();
        if (parameters.Any(p => p.ParameterType != typeof(KustoValue) && p.ParameterType != typeof(KustoValue[]))) return false;
        var isParams = parameters.Length > 0 && parameters[^1].IsDefined(typeof(ParamArrayAttribute));
        return isParams ? count >= parameters.Length - 1 : count == parameters.Length;
    }

    [Fact]
    public void Every_catalog_function_with_a_runtime_class_has_a_runtime_method_for_every_arity()
    {
        var problems = new List<string>();
        foreach (var f in BuiltinFunctions.All.Where(f => f.RuntimeClass is not null))
        {
            var type = RuntimeClass(f.RuntimeClass!);
            if (type is null) { problems.Add($"{f.Name}: no runtime class {f.RuntimeClass}"); continue; }
            var name = f.RuntimeName == "case" ? "case" : f.RuntimeName;
            var methods = type.GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.Name == name && m.ReturnType == typeof(KustoValue)).ToList();
            var max = Math.Min(f.MaxArguments, f.MinArguments + 8);
            for (var n = f.MinArguments; n <= max; n++)
                if (!methods.Any(m => Accepts(m, n))) problems.Add($"{f.Name}: {type.Name}.{name} takes no {n} arguments");
        }
        Assert.Empty(problems);
    }

    [Fact]
    public void Every_runtime_function_is_a_catalog_entry_naming_its_class()
    {
        var catalog = BuiltinFunctions.All.Where(f => f.RuntimeClass is not null).Select(f => (f.RuntimeClass!, f.RuntimeName)).ToHashSet();
        var problems = new List<string>();
        foreach (var type in Runtime.GetTypes().Where(t => t.Namespace == "AzureRules.Sdk.Kusto.Functions" && t.Name.StartsWith("Kusto", StringComparison.Ordinal) && t.Name.EndsWith("Functions", StringComparison.Ordinal)))
        {
            var key = type.Name["Kusto".Length..^"Functions".Length];
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly))
                if (char.IsLower(method.Name[0]) && method.ReturnType == typeof(KustoValue) && !catalog.Contains((key, method.Name)) && !EmittedDirectly.Contains(method.Name))
                    problems.Add($"{type.Name}.{method.Name}");
        }
        Assert.Empty(problems.Distinct());
    }

    /// <summary>Functions the emitter calls itself rather than through the catalog (ago() takes the execution's now).</summary>
    private static readonly HashSet<string> EmittedDirectly = ["ago"];

    [Fact]
    public void Every_catalog_aggregate_with_a_factory_has_that_accumulator_factory_in_the_runtime()
    {
        var accumulators = typeof(AzureRules.Sdk.Kusto.Operators.KustoAccumulators);
        var problems = new List<string>();
        foreach (var f in BuiltinFunctions.All.Where(f => f.AccumulatorFactory is not null))
        {
            if (!f.IsAggregate) { problems.Add($"{f.Name}: a factory on a scalar function"); continue; }
            var method = accumulators.GetMethod(f.AccumulatorFactory!, BindingFlags.Public | BindingFlags.Static, Type.EmptyTypes);
            if (method is null || method.ReturnType != typeof(AzureRules.Sdk.Kusto.Operators.KustoAccumulator))
                problems.Add($"{f.Name}: no KustoAccumulators.{f.AccumulatorFactory}() returning a KustoAccumulator");
        }
        Assert.Empty(problems);
    }

    [Fact]
    public void Every_runtime_accumulator_is_the_factory_of_a_catalog_aggregate()
    {
        var factories = BuiltinFunctions.All.Where(f => f.IsAggregate && f.AccumulatorFactory is not null).Select(f => f.AccumulatorFactory!).ToHashSet();
        var unlisted = typeof(AzureRules.Sdk.Kusto.Operators.KustoAccumulators).GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Where(m => m.ReturnType == typeof(AzureRules.Sdk.Kusto.Operators.KustoAccumulator) && !factories.Contains(m.Name))
            .Select(m => m.Name).ToList();
        Assert.Empty(unlisted);
    }

    [Fact]
    public void Every_runtime_function_is_known_to_the_binder()
    {
        var missing = KustoFunctionTable.Names.Where(n => BuiltinFunctions.Find(n) is null).ToList();
        Assert.Empty(missing);
    }
}
