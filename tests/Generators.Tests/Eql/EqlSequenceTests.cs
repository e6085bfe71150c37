using AzureRules.Sdk.Eql;
using AzureRules.Sdk.Eql.Join;
using AzureRules.Sdk.Events;
using Xunit;

namespace AzureRules.Generators.Tests.Eql;

/// <summary>
/// EQL sequences and samples end to end: the query is compiled by the generator, loaded, and its
/// step predicates and join keys drive the runtime matchers over small event lists. Each event is
/// <c>{"@timestamp": ms, "id": n, …}</c>; results are written as ids ("-" for a missing-event stage).
/// </summary>
public sealed class EqlSequenceTests
{
    private static string Ev(int id, long ms, string category, string extra = "")
        => $$"""{"@timestamp":{{ms}},"id":{{id}},"event":{"category":"{{category}}"}{{(extra.Length > 0 ? "," + extra : "")}}}""";

    /// <summary>Runs the query as the EQL search API would: events in timestamp order, results by their last event, then pipes.</summary>
    private static List<string> Run(string query, params string[] events)
    {
        var definition = EqlTestRules.Join(query).Join;
        var view = new EventView();
        var hits = new List<EqlJoinEvent<int>>();
        // slots before the first load: a view indexes the fields known when it loads
        var timestamp = FieldTable.Slot("@timestamp");
        var idSlot = FieldTable.Slot("id");
        for (var i = 0; i < events.Length; i++)
        {
            view.Load(System.Text.Encoding.UTF8.GetBytes(events[i]));
            var time = view.First(timestamp).Integer;
            var id = (int)view.First(idSlot).Integer;
            if (EqlJoinEvent<int>.Match(definition, view) is { } matches)
                hits.Add(new EqlJoinEvent<int>(new EqlOrdinal(time * 1_000_000, 0, i), id, matches));
        }
        List<EqlJoinResult<int>> results;
        if (definition.Kind == EqlJoinKind.Sequence)
        {
            hits.Sort((a, b) => a.Ordinal.CompareTo(b.Ordinal));
            var matcher = new EqlSequenceMatcher<int>(definition);
            foreach (var hit in hits) matcher.Add(hit);
            matcher.Finish();
            results = [.. matcher.TakeCompleted().OrderBy(r => r.End).ThenBy(r => r.Key)];
        }
        else
        {
            var matcher = new EqlSampleMatcher<int>(definition);
            foreach (var hit in hits) matcher.Add(hit);
            results = matcher.Results();
        }
        return [.. EqlPipe.Apply(results, definition.Pipes).Select(r => string.Join(",", r.Events.Select(e => e is null ? "-" : e.Payload.ToString())))];
    }

    [Fact]
    public void StepsMatchInTimestampOrderNotReadingOrder()
    {
        const string q = "sequence [process where true] [network where true]";
        Assert.Equal(["1,2"], Run(q, Ev(2, 2000, "network"), Ev(1, 1000, "process")));
        Assert.Empty(Run(q, Ev(1, 2000, "process"), Ev(2, 1000, "network")));
    }

    [Fact]
    public void OnlyTheLatestPartialSequenceOfAStageIsKept()
    {
        // two starts, one follow-up: Elasticsearch completes the latest start only
        Assert.Equal(["2,3"], Run("sequence [process where true] [network where true]",
            Ev(1, 1000, "process"), Ev(2, 2000, "process"), Ev(3, 3000, "network")));
    }

    [Fact]
    public void AnEventMatchingTwoStagesNeverCarriesOneSequenceTwoStepsAtOnce()
    {
        Assert.Equal(["1,2,3", "2,3,4"], Run("sequence [process where true] [process where id <= 3] [process where true]",
            Ev(1, 1000, "process"), Ev(2, 2000, "process"), Ev(3, 3000, "process"), Ev(4, 4000, "process")));
    }

    [Fact]
    public void SequenceKeysJoinEventsOfTheSameValueOnly()
    {
        const string q = "sequence by user.name [process where true] [network where true]";
        Assert.Equal(["2,3", "1,4"], Run(q,
            Ev(1, 1000, "process", "\"user\":{\"name\":\"a\"}"),
            Ev(2, 2000, "process", "\"user\":{\"name\":\"b\"}"),
            Ev(3, 3000, "network", "\"user\":{\"name\":\"b\"}"),
            Ev(4, 4000, "network", "\"user\":{\"name\":\"a\"}")));
        // a required key that is missing keeps the event out of the step
        Assert.Empty(Run(q, Ev(1, 1000, "process"), Ev(2, 2000, "network")));
    }

    [Fact]
    public void PerStepKeysAreJoinedPositionally()
    {
        // the parent's pid of the child equals the pid of the parent
        const string q = "sequence [process where true] by process.pid [process where true] by process.parent.pid";
        Assert.Equal(["1,3"], Run(q,
            Ev(1, 1000, "process", "\"process\":{\"pid\":10}"),
            Ev(2, 2000, "process", "\"process\":{\"pid\":11,\"parent\":{\"pid\":99}}"),
            Ev(3, 3000, "process", "\"process\":{\"pid\":12,\"parent\":{\"pid\":10}}")));
    }

    [Fact]
    public void OptionalKeyFieldsJoinMissingAsNull()
    {
        Assert.Equal(["1,2"], Run("sequence by ?user.name [process where true] [network where true]",
            Ev(1, 1000, "process"), Ev(2, 2000, "network")));
    }

    [Fact]
    public void MultiValuedKeysJoinOnEachValue()
    {
        Assert.Equal(["1,2", "1,2"], Run("sequence by tags [process where true] [network where true]",
            Ev(1, 1000, "process", "\"tags\":[\"x\",\"y\"]"), Ev(2, 2000, "network", "\"tags\":[\"y\",\"x\"]")));
    }

    [Fact]
    public void MaxSpanIsInclusive()
    {
        const string q = "sequence with maxspan=5s [process where true] [network where true]";
        Assert.Equal(["1,2"], Run(q, Ev(1, 1000, "process"), Ev(2, 6000, "network")));
        Assert.Empty(Run(q, Ev(1, 1000, "process"), Ev(2, 6001, "network")));
        // maxspan measures from the first event, not the previous one
        Assert.Empty(Run("sequence with maxspan=5s [process where true] [file where true] [network where true]",
            Ev(1, 1000, "process"), Ev(2, 4000, "file"), Ev(3, 7000, "network")));
    }

    [Fact]
    public void UntilEndsPartialSequencesOfItsKey()
    {
        const string q = "sequence by host.id [process where true] [network where true] until [file where file.name == \"end\"]";
        Assert.Empty(Run(q,
            Ev(1, 1000, "process", "\"host\":{\"id\":\"h\"}"),
            Ev(2, 2000, "file", "\"host\":{\"id\":\"h\"},\"file\":{\"name\":\"end\"}"),
            Ev(3, 3000, "network", "\"host\":{\"id\":\"h\"}")));
        // an until event of another key ends nothing
        Assert.Equal(["1,3"], Run(q,
            Ev(1, 1000, "process", "\"host\":{\"id\":\"h\"}"),
            Ev(2, 2000, "file", "\"host\":{\"id\":\"other\"},\"file\":{\"name\":\"end\"}"),
            Ev(3, 3000, "network", "\"host\":{\"id\":\"h\"}")));
    }

    [Fact]
    public void RunsRepeatsAStep()
    {
        const string q = "sequence [authentication where true] with runs=3 [process where true]";
        Assert.Equal(["1,2,3,4"], Run(q, Ev(1, 1000, "authentication"), Ev(2, 2000, "authentication"), Ev(3, 3000, "authentication"), Ev(4, 4000, "process")));
        Assert.Empty(Run(q, Ev(1, 1000, "authentication"), Ev(2, 2000, "authentication"), Ev(4, 4000, "process")));
    }

    [Fact]
    public void AMissingEventBetweenTwoStepsRejectsTheSequence()
    {
        const string q = "sequence with maxspan=1m [process where true] ![file where true] [network where true]";
        Assert.Equal(["1,-,3"], Run(q, Ev(1, 1000, "process"), Ev(3, 3000, "network")));
        Assert.Empty(Run(q, Ev(1, 1000, "process"), Ev(2, 2000, "file"), Ev(3, 3000, "network")));
    }

    [Fact]
    public void ATrailingMissingEventCountsOnlyWithinMaxSpanOfTheStart()
    {
        const string q = "sequence with maxspan=10s [process where true] [network where true] ![file where true]";
        Assert.Empty(Run(q, Ev(1, 1000, "process"), Ev(2, 2000, "network"), Ev(3, 11000, "file")));
        Assert.Equal(["1,2,-"], Run(q, Ev(1, 1000, "process"), Ev(2, 2000, "network"), Ev(3, 11001, "file")));
    }

    [Fact]
    public void HeadAndTailCutTheOrderedSequences()
    {
        var events = new[] { Ev(1, 1000, "process"), Ev(2, 2000, "network"), Ev(3, 3000, "process"), Ev(4, 4000, "network"), Ev(5, 5000, "process"), Ev(6, 6000, "network") };
        Assert.Equal(["1,2", "3,4"], Run("sequence [process where true] [network where true] | head 2", events));
        Assert.Equal(["5,6"], Run("sequence [process where true] [network where true] | tail 1", events));
    }

    [Fact]
    public void SamplesMatchInAnyOrderPerKey()
    {
        const string q = "sample by host.id [network where true] [process where true]";
        Assert.Equal(["2,1"], Run(q, Ev(1, 1000, "process", "\"host\":{\"id\":\"h\"}"), Ev(2, 2000, "network", "\"host\":{\"id\":\"h\"}")));
        Assert.Empty(Run(q, Ev(1, 1000, "process", "\"host\":{\"id\":\"h\"}"), Ev(2, 2000, "network", "\"host\":{\"id\":\"g\"}")));
        // keys come out in key order, one sample each by default
        Assert.Equal(["4,3", "2,1"], Run(q,
            Ev(1, 1000, "process", "\"host\":{\"id\":\"z\"}"), Ev(2, 2000, "network", "\"host\":{\"id\":\"z\"}"),
            Ev(3, 3000, "process", "\"host\":{\"id\":\"a\"}"), Ev(4, 4000, "network", "\"host\":{\"id\":\"a\"}"),
            Ev(5, 5000, "network", "\"host\":{\"id\":\"a\"}")));
    }

    [Fact]
    public void MaxSamplesPerKeyBoundsTheSamplesOfAKey()
    {
        var definition = EqlTestRules.Join("sample by host.id [network where true] [process where true]").Join;
        var view = new EventView();
        var matcher = new EqlSampleMatcher<int>(definition, maxSamplesPerKey: 2);
        for (var i = 0; i < 6; i++)
        {
            view.Load(System.Text.Encoding.UTF8.GetBytes(Ev(i, i * 1000, i % 2 == 0 ? "network" : "process", "\"host\":{\"id\":\"h\"}")));
            matcher.Add(new EqlJoinEvent<int>(new EqlOrdinal(i, 0, i), i, EqlJoinEvent<int>.Match(definition, view)!));
        }
        Assert.Equal(2, matcher.Results().Count);
    }

    [Fact]
    public void PartialSequencesExpireWithTheSpanSoMemoryIsBounded()
    {
        var definition = EqlTestRules.Join("sequence by user.name [process where true] [network where true]").Join;
        var matcher = new EqlSequenceMatcher<int>(definition, expiry: TimeSpan.FromMinutes(1));
        var view = new EventView();
        // 100,000 starts, each with its own key, one second apart: none ever completes
        for (var i = 0; i < 100_000; i++)
        {
            view.Load(System.Text.Encoding.UTF8.GetBytes(Ev(i, i * 1000L, "process", $"\"user\":{{\"name\":\"u{i}\"}}")));
            matcher.Add(new EqlJoinEvent<int>(new EqlOrdinal(i * 1_000_000_000L, 0, i), i, EqlJoinEvent<int>.Match(definition, view)!));
        }
        // at most a minute of starts plus one sweep interval stays in memory
        Assert.InRange(matcher.InFlight, 1, 60 + 1024);
    }

    [Fact]
    public void TheTiebreakerFieldOrdersEventsOfEqualTimestamp()
    {
        // read "b" first, but its tiebreaker puts it after "a": only the rule with tiebreaker_field sees a → b
        const string query = "sequence [process where process.name == \"a\"] [process where process.name == \"b\"]";
        var path = Path.Combine(Path.GetTempPath(), $"tiebreaker-{Guid.NewGuid():N}.jsonl");
        File.WriteAllLines(path,
        [
            """{"@timestamp":"2026-01-01T00:00:00Z","event":{"category":"process","sequence":2},"process":{"name":"b"}}""",
            """{"@timestamp":"2026-01-01T00:00:00Z","event":{"category":"process","sequence":1},"process":{"name":"a"}}""",
        ]);
        try
        {
            var withTiebreaker = new AzureRules.Sdk.Engine.DetectionEngine([EqlTestRules.Join(query, "event.sequence")])
                .Run(AzureRules.Sdk.Events.EventSource.JsonLines(path));
            var alert = Assert.Single(withTiebreaker.Alerts);
            Assert.Equal([2, 1], alert.Events.Select(e => e.LineNumber));
            var readingOrder = new AzureRules.Sdk.Engine.DetectionEngine([EqlTestRules.Join(query)])
                .Run(AzureRules.Sdk.Events.EventSource.JsonLines(path));
            Assert.Empty(readingOrder.Alerts);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
