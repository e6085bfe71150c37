using AzureRules.Sdk.Detections;
using AzureRules.Sdk.Engine;
using AzureRules.Sdk.Events;
using Xunit;

namespace AzureRules.Sdk.Tests.Engine;

/// <summary>
/// The replay's parallel stage (reading and matching in batches on several threads) and prefilter
/// grouping change nothing observable: alerts, their order, errors and per-rule counts are those of
/// one thread without grouping.
/// </summary>
public sealed class ParallelReplayTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("azr-parallel").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>A rule that matches every event and claims a prefilter: what the engine offers it is what the grouping let through.</summary>
    private sealed class ClaimedPrefilterDetection(RuleMetadata metadata, EventPrefilter prefilter) : ElasticEventDetection(metadata)
    {
        public override bool Matches(EventView e) => true;
        public override IReadOnlyList<EventPrefilter> Prefilters => [prefilter];
    }

    /// <summary><see cref="FieldEqualsDetection"/> with its condition as a prefilter, as the compiler would derive it.</summary>
    private sealed class PrefilteredFieldEquals(RuleMetadata metadata, string path, string value) : ElasticEventDetection(metadata)
    {
        private readonly FieldEqualsDetection _inner = new(metadata, path, value);
        public override bool Matches(EventView e) => _inner.Matches(e);
        public override IReadOnlyList<EventPrefilter> Prefilters => [new(path, false, value)];
    }

    private static RuleMetadata Metadata(string name, TimeSpan lookBack) => new()
    {
        Id = Guid.NewGuid(), Name = name, Family = RuleFamily.Elastic, Kind = "query",
        Interval = TimeSpan.FromMinutes(5), LookBack = lookBack, MaxAlerts = 100, Indices = ["*"],
    };

    [Fact]
    public void A_rule_is_offered_only_the_events_its_prefilter_lets_through()
    {
        var path = Path.Combine(_folder, "events.jsonl");
        File.WriteAllLines(path,
        [
            """{"@timestamp":"2026-11-20T10:01:00Z","event":{"code":4624}}""",
            """{"@timestamp":"2026-11-20T10:02:00Z","event":{"code":"4625"}}""",
            """{"@timestamp":"2026-11-20T10:03:00Z","process":{"name":["bash","CMD.EXE"]}}""",
            """{"@timestamp":"2026-11-20T10:04:00Z","process":{"name":"cmd.exe.bak"}}""",
        ]);
        var byNumber = new ClaimedPrefilterDetection(Metadata("code", TimeSpan.FromMinutes(10)), new EventPrefilter("event.code", false, "4624"));
        var caseless = new ClaimedPrefilterDetection(Metadata("name", TimeSpan.FromMinutes(10)), new EventPrefilter("process.name", true, "cmd.exe"));

        var result = new DetectionEngine([byNumber, caseless]).Run(EventSource.JsonLines(path));

        // a number by its text, a case-insensitive term against any element of an array, and nothing else
        Assert.Equal([1], result.Alerts.Where(a => a.Metadata.Name == "code").Select(a => a.Events[0].LineNumber));
        Assert.Equal([3], result.Alerts.Where(a => a.Metadata.Name == "name").Select(a => a.Events[0].LineNumber));
        var ungrouped = new DetectionEngine([byNumber, caseless]) { GroupByPrefilter = false }.Run(EventSource.JsonLines(path));
        Assert.Equal(8, ungrouped.Alerts.Count);
    }

    [Fact]
    public void Alerts_errors_and_counts_are_the_same_on_one_thread_and_on_many_with_or_without_grouping()
    {
        var outcomes = new[] { "success", "failure", "unknown" };
        var users = new[] { "alice", "bob", "carol", "dave" };
        var random = new Random(11);
        var start = DateTimeOffset.Parse("2026-11-20T10:00:00Z");
        for (var file = 0; file < 2; file++)
        {
            var lines = new List<string>();
            for (var i = 0; i < 2500; i++)
            {
                // out of order by up to a minute, malformed lines now and then: both must come out as one thread reports them
                var time = start.AddSeconds(i * 2 + file - random.Next(60)).ToString("yyyy-MM-ddTHH:mm:ssZ");
                if (i % 397 == 5) lines.Add("{\"@timestamp\": broken");
                else lines.Add($"{{\"@timestamp\":\"{time}\",\"_id\":\"f{file}-{i}\",\"event\":{{\"outcome\":\"{outcomes[random.Next(3)]}\"}},\"user\":{{\"name\":\"{users[random.Next(4)]}\"}}}}");
            }
            File.WriteAllLines(Path.Combine(_folder, $"part{file}.jsonl"), lines);
        }
        Detection[] rules =
        [
            new PrefilteredFieldEquals(Metadata("success", TimeSpan.FromMinutes(7)), "event.outcome", "success"),
            new PrefilteredFieldEquals(Metadata("bob", TimeSpan.FromMinutes(5)), "user.name", "bob"),
            FieldEqualsDetection.Create("user.name", "carol", TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(6), maxAlerts: 3, indices: "*"),
        ];

        string Describe(EngineResult r) => string.Join("\n",
            r.Alerts.Select(a => $"{a.Metadata.Name} {a.Timestamp:O} {string.Join(",", a.Events.Select(e => e.ToString()))}")
                .Concat(r.Errors.Select(e => e.ToString()))
                .Concat(r.Rules.Select(s => $"{s.Rule.Metadata.Name}: {s.Matches} matches, {s.Executions} executions, {s.Alerts} alerts"))
                .Append($"read {r.EventsRead}, late {r.LateEvents}"));

        var reference = Describe(new DetectionEngine(rules) { MaxDegreeOfParallelism = 1, GroupByPrefilter = false }.Run(EventSource.JsonLines(_folder)));
        Assert.Contains("success", reference);
        Assert.Contains("part0.jsonl(6): error", reference);
        foreach (var threads in new[] { 1, 2, 4 })
            Assert.Equal(reference, Describe(new DetectionEngine(rules) { MaxDegreeOfParallelism = threads }.Run(EventSource.JsonLines(_folder))));
    }
}
