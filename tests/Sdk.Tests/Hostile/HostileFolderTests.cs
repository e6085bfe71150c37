using System.Diagnostics;
using AzureRules.Sdk.Events;
using Xunit;

namespace AzureRules.Sdk.Tests.Hostile;

/// <summary>Event folders with link loops, dangling links and FIFOs: each file read once, problems reported, nothing blocks.</summary>
public sealed class HostileFolderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("azrules-walk-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private const string Event = "{\"@timestamp\":\"2024-01-01T00:00:00Z\",\"user\":\"alice\"}\n";

    [Fact]
    public void Link_loops_dangling_links_and_fifos_are_reported_and_every_event_is_read_once()
    {
        if (OperatingSystem.IsWindows()) return; // symbolic links and FIFOs need a Unix file system here
        var sub = Directory.CreateDirectory(Path.Combine(_root, "sub")).FullName;
        File.WriteAllText(Path.Combine(sub, "a.jsonl"), Event);
        Directory.CreateSymbolicLink(Path.Combine(sub, "loop"), _root);            // a folder link back up the tree
        File.CreateSymbolicLink(Path.Combine(_root, "dangling.jsonl"), Path.Combine(_root, "missing.jsonl"));
        File.CreateSymbolicLink(Path.Combine(_root, "self1.jsonl"), Path.Combine(_root, "self2.jsonl"));
        File.CreateSymbolicLink(Path.Combine(_root, "self2.jsonl"), Path.Combine(_root, "self1.jsonl"));
        using (var mkfifo = Process.Start("mkfifo", Path.Combine(_root, "pipe.jsonl"))) mkfifo.WaitForExit();

        var errors = new List<EventError>();
        var events = EventSource.JsonLines(_root).Read(errors).ToList();

        Assert.Single(events);
        Assert.Contains(errors, e => e.SourceFile.EndsWith("loop", StringComparison.Ordinal) && e.Message.Contains("loop"));
        Assert.Contains(errors, e => e.SourceFile.EndsWith("dangling.jsonl", StringComparison.Ordinal) && e.Message.Contains("dangling"));
        Assert.Contains(errors, e => e.SourceFile.EndsWith("self1.jsonl", StringComparison.Ordinal) && e.Message.Contains("loop"));
        Assert.Contains(errors, e => e.SourceFile.EndsWith("pipe.jsonl", StringComparison.Ordinal) && e.Message.Contains("not a regular file"));
        Assert.All(errors, e => Assert.Equal(0, e.LineNumber));
    }

    [Fact]
    public void A_fifo_named_on_the_command_line_is_reported_not_opened()
    {
        if (OperatingSystem.IsWindows()) return;
        var pipe = Path.Combine(_root, "named.jsonl");
        using (var mkfifo = Process.Start("mkfifo", pipe)) mkfifo.WaitForExit();
        var errors = new List<EventError>();
        Assert.Empty(EventSource.JsonLines(pipe).Read(errors));
        Assert.Contains("not a regular file", Assert.Single(errors).Message);
    }
}
