using System.Collections.Generic;

namespace AzureRules.Generators.Kusto.Binding;

/// <summary>The kinds of join Kusto documents, every spelling normalised (anti = leftanti = leftantisemi).</summary>
internal enum JoinKind { InnerUnique, Inner, LeftOuter, RightOuter, FullOuter, LeftAnti, RightAnti, LeftSemi, RightSemi }

/// <summary>
/// A join or lookup as bound: its kind (null for a kind Kusto does not have) and its equality keys, the
/// left and right column of each <c>on</c> condition (null when a condition is not a column equality).
/// </summary>
internal sealed record BoundJoin(JoinKind? Kind, string? KindText, IReadOnlyList<string>? LeftKeys, IReadOnlyList<string>? RightKeys)
{
    /// <summary>The kind a <c>kind=</c> parameter names; a join without one is innerunique, a lookup leftouter.</summary>
    public static JoinKind? ParseKind(string? text, JoinKind absent) => text?.ToLowerInvariant() switch
    {
        null => absent,
        "innerunique" => JoinKind.InnerUnique,
        "inner" => JoinKind.Inner,
        "leftouter" => JoinKind.LeftOuter,
        "rightouter" => JoinKind.RightOuter,
        "fullouter" => JoinKind.FullOuter,
        "leftanti" or "anti" or "leftantisemi" => JoinKind.LeftAnti,
        "rightanti" or "rightantisemi" => JoinKind.RightAnti,
        "leftsemi" => JoinKind.LeftSemi,
        "rightsemi" => JoinKind.RightSemi,
        _ => null,
    };
}
