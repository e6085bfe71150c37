using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Model;

namespace AzureRules.Generators.Emit;

/// <summary>
/// What a query language's compiler hands to the rule emitter: its diagnostics (by query offset),
/// and either the C# members that implement the query inside the rule's class, or the reason the
/// runtime cannot execute it yet.
/// </summary>
/// <param name="BaseClass">Fully qualified base type of the generated class, e.g.
/// <c>global::AzureRules.Sdk.Detections.ElasticEventDetection</c>. Ignored when not executable.</param>
/// <param name="Members">C# member declarations (fields, overrides) placed verbatim in the class body.
/// Null when <paramref name="NotExecutableReason"/> is set.</param>
/// <param name="OutputColumns">The columns the query returns, when the language knows them (Kusto);
/// rule-level checks (entity mappings, custom details) read them.</param>
internal sealed record CompiledQuery(
    EquatableArray<QueryDiagnostic> Diagnostics,
    string? BaseClass,
    string? Members,
    string? NotExecutableReason,
    EquatableArray<string> OutputColumns)
{
    public bool IsExecutable => NotExecutableReason is null && Members is not null;

    /// <summary>
    /// Diagnostics about the rule rather than the query text that only the query's compiler can find
    /// (an entity mapping naming a column the query does not return), located in the rule file.
    /// </summary>
    public EquatableArray<RuleDiagnostic> RuleDiagnostics { get; init; } = EquatableArray<RuleDiagnostic>.Empty;

    public static CompiledQuery NotExecutable(EquatableArray<QueryDiagnostic> diagnostics, string reason)
        => new(diagnostics, null, null, reason, EquatableArray<string>.Empty);
}
