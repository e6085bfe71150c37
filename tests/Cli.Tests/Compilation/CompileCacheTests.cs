using AzureRules.Cli.Commands;
using AzureRules.Cli.Compilation;
using AzureRules.Cli.Tests.Workflow;
using AzureRules.Generators.Model;
using Xunit;

namespace AzureRules.Cli.Tests.Compilation;

/// <summary>The compile cache: a hit loads the same rules and diagnostics; an edit, a damaged entry or --no-cache compiles.</summary>
public sealed class CompileCacheTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("azrules-cache-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private CompileCache Cache => new(Path.Combine(_folder, "cache"));

    // a field no schema knows gives a warning, so the cached diagnostics have something to carry
    private static (string Path, string Text) Rule(string name) => ("rules/rule.toml", $$"""
        [metadata]
        creation_date = "2024/01/01"
        maturity = "production"
        updated_date = "2024/01/02"

        [rule]
        author = ["Elastic"]
        description = "A test rule."
        index = ["logs-*"]
        language = "kuery"
        license = "Elastic License v2"
        name = "{{name}}"
        risk_score = 21
        rule_id = "5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a"
        severity = "low"
        type = "query"
        query = "event.outcome:success and not_a_known.field_here:x"
        """);

    [Fact]
    public void A_second_compile_of_the_same_files_is_a_hit_with_the_same_rules_and_diagnostics()
    {
        var first = RuleLibrary.FromFiles([Rule("Cached rule")], cache: Cache);
        var second = RuleLibrary.FromFiles([Rule("Cached rule")], cache: Cache);

        Assert.False(first.FromCompileCache);
        Assert.True(second.FromCompileCache);
        Assert.Equal("Cached rule", Assert.Single(second.Detections).Metadata.Name);
        Assert.NotEmpty(first.Diagnostics);
        Assert.Equal(first.Diagnostics.Select(DiagnosticPrinter.Format), second.Diagnostics.Select(DiagnosticPrinter.Format));
        Assert.Equal(first.Diagnostics.Select(d => d.Location.GetLineSpan().Span), second.Diagnostics.Select(d => d.Location.GetLineSpan().Span));
    }

    [Fact]
    public void An_edited_rule_is_compiled_again()
    {
        RuleLibrary.FromFiles([Rule("Before the edit")], cache: Cache);
        var edited = RuleLibrary.FromFiles([Rule("After the edit")], cache: Cache);
        Assert.False(edited.FromCompileCache);
        Assert.Equal("After the edit", Assert.Single(edited.Detections).Metadata.Name);
    }

    [Theory]
    [InlineData("flip")]
    [InlineData("truncate")]
    [InlineData("empty")]
    [InlineData("garbage")]
    public void A_damaged_entry_is_compiled_again_without_an_error_and_replaced(string damage)
    {
        RuleLibrary.FromFiles([Rule("Damaged")], cache: Cache);
        var entry = Assert.Single(Directory.GetFiles(Cache.Folder));
        var bytes = File.ReadAllBytes(entry);
        File.WriteAllBytes(entry, damage switch
        {
            "flip" => [.. bytes[..^100], (byte)(bytes[^100] ^ 0x5A), .. bytes[^99..]],
            "truncate" => bytes[..(bytes.Length / 2)],
            "empty" => [],
            _ => "not a cache entry at all"u8.ToArray(),
        });

        var again = RuleLibrary.FromFiles([Rule("Damaged")], cache: Cache);
        Assert.False(again.FromCompileCache);
        Assert.Equal("Damaged", Assert.Single(again.Detections).Metadata.Name);
        Assert.True(RuleLibrary.FromFiles([Rule("Damaged")], cache: Cache).FromCompileCache);
    }

    [Fact]
    public void Ad_hoc_queries_are_cached_by_their_generated_code()
    {
        var query = AdHocRules.Create(QueryLanguage.Kuery, "event.outcome:success");
        Assert.False(RuleLibrary.FromDefinitions([query], Cache).FromCompileCache);
        Assert.True(RuleLibrary.FromDefinitions([query], Cache).FromCompileCache);
        Assert.False(RuleLibrary.FromDefinitions([AdHocRules.Create(QueryLanguage.Kuery, "event.outcome:failure")], Cache).FromCompileCache);
    }

    [Fact]
    public void The_cli_writes_the_cache_and_no_cache_leaves_it_alone()
    {
        var rules = Path.Combine(_folder, "rules");
        Directory.CreateDirectory(rules);
        File.WriteAllText(Path.Combine(rules, "rule.toml"), Rule("From the CLI").Text);
        var events = Path.Combine(_folder, "events.jsonl");
        File.WriteAllText(events, "{\"@timestamp\":\"2024-01-01T00:00:00Z\",\"event\":{\"outcome\":\"success\"}}\n");
        var cacheFolder = Path.Combine(_folder, "cli-cache");

        var uncached = AzrulesProcess.Run(_folder, [("AZRULES_CACHE_DIR", cacheFolder)], "run", "--rules", rules, "--events", events, "--no-cache");
        Assert.Equal(0, uncached.ExitCode);
        Assert.False(Directory.Exists(cacheFolder));

        var cold = AzrulesProcess.Run(_folder, [("AZRULES_CACHE_DIR", cacheFolder)], "run", "--rules", rules, "--events", events);
        var warm = AzrulesProcess.Run(_folder, [("AZRULES_CACHE_DIR", cacheFolder)], "run", "--rules", rules, "--events", events);
        Assert.Single(Directory.GetFiles(cacheFolder));
        Assert.Equal((0, uncached.Output), (cold.ExitCode, cold.Output));
        Assert.Equal((0, uncached.Output), (warm.ExitCode, warm.Output));
        // the same diagnostics and summary, but for the run's duration
        static string Untimed(string text) => System.Text.RegularExpressions.Regex.Replace(text, @" in [0-9.]+ s \([0-9,]+ events/s\)", "");
        Assert.Equal(Untimed(uncached.Error), Untimed(warm.Error));
    }

    [Fact]
    public void The_folder_keeps_within_its_bound_by_dropping_the_entries_used_longest_ago()
    {
        var unbounded = Cache;
        RuleLibrary.FromFiles([Rule("First")], cache: unbounded);
        var entrySize = new FileInfo(Assert.Single(Directory.GetFiles(unbounded.Folder))).Length;
        RuleLibrary.FromFiles([Rule("Second")], cache: unbounded);
        Thread.Sleep(20);
        // a hit is a use: First is now the most recent, Second the oldest
        Assert.True(RuleLibrary.FromFiles([Rule("First")], cache: unbounded).FromCompileCache);

        // room for about two entries: storing a third drops the one used longest ago
        var bounded = new CompileCache(unbounded.Folder) { MaximumBytes = entrySize * 2 + entrySize / 2 };
        RuleLibrary.FromFiles([Rule("Third")], cache: bounded);

        Assert.Equal(2, Directory.GetFiles(unbounded.Folder, "*.dll-cache").Length);
        Assert.True(RuleLibrary.FromFiles([Rule("First")], cache: bounded).FromCompileCache);
        Assert.True(RuleLibrary.FromFiles([Rule("Third")], cache: bounded).FromCompileCache);
        Assert.False(RuleLibrary.FromFiles([Rule("Second")], cache: new CompileCache(unbounded.Folder) { MaximumBytes = long.MaxValue }).FromCompileCache);
    }

    [Fact]
    public void The_entry_just_stored_stays_even_when_it_alone_exceeds_the_bound()
    {
        var tiny = new CompileCache(Cache.Folder) { MaximumBytes = 1 };
        RuleLibrary.FromFiles([Rule("First")], cache: tiny);
        RuleLibrary.FromFiles([Rule("Second")], cache: tiny);
        Assert.Single(Directory.GetFiles(tiny.Folder, "*.dll-cache"));
        Assert.True(RuleLibrary.FromFiles([Rule("Second")], cache: tiny).FromCompileCache);
    }
}
