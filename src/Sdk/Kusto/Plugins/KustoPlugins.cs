namespace AzureRules.Sdk.Kusto.Plugins;

/// <summary>
/// The <c>evaluate</c> plugins the runtime implements, one file each (the generator's
/// KustoQueryEmitter.Evaluate.cs says which plugin compiles to which method; the binder's
/// KustoBinder.Evaluate.cs gives each its output schema). A plugin reads its input whole.
/// </summary>
public static partial class KustoPlugins
{
    /// <summary>Kusto makes result column names unique by appending 1, 2, … to repeats.</summary>
    private static List<string> UniqueNames(IEnumerable<string> names) => [.. Operators.KustoOperators.UniqueNames([.. names])];
}
