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
    public void A_rule_class_that_does_not_compile_is_reported_on_its_file_and_the_others_still_load()
    {
        // each rule is within the file limit, together they pass C#'s 16 MB of string literals (CS8103)
        var big = Enumerable.Range(1, 6).Select(n => ($"/rules/big{n}.toml", Toml(n, "process.name : \"" + new string((char)('a' + n), 900_000) + "\"")));
        var small = ("/rules/small.toml", Toml(99, "process.name : \"cmd.exe\""));
        var clock = Stopwatch.StartNew();
        var library = RuleLibrary.FromFiles([.. big, small]);

        Assert.Contains(library.Detections, d => d.Metadata.Name == "Rule 99");
        var failures = library.Diagnostics.Where(d => d.Id == "AR0001").ToList();
        Assert.NotEmpty(failures);
        Assert.All(failures, f => Assert.StartsWith("/rules/big", f.Location.GetLineSpan().Path));
        Assert.All(failures, f => Assert.Contains("CS8103", f.GetMessage()));
        Assert.Equal(7, library.Detections.Count + failures.Count);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"took {clock.Elapsed}");
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
