using System.Diagnostics;
using System.Text;
using AzureRules.Cli.Fleet;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;
using Xunit;

namespace AzureRules.Cli.Tests.Fleet;

/// <summary>
/// The fleet end to end, as users run it: <c>azrules ingest</c>, N <c>azrules worker</c> processes and
/// <c>azrules alerts</c> against a local nats-server; the alerts must be exactly those one
/// <c>azrules run</c> process prints (the same JSON lines, the same multiset), each once on the alerts
/// stream — also when a worker is killed mid-stream or stopped with SIGTERM and others take over.
/// </summary>
public sealed class FleetTests(NatsServer nats, FleetMix mix) : IClassFixture<NatsServer>, IClassFixture<FleetMix>
{
    [NatsFact]
    public void One_worker_raises_the_alerts_of_a_single_run_process() => AssertSameAlertsWith(workers: 1);

    [NatsFact]
    public void Two_workers_raise_the_alerts_of_a_single_run_process() => AssertSameAlertsWith(workers: 2);

    [NatsFact]
    public void Three_workers_raise_the_alerts_of_a_single_run_process() => AssertSameAlertsWith(workers: 3);

    [NatsFact]
    public void A_worker_killed_mid_stream_is_replaced_and_every_alert_is_still_there_once()
    {
        const string fleet = "killed";
        // the input is not marked complete yet, so no worker can finish before the kill
        Ingest(fleet, endOfInput: false);
        var victim = StartWorker(fleet, "victim", out var victimLog);
        var survivor = StartWorker(fleet, "survivor", out var survivorLog);
        try
        {
            // mid-stream: the victim replays partitions and alerts are being published
            WaitUntil(() => (victimLog.ToString().Contains("replaying partitions") && AlertsInStream(fleet) > 0) || victim.HasExited, TimeSpan.FromMinutes(2), "the victim to replay and alerts to come");
            Assert.False(victim.HasExited, victimLog.ToString());
            FleetProcesses.Signal(victim, 9);
            victim.WaitForExit();
            Assert.NotEqual(0, victim.ExitCode);
            // the rest of the input: the events again (all dropped as duplicates) and the end marker
            Ingest(fleet, endOfInput: true);
            var replacement = StartWorker(fleet, "replacement", out var replacementLog);
            WaitForExit(survivor, survivorLog);
            WaitForExit(replacement, replacementLog);
            Assert.True(survivor.ExitCode == 0, survivorLog.ToString());
            Assert.True(replacement.ExitCode == 0, replacementLog.ToString());
            AssertSameAlerts(fleet);
        }
        finally
        {
            if (!victim.HasExited) victim.Kill();
            if (!survivor.HasExited) survivor.Kill();
        }
    }

    [NatsFact]
    public void A_worker_stops_cleanly_on_SIGTERM_and_its_partitions_move_at_once()
    {
        const string fleet = "terminated";
        Ingest(fleet, endOfInput: false);
        var stopping = StartWorker(fleet, "stopping", out var stoppingLog);
        WaitUntil(() => stoppingLog.ToString().Contains("replaying partitions") || stopping.HasExited, TimeSpan.FromMinutes(2), "the worker to start replaying");
        FleetProcesses.Signal(stopping, 15);
        WaitForExit(stopping, stoppingLog);
        Assert.True(stopping.ExitCode == 0, stoppingLog.ToString());
        Assert.Contains("stopped; partitions", stoppingLog.ToString());
        Assert.Contains("left the fleet", stoppingLog.ToString());

        Ingest(fleet, endOfInput: true);
        var next = StartWorker(fleet, "next", out var nextLog);
        WaitForExit(next, nextLog);
        Assert.True(next.ExitCode == 0, nextLog.ToString());
        AssertSameAlerts(fleet);
    }

    [NatsFact]
    public void Ingest_reports_malformed_lines_as_run_does_and_a_second_ingest_adds_nothing()
    {
        const string fleet = "ingest-twice";
        var first = Ingest(fleet);
        Assert.Contains("broken.jsonl(2): error:", first.Error);
        var stored = EventsInStream(fleet);
        var second = Ingest(fleet);
        Assert.Equal(stored, EventsInStream(fleet));
        Assert.Matches(@"ingest: [\d,]+ events published .*, ([\d,]+) of them already there", second.Error);
    }

    private void AssertSameAlertsWith(int workers)
    {
        var fleet = $"workers{workers}";
        Ingest(fleet);
        var processes = Enumerable.Range(1, workers).Select(i => (Process: StartWorker(fleet, $"w{i}", out var log), Log: log)).ToList();
        try
        {
            foreach (var (process, log) in processes)
            {
                WaitForExit(process, log);
                Assert.True(process.ExitCode == 0, log.ToString());
            }
            if (workers > 1)
            {
                // the work was shared: more than one worker replayed partitions with rules
                Assert.True(processes.Count(p => p.Log.ToString().Contains("finished:")) > 1, string.Join("\n", processes.Select(p => p.Log)));
            }
            AssertSameAlerts(fleet);
        }
        finally
        {
            foreach (var (process, _) in processes) if (!process.HasExited) process.Kill();
        }
    }

    private void AssertSameAlerts(string fleet)
    {
        var alerts = FleetProcesses.Run("alerts", "--nats", nats.Url, "--fleet", fleet, "--wait", "--timeout", "00:02:00");
        Assert.True(alerts.ExitCode == 0, alerts.Error);
        var lines = alerts.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(mix.Reference);
        Assert.Equal(mix.Reference.Order(StringComparer.Ordinal), lines.Order(StringComparer.Ordinal));
        // effectively once: the stream holds each deterministic id once, and those are the ids of run's alerts
        var ids = AlertIdsInStream(fleet);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(AlertIds.Of(mix.Reference).Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
    }

    private FleetProcesses.Result Ingest(string fleet, bool endOfInput = true)
    {
        var ingest = FleetProcesses.Run(["ingest", "--events", .. mix.Events, "--nats", nats.Url, "--fleet", fleet, .. (endOfInput ? new[] { "--end-of-input" } : [])]);
        Assert.True(ingest.ExitCode == 0, ingest.Error);
        return ingest;
    }

    private Process StartWorker(string fleet, string id, out StringBuilder log)
        => FleetProcesses.Start(["worker", "--rules", .. mix.Rules, "--enrich-policies", mix.EnrichPolicies, "--nats", nats.Url, "--fleet", fleet, "--id", id, "--threads", "1"], out _, out log);

    private static void WaitForExit(Process process, StringBuilder log)
    {
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill();
            Assert.Fail("the worker did not finish: " + log);
        }
        process.WaitForExit();
    }

    private static void WaitUntil(Func<bool> condition, TimeSpan limit, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > limit) Assert.Fail($"waited {limit} for {what}");
            Thread.Sleep(100);
        }
    }

    private long EventsInStream(string fleet) => WithFleet(fleet, async f => (await f.JetStream.GetStreamAsync(f.Names.EventsStream)).Info.State.Messages);

    private long AlertsInStream(string fleet) => WithFleet(fleet, async f => (await f.JetStream.GetStreamAsync(f.Names.AlertsStream)).Info.State.Messages);

    private List<string> AlertIdsInStream(string fleet) => WithFleet(fleet, async f =>
    {
        var last = (await f.JetStream.GetStreamAsync(f.Names.AlertsStream)).Info.State.LastSeq;
        var ids = new List<string>();
        if (last == 0) return ids;
        var consumer = await f.JetStream.CreateOrderedConsumerAsync(f.Names.AlertsStream, new NatsJSOrderedConsumerOpts { DeliverPolicy = ConsumerConfigDeliverPolicy.All });
        await foreach (var message in consumer.ConsumeAsync<byte[]>())
        {
            ids.Add(message.Headers![AlertPublisher.AlertIdHeader].ToString());
            if (message.Metadata!.Value.Sequence.Stream >= last) break;
        }
        return ids;
    });

    private T WithFleet<T>(string fleet, Func<FleetConnection, Task<T>> action)
    {
        Assert.True(FleetNames.TryCreate(fleet, out var names, out _));
        return Task.Run(async () =>
        {
            await using var connection = await FleetConnection.OpenAsync(nats.Url, names, "azrules-tests", CancellationToken.None);
            return await action(connection);
        }).GetAwaiter().GetResult();
    }
}
