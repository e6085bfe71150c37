using System.Diagnostics;
using AzureRules.Cli.Commands;
using AzureRules.Cli.Compilation;
using Microsoft.CodeAnalysis;
using Xunit;

namespace AzureRules.Cli.Tests.Hostile;

public sealed class HostileCliTests
{
    private static string Toml(int n, string query) => $"""
        [metadata]
        creation_date = "2024/01/01"
        maturity = "production"
        updated_date = "2024/01/01"

        [rule]
        author = ["Elastic"]
        description = "A test rule."
        from = "now-9m"
        index = ["logs-*"]
        language = "kuery"
        license = "Elastic License v2"
        name = "Rule {n}"
        risk_score = 47
        rule_id = "00000000-0000-0000-0000-{n:D12}"
        severity = "medium"
        type = "query"

        query = '''
        {query}
        '''
        """;

    [Fact]
    public void Rules_past_the_assemblys_string_literal_limit_are_reported_on_their_files_and_the_others_still_load()
    {
        // each rule is within the file limit, together they pass C#'s 16 MB of string literals (CS8103):
        // the generator's literal budget (the same check `validate` and `dotnet build` make) reports the
        // rules past it as AR0002 on their files and leaves their classes out, so the rest compiles
        var big = Enumerable.Range(1, 6).Select(n => ($"/rules/big{n}.toml", Toml(n, "process.name : \"" + new string((char)('a' + n), 900_000) + "\"")));
        var small = ("/rules/small.toml", Toml(99, "process.name : \"cmd.exe\""));
        var clock = Stopwatch.StartNew();
        var validated = RuleLibrary.FromFiles([.. big, small], load: false);
        var library = RuleLibrary.FromFiles([.. big, small]);

        Assert.Contains(library.Detections, d => d.Metadata.Name == "Rule 99");
        Assert.DoesNotContain(library.Diagnostics, d => d.Id == "AR0001");
        var overBudget = library.Diagnostics.Where(d => d.Id == "AR0002").Select(d => d.Location.GetLineSpan().Path).ToList();
        Assert.Equal(["/rules/big5.toml", "/rules/big6.toml"], overBudget);
        Assert.Equal(overBudget, validated.Diagnostics.Where(d => d.Id == "AR0002").Select(d => d.Location.GetLineSpan().Path));
        Assert.Equal(5, library.Detections.Count);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(90), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Diagnostics_escape_control_characters_from_rule_text()
    {
        var library = RuleLibrary.FromFiles([("/rules/evil\u001b]0;x\u0007.toml", Toml(1, "process.name : \"a\" and \u001b[2J"))], load: false);
        var printed = string.Join("\n", library.Diagnostics.Select(DiagnosticPrinter.Format));
        Assert.NotEmpty(library.Diagnostics);
        Assert.DoesNotContain('\u001b', printed);
        Assert.DoesNotContain('\u0007', printed);
        Assert.Contains("\\e]0;x\\u0007", printed);
    }
}
