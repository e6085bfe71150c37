using System.Collections.Immutable;
using System.Linq;
using AzureRules.Generators.Kuery.Syntax;

namespace AzureRules.Generators.Kuery.Binding;

/// <summary>
/// Splits an indicator match rule's threat query into the indicator window and the rest. Kibana's
/// default threat query is <c>@timestamp &gt;= "now-30d/d"</c>: a lower bound relative to the execution,
/// which makes indicators expire. Matching runs when an event is read, before any execution's "now" is
/// known, so a top-level <c>@timestamp &gt;=</c>/<c>&gt;</c> bound relative to now is taken out of the
/// query and applied by the runner at each execution (and bounds how long indicators are kept).
/// </summary>
internal static class IndicatorWindow
{
    public static (BoundKuery Query, string? Since) Split(BoundKuery threatQuery)
    {
        if (IsWindow(threatQuery, out var since)) return (new BoundConstant(true), since);
        if (threatQuery is not BoundAnd and) return (threatQuery, null);
        for (var i = 0; i < and.Operands.Length; i++)
        {
            if (IsWindow(and.Operands[i], out since))
                return (new BoundAnd(and.Operands.RemoveAt(i)), since);
        }
        return (threatQuery, null);
    }

    private static bool IsWindow(BoundKuery node, out string? since)
    {
        since = null;
        if (node is not BoundRange { Path: "@timestamp" } range
            || range.Operator is not (KueryRangeOperator.GreaterThanOrEqual or KueryRangeOperator.GreaterThan)
            || !range.Value.Text.Trim().StartsWith("now", System.StringComparison.Ordinal)) return false;
        since = range.Value.Text.Trim();
        return true;
    }
}
