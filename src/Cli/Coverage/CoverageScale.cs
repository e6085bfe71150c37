namespace AzureRules.Cli.Coverage;

/// <summary>
/// The colour scale shared by the Navigator layer and the heatmap, so both show the same legend:
/// steps of rule counts (1, 2–4, 5–9, 10–24, 25–49, 50+) on a light-to-dark blue ramp; grey for none.
/// </summary>
internal static class CoverageScale
{
    public const string None = "#eeeeee";

    private static readonly (int From, string Color)[] Steps =
    [
        (1, "#c6dbef"), (2, "#9ecae1"), (5, "#6baed6"), (10, "#3182bd"), (25, "#08519c"), (50, "#08306b"),
    ];

    public static string ColorFor(int rules)
    {
        if (rules <= 0) return None;
        var color = Steps[0].Color;
        foreach (var (from, c) in Steps)
            if (rules >= from) color = c;
        return color;
    }

    /// <summary>Dark steps get white text.</summary>
    public static bool IsDark(int rules) => rules >= 10;

    /// <summary>The legend: the steps up to the largest count present (at least the first).</summary>
    public static IEnumerable<(string Label, string Color)> Legend(int maxRules)
    {
        for (var i = 0; i < Steps.Length; i++)
        {
            var (from, color) = Steps[i];
            if (i > 0 && from > maxRules) yield break;
            var to = i + 1 < Steps.Length ? Steps[i + 1].From - 1 : int.MaxValue;
            var label = from == to ? $"{from} rule" : to == int.MaxValue ? $"{from}+ rules" : $"{from}–{to} rules";
            yield return (label, color);
        }
    }
}
