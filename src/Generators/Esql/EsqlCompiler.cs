using AzureRules.Generators.Emit;
using AzureRules.Generators.Model;

namespace AzureRules.Generators.Esql;

/// <summary>Compiles a ES|QL query into the members of the rule's detection class.</summary>
internal static class EsqlCompiler
{
    public static CompiledQuery Compile(RuleDefinition rule)
        => CompiledQuery.NotExecutable(EquatableArray<Diagnostics.QueryDiagnostic>.Empty, "ES|QL queries cannot be compiled yet");
}
