using AzureRules.Generators.Emit;
using AzureRules.Generators.Model;

namespace AzureRules.Generators.Eql;

/// <summary>Compiles a EQL query into the members of the rule's detection class.</summary>
internal static class EqlCompiler
{
    public static CompiledQuery Compile(RuleDefinition rule)
        => CompiledQuery.NotExecutable(EquatableArray<Diagnostics.QueryDiagnostic>.Empty, "EQL queries cannot be compiled yet");
}
