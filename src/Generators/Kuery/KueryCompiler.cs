using AzureRules.Generators.Emit;
using AzureRules.Generators.Model;

namespace AzureRules.Generators.Kuery;

/// <summary>Compiles a Kibana KQL query into the members of the rule's detection class.</summary>
internal static class KueryCompiler
{
    public static CompiledQuery Compile(RuleDefinition rule)
        => CompiledQuery.NotExecutable(EquatableArray<Diagnostics.QueryDiagnostic>.Empty, "Kibana KQL queries cannot be compiled yet");
}
