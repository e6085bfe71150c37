using AzureRules.Generators.Kusto.Emit;
using AzureRules.Generators.Kusto.Symbols;
using Xunit;

namespace AzureRules.Generators.Tests.Kusto.Binding;

/// <summary>
/// The binder's function catalog and the runtime's function table must agree: a function the runtime
/// can execute but the binder does not know would be reported as undefined (an error) and block the rule.
/// </summary>
public sealed class RuntimeFunctionCoverageTests
{
    [Fact]
    public void Every_function_the_runtime_implements_is_known_to_the_binder()
    {
        // `not` and `time` are syntax the binder handles itself, not catalog functions
        var missing = KustoFunctionTable.Names.Where(n => n is not ("not" or "time") && BuiltinFunctions.Find(n) is null).ToList();
        Assert.Empty(missing);
    }
}
