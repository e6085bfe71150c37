using System.CommandLine;
using AzureRules.Cli.Commands;
using AzureRules.Sdk.Engine;
using AzureRules.Sdk.Events;
using NATS.Client.JetStream;

namespace AzureRules.Cli.Fleet;

/// <summary>
/// <c>azrules ingest --events PATH… --nats URL [--end-of-input]</c>: reads events as <c>run</c> does —
/// files merged by event time, malformed lines reported with file and line — and publishes each, in
/// that order, to the fleet's events stream on <c>FLEET.events.TABLE</c>, with its file and line as
/// message id, so a re-run within the duplicate window adds nothing. <c>--end-of-input</c> then marks
/// the input complete: workers run the executions that only the end of the input makes due (as
/// <c>run</c> does at the end of its files) and finish.
/// </summary>
internal static class IngestCommand
{
    // every this many events, one is published with an acknowledgement: the publisher waits for the
    // server there, so it never runs more than this far ahead, and a refusal (no space, a limit) stops it
    private const int AcknowledgedEvery = 1000;

    public static Command Create()
    {
        var events = new Option<string[]>("--events") { Description = "JSON-lines event files or folders ('-' for stdin)", Required = true, AllowMultipleArgumentsPerToken = true };
        var options = new FleetOptions();
        var endOfInput = new Option<bool>("--end-of-input") { Description = "After these events, mark the input complete: workers run their last executions and finish" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No closing summary on stderr (malformed lines are still reported)" };
        var command = new Command("ingest", "Publish events to a fleet's JetStream stream (NATS), in replay order") { events, endOfInput, quiet };
        options.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!options.TryRead(parse, out var url, out var names)) return CommandLineHost.UsageError;
            try
            {
                await using var fleet = await FleetConnection.OpenAsync(url, names, "azrules-ingest", cancellationToken);
                var clock = System.Diagnostics.Stopwatch.StartNew();
                var (published, duplicates, errors) = await PublishAsync(fleet, EventSource.JsonLines(parse.GetValue(events)!), cancellationToken);
                foreach (var error in errors) Console.Error.WriteLine(error);
                if (parse.GetValue(endOfInput))
                {
                    var ack = await fleet.JetStream.PublishAsync(names.EndSubject, Array.Empty<byte>(), opts: new NatsJSPubOpts { MsgId = "end-of-input" }, cancellationToken: cancellationToken);
                    if (!ack.Duplicate) ack.EnsureSuccess();
                }
                if (!parse.GetValue(quiet))
                {
                    var seconds = Math.Max(clock.Elapsed.TotalSeconds, 0.001);
                    Console.Error.WriteLine($"ingest: {published:N0} events published to {names.EventsStream} in {seconds:0.0} s ({published / seconds:N0} events/s)"
                        + (duplicates > 0 ? $", {duplicates:N0} of them already there (dropped as duplicates)" : "")
                        + (errors.Count > 0 ? $", {errors.Count:N0} malformed lines skipped" : "")
                        + (parse.GetValue(endOfInput) ? "; input marked complete" : ""));
                }
                return 0;
            }
            catch (FleetException ex)
            {
                Console.Error.WriteLine("azrules: " + ex.Message);
                return 1;
            }
            catch (FileNotFoundException ex)
            {
                Console.Error.WriteLine("azrules: " + ex.Message);
                return CommandLineHost.UsageError;
            }
        });
        return command;
    }

    /// <summary>
    /// Publishes every event of <paramref name="source"/> in replay order; returns how many were
    /// published, how many of those the stream already had (dropped by their id: counted from the
    /// stream's size, so exact only while no other ingest publishes at the same time) and the malformed lines.
    /// </summary>
    internal static async Task<(long Published, long Duplicates, List<EventError> Errors)> PublishAsync(FleetConnection fleet, EventSource source, CancellationToken cancellationToken)
    {
        var log = new ErrorLog();
        var before = (await fleet.JetStream.GetStreamAsync(fleet.Names.EventsStream, cancellationToken: cancellationToken)).Info.State.Messages;
        long published = 0;
        // one event is held back so that the last one can be published with an acknowledgement: when
        // ingest returns, every event is stored
        (string Subject, byte[] Body, NATS.Client.Core.NatsHeaders Headers)? held = null;
        // the events are read on this thread, in the order the engine replays files (merged by time);
        // one connection keeps that order on the stream
        foreach (var placed in TimeOrderedEvents.Read(source, log, loadViews: false))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var record = placed.Record;
            if (held is { } previous) await PublishAsync(fleet, previous, acknowledged: published % AcknowledgedEvery == 0, cancellationToken);
            // the reader gives each line an array of its own: sent as it is, not copied
            var body = System.Runtime.InteropServices.MemoryMarshal.TryGetArray(record.Json, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
                ? segment.Array : record.Json.ToArray();
            held = (fleet.Names.EventSubject(EventMessages.TableOrIndex(record)), body, EventMessages.Headers(record));
            published++;
        }
        if (held is { } last) await PublishAsync(fleet, last, acknowledged: true, cancellationToken);
        var after = (await fleet.JetStream.GetStreamAsync(fleet.Names.EventsStream, cancellationToken: cancellationToken)).Info.State.Messages;
        var duplicates = Math.Max(0, published - (long)(after - before));
        return (published, duplicates, [.. log.InReadingOrder()]);
    }

    private static async Task PublishAsync(FleetConnection fleet, (string Subject, byte[] Body, NATS.Client.Core.NatsHeaders Headers) message, bool acknowledged, CancellationToken cancellationToken)
    {
        if (acknowledged)
        {
            var ack = await fleet.JetStream.PublishAsync(message.Subject, message.Body, headers: message.Headers, cancellationToken: cancellationToken);
            // a duplicate (the event is already stored, from an earlier ingest) is not a failure
            if (!ack.Duplicate) ack.EnsureSuccess();
        }
        else
        {
            await fleet.Nats.PublishAsync(message.Subject, message.Body, headers: message.Headers, cancellationToken: cancellationToken);
        }
    }
}
