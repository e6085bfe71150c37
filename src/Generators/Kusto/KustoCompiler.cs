using AzureRules.Generators.Emit;
using AzureRules.Generators.Model;

namespace AzureRules.Generators.Kusto;

/// <summary>Compiles a Kusto query into the members of the rule's detection class.</summary>
internal static class KustoCompiler
{
    public static CompiledQuery Compile(RuleDefinition rule)
        => CompiledQuery.NotExecutable(EquatableArray<Diagnostics.QueryDiagnostic>.Empty, "Kusto queries cannot be compiled yet");
}
