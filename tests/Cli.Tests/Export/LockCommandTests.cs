using AzureRules.Cli.Commands;
using AzureRules.Generators.Project;
using AzureRules.Generators.Versioning;
using Xunit;
using static AzureRules.Cli.Tests.Export.ExportTestRules;

namespace AzureRules.Cli.Tests.Export;

/// <summary>The version lock as <c>azrules lock</c> writes and updates it.</summary>
public sealed class LockCommandTests
{
    private static Dictionary<string, LockEntry> Parse(string json)
        => ProjectFile.Read("lock.json", ProjectFileKind.Lock, json).Lock.ToDictionary(e => e.RuleId, StringComparer.OrdinalIgnoreCase);

    private static LockCommand.LockUpdate Lock(string yamlOrToml, string path, Dictionary<string, LockEntry> current)
        => LockCommand.Update([Read(path, yamlOrToml)], current, TextWriter.Null);

    [Fact]
    public void A_new_rule_is_locked_at_its_version_or_at_one()
    {
        var sentinel = Lock(ScheduledYaml, "a.yaml", []);
        var elastic = Lock(ThresholdToml, "b.toml", []);
        Assert.Equal("1.0.3", Assert.Single(sentinel.Entries).Version);
        Assert.Equal("1", Assert.Single(elastic.Entries).Version);
        Assert.Equal(RuleContentHash.Compute(Read("a.yaml", ScheduledYaml)), sentinel.Entries[0].Sha256);
        Assert.Equal(1, sentinel.Changes);
    }

    [Fact]
    public void The_written_lock_reads_back_and_an_unchanged_rule_changes_nothing()
    {
        var first = Lock(ScheduledYaml, "a.yaml", []);
        var text = LockCommand.Write(first.Entries);
        Assert.Contains("\"rule_name\": \"Sign-ins from a decoy account\"", text);
        var again = Lock(ScheduledYaml, "a.yaml", Parse(text));
        Assert.Equal(0, again.Changes);
        Assert.Equal(0, again.Conflicts);
    }

    [Fact]
    public void A_changed_rule_with_the_same_version_is_a_conflict_and_keeps_its_entry()
    {
        var locked = Parse(LockCommand.Write(Lock(ScheduledYaml, "a.yaml", []).Entries));
        var changed = Lock(ScheduledYaml.Replace("triggerThreshold: 2", "triggerThreshold: 3"), "a.yaml", locked);
        Assert.Equal(1, changed.Conflicts);
        Assert.Equal(locked.Values.Single().Sha256, changed.Entries.Single().Sha256);

        var bumped = Lock(ScheduledYaml.Replace("triggerThreshold: 2", "triggerThreshold: 3").Replace("version: 1.0.3", "version: 1.0.4"), "a.yaml", locked);
        Assert.Equal(0, bumped.Conflicts);
        Assert.Equal("1.0.4", bumped.Entries.Single().Version);
    }

    [Fact]
    public void A_rule_without_a_version_is_bumped_by_the_lock()
    {
        var locked = Parse(LockCommand.Write(Lock(ThresholdToml, "b.toml", []).Entries));
        Assert.Contains("\"version\": 1", LockCommand.Write(Lock(ThresholdToml, "b.toml", []).Entries)); // an integer, as detection-rules writes it
        var changed = Lock(ThresholdToml.Replace("value = 25", "value = 30"), "b.toml", locked);
        Assert.Equal("2", changed.Entries.Single().Version);
        Assert.Equal(0, changed.Conflicts);
    }

    [Theory]
    [InlineData("1", "2")]
    [InlineData("1.0.3", "1.0.4")]
    [InlineData("beta", "beta.1")]
    public void Next_versions(string version, string next) => Assert.Equal(next, VersionLock.Next(version));

    [Theory]
    [InlineData("""{"Name":"X_CL","Properties":[]}""", "sentinel-table")]
    [InlineData("""[{"Name":"X_CL","Properties":[]}]""", "sentinel-table")]
    [InlineData("""{"logs-*":{"a":"keyword"}}""", "elastic-fields")]
    public void Schema_files_are_told_apart_by_shape(string json, string kind) => Assert.Equal(kind, ProjectFileOptions.SchemaKind(json));
}
