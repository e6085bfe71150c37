using System.Globalization;
using System.Text;
using AzureRules.Generators.Mitre;

namespace AzureRules.Cli.Coverage;

/// <summary>
/// The ATT&amp;CK matrix as an SVG picture: one column per tactic in matrix order, its techniques as
/// cells coloured by how many rules cover them (sub-techniques rolled into their technique), most
/// covered first so each column reads as a bar of coverage; a header per tactic with how many of
/// its techniques are covered, and the legend of <see cref="CoverageScale"/>. With
/// <c>coveredOnly</c> the uncovered techniques and tactics are left out, for a small picture.
/// </summary>
internal static class HeatmapSvgWriter
{
    private const int ColumnWidth = 136;
    private const int Gap = 4;
    private const int CellHeight = 15;
    private const int HeaderHeight = 34;
    private const int Margin = 10;
    private const int TitleHeight = 26;
    private const int LegendHeight = 30;
    private const double CharWidth = 4.9; // average advance of the 8.5px sans-serif text in a cell

    public static string Write(CoverageMatrix matrix, string title, bool coveredOnly)
    {
        var columns = CoverageMatrix.Tactics.Select(tactic =>
        {
            var cells = CoverageMatrix.TechniquesOf(tactic)
                .Select(t => (Technique: t, Rules: matrix.RulesFor(tactic, t).Count))
                .ToList();
            var covered = cells.Count(c => c.Rules > 0);
            var shown = cells.Where(c => !coveredOnly || c.Rules > 0)
                .OrderByDescending(c => c.Rules).ThenBy(c => c.Technique.Name, StringComparer.Ordinal).ToList();
            return (Tactic: tactic, Cells: shown, Covered: covered, Total: cells.Count);
        }).Where(c => !coveredOnly || c.Covered > 0).ToList();
        var maxRules = columns.SelectMany(c => c.Cells).Select(c => c.Rules).DefaultIfEmpty(0).Max();
        var rows = Math.Max(1, columns.Max(c => c.Cells.Count));
        // wide enough for the title and the legend even when few columns are shown
        var width = Math.Max(Margin * 2 + columns.Count * ColumnWidth + (columns.Count - 1) * Gap, 560);
        var matrixTop = Margin + TitleHeight;
        var height = matrixTop + HeaderHeight + rows * CellHeight + 8 + LegendHeight + Margin;

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"Helvetica, Arial, sans-serif\">\n");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{width}\" height=\"{height}\" fill=\"#ffffff\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Margin}\" y=\"{Margin + 15}\" font-size=\"15\" font-weight=\"bold\" fill=\"#222222\">{Escape(title)}</text>\n");

        for (var i = 0; i < columns.Count; i++)
        {
            var (tactic, cells, covered, total) = columns[i];
            var x = Margin + i * (ColumnWidth + Gap);
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"{matrixTop}\" width=\"{ColumnWidth}\" height=\"{HeaderHeight - 3}\" fill=\"#3a3a3a\"/>\n");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 4}\" y=\"{matrixTop + 13}\" font-size=\"10\" font-weight=\"bold\" fill=\"#ffffff\">{Escape(Fit(tactic.Name, ColumnWidth - 8, 6.4))}</text>\n");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 4}\" y=\"{matrixTop + 26}\" font-size=\"8.5\" fill=\"#dddddd\">{covered} of {total} techniques</text>\n");
            for (var row = 0; row < cells.Count; row++)
            {
                var (technique, rules) = cells[row];
                var y = matrixTop + HeaderHeight + row * CellHeight;
                var textColor = CoverageScale.IsDark(rules) ? "#ffffff" : rules > 0 ? "#111111" : "#888888";
                svg.Append(CultureInfo.InvariantCulture, $"<g><title>{Escape($"{technique.Id} {technique.Name} ({tactic.Name}): {rules} rule{(rules == 1 ? "" : "s")}")}</title>");
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"{y}\" width=\"{ColumnWidth}\" height=\"{CellHeight - 1}\" fill=\"{CoverageScale.ColorFor(rules)}\"/>");
                var countText = rules > 0 ? rules.ToString(CultureInfo.InvariantCulture) : "";
                var nameRoom = ColumnWidth - 6 - (countText.Length > 0 ? countText.Length * 5.5 + 4 : 0);
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 3}\" y=\"{y + 10.5}\" font-size=\"8.5\" fill=\"{textColor}\">{Escape(Fit(technique.Name, nameRoom, CharWidth))}</text>");
                if (countText.Length > 0)
                    svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + ColumnWidth - 3}\" y=\"{y + 10.5}\" font-size=\"8.5\" font-weight=\"bold\" text-anchor=\"end\" fill=\"{textColor}\">{countText}</text>");
                svg.Append("</g>\n");
            }
        }

        var legendY = matrixTop + HeaderHeight + rows * CellHeight + 12;
        var legendX = Margin;
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{legendX}\" y=\"{legendY + 11}\" font-size=\"10\" fill=\"#222222\">rules per technique:</text>\n");
        legendX += 112;
        foreach (var (label, color) in new[] { ("none", CoverageScale.None) }.Concat(CoverageScale.Legend(Math.Max(1, maxRules))))
        {
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{legendX}\" y=\"{legendY}\" width=\"14\" height=\"14\" fill=\"{color}\" stroke=\"#999999\" stroke-width=\"0.5\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{legendX + 18}\" y=\"{legendY + 11}\" font-size=\"10\" fill=\"#222222\">{Escape(label)}</text>\n");
            legendX += 28 + (int)(label.Length * 5.6);
        }
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    /// <summary>The text cut with an ellipsis to fit <paramref name="room"/> pixels at the given average character width.</summary>
    private static string Fit(string text, double room, double charWidth)
    {
        var chars = (int)(room / charWidth);
        return text.Length <= chars ? text : text[..Math.Max(1, chars - 1)].TrimEnd() + "…";
    }

    private static string Escape(string text)
        => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;");
}
