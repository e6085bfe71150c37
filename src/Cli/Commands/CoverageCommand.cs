using System.CommandLine;
using AzureRules.Cli.Coverage;
using AzureRules.Generators.Formats;

namespace AzureRules.Cli.Commands;

/// <summary>
/// <c>azrules coverage PATH… -o layer.json [--svg heatmap.svg] [--covered-only]</c>: the rules'
/// ATT&amp;CK coverage as a Navigator layer, an SVG heatmap and a text summary (stdout).
/// </summary>
internal static class CoverageCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Rule files or folders", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string?>("--output", "-o") { Description = "The ATT&CK Navigator layer to write (JSON)" };
        var svg = new Option<string?>("--svg") { Description = "Also write the heatmap as SVG" };
        var coveredOnly = new Option<bool>("--covered-only") { Description = "Heatmap: leave out uncovered techniques" };
        var name = new Option<string>("--name") { Description = "The layer's name and the heatmap's title", DefaultValueFactory = _ => "Detection rule coverage" };
        var command = new Command("coverage", "ATT&CK coverage of rules: Navigator layer, SVG heatmap and a summary") { paths, output, svg, coveredOnly, name };
        command.SetAction(parse =>
        {
            var files = RuleFiles.Read(parse.GetValue(paths)!);
            var rules = files.SelectMany(f => RuleFileReader.Read(f.Path, f.Text).Rules).ToList();
            var matrix = CoverageMatrix.Build(rules);
            var title = parse.GetValue(name)!;
            if (parse.GetValue(output) is { } layerPath) File.WriteAllText(layerPath, NavigatorLayerWriter.Write(matrix, title));
            if (parse.GetValue(svg) is { } svgPath)
            {
                var heading = $"{title}: {matrix.RuleCount} rules, ATT&CK Enterprise v{Generators.Mitre.AttackCatalog.Version}";
                File.WriteAllText(svgPath, HeatmapSvgWriter.Write(matrix, heading, parse.GetValue(coveredOnly)));
            }
            CoverageSummaryWriter.Write(matrix, Console.Out);
            return 0;
        });
        return command;
    }
}
