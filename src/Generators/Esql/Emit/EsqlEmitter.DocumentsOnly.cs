using System;
using System.Collections.Generic;
using System.Linq;
using AzureRules.Generators.Esql.Syntax;

namespace AzureRules.Generators.Esql.Emit;

/// <summary>
/// Where a query stops depending on its documents alone. A scheduled rule runs its query again at
/// every interval over a look-back that often holds the same documents as the time before (a 7-day
/// window every 5 minutes is 2,016 executions over mostly the same events); the commands before the
/// first one that reads the clock (<c>NOW()</c>) or data beyond the documents (ENRICH, LOOKUP JOIN)
/// give the same table each time, so the runtime keeps that table while the documents stay the same.
/// </summary>
internal sealed partial class EsqlEmitter
{
    /// <summary>True when the command's result depends on the rows it is given and nothing else.</summary>
    private static bool DependsOnDocumentsOnly(EsqlCommand command) => command switch
    {
        EsqlFrom or EsqlLimit or EsqlProject or EsqlRename or EsqlMvExpand => true,
        EsqlRow row => row.Fields.All(IsDeterministic),
        EsqlWhere where => IsDeterministic(where.Condition),
        EsqlEval eval => eval.Fields.All(IsDeterministic),
        EsqlStats stats => stats.Aggregates.All(IsDeterministic) && stats.Groups.All(IsDeterministic),
        EsqlSort sort => sort.Orders.All(o => IsDeterministic(o.Expression)),
        EsqlExtract extract => IsDeterministic(extract.Input) && extract.Options.All(IsDeterministic),
        // ENRICH and LOOKUP JOIN read other indices, which change as events arrive; anything else is not known here
        _ => false,
    };

    private static bool IsDeterministic(EsqlField field) => IsDeterministic(field.Expression) && (field.Filter is null || IsDeterministic(field.Filter));

    /// <summary>An expression whose value depends on its row alone: no <c>NOW()</c>, and only kinds this walk knows.</summary>
    private static bool IsDeterministic(EsqlExpression expression) => expression switch
    {
        EsqlLiteral or EsqlArrayLiteral or EsqlColumnReference => true,
        EsqlFunctionCall call => !string.Equals(call.Name.Name, "NOW", StringComparison.OrdinalIgnoreCase)
            && call.Arguments.All(IsDeterministic) && (call.Options is null || IsDeterministic(call.Options)),
        EsqlMap map => map.Entries.All(e => IsDeterministic(e.Value)),
        EsqlUnary unary => IsDeterministic(unary.Operand),
        EsqlBinary binary => IsDeterministic(binary.Left) && IsDeterministic(binary.Right),
        EsqlIn @in => IsDeterministic(@in.Value) && @in.List.All(IsDeterministic),
        EsqlPatternMatch match => IsDeterministic(match.Value),
        EsqlIsNull isNull => IsDeterministic(isNull.Value),
        EsqlCast cast => IsDeterministic(cast.Value),
        EsqlMatchOperator match => IsDeterministic(match.Field) && IsDeterministic(match.Query),
        // a parameter, or a kind added later: not known to be fixed
        _ => false,
    };
}
