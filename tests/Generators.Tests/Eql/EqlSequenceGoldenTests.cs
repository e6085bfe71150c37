using System.Runtime.CompilerServices;
using Xunit;

namespace AzureRules.Generators.Tests.Eql;

/// <summary>
/// The C# emitted for a sequence rule is compared with a checked-in snapshot, so a change of its
/// shape is seen in review. Set <c>AZURERULES_UPDATE_GOLDEN=1</c> to rewrite the snapshot.
/// </summary>
public sealed class EqlSequenceGoldenTests
{
    // a corpus-shaped sequence: per-step keys, maxspan, until, runs, a missing event, an optional key and a pipe
    private const string Query = """
        sequence by host.id, ?user.name with maxspan=30s
          [process where event.type == "start" and process.name : ("cmd.exe", "powershell.exe")] by process.entity_id
          [network where destination.port == 443] by process.entity_id with runs=2
          ![file where file.extension : "tmp"] by process.entity_id
          [file where length(file.path) > 10] by process.entity_id
        until [process where event.type == "end"] by process.entity_id
        | head 5
        """;

    [Fact]
    public void SequenceRuleMembersMatchTheSnapshot()
    {
        var compiled = EqlTestRules.Compile(Query);
        Assert.True(compiled.IsExecutable, compiled.NotExecutableReason);
        var actual = compiled.Members!.Replace("\r\n", "\n");
        var path = SnapshotPath();
        if (Environment.GetEnvironmentVariable("AZURERULES_UPDATE_GOLDEN") == "1") File.WriteAllText(path, actual);
        Assert.Equal(File.ReadAllText(path).Replace("\r\n", "\n"), actual);
    }

    private static string SnapshotPath([CallerFilePath] string thisFile = "")
        => Path.Combine(Path.GetDirectoryName(thisFile)!, "Golden", "Sequence.members.cs.txt");
}
