using System.CommandLine;
using AzureRules.Cli.Commands;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;

namespace AzureRules.Cli.Fleet;

/// <summary>
/// <c>azrules alerts --nats URL [--wait | --follow]</c>: writes the fleet's alerts as JSON lines, the
/// lines <c>azrules run</c> prints, each once (the stream dropped the copies by id). Without options it
/// writes the alerts the stream holds now and exits; <c>--wait</c> first waits until every partition
/// of the fleet is finished (the input was marked complete and fully replayed); <c>--follow</c> keeps
/// writing new alerts until stopped.
/// </summary>
internal static class AlertsCommand
{
    public static Command Create()
    {
        var fleetOptions = new FleetOptions();
        var wait = new Option<bool>("--wait") { Description = "Wait until the fleet has finished the input (ingest --end-of-input, every partition replayed), then write every alert" };
        var follow = new Option<bool>("--follow", "-f") { Description = "Keep writing alerts as they come, until stopped" };
        var timeout = new Option<string?>("--timeout") { Description = "With --wait: give up after this long (a timespan, e.g. 00:10:00); exit code 1" };
        var command = new Command("alerts", "Write a fleet's alerts (NATS JetStream) as JSON lines") { wait, follow, timeout };
        fleetOptions.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!fleetOptions.TryRead(parse, out var url, out var names)) return CommandLineHost.UsageError;
            TimeSpan? limit = null;
            if (parse.GetValue(timeout) is { } text)
            {
                if (!TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var t) || t <= TimeSpan.Zero)
                {
                    Console.Error.WriteLine($"azrules: --timeout '{text}' is not a positive timespan (e.g. 00:10:00)");
                    return CommandLineHost.UsageError;
                }
                limit = t;
            }
            try
            {
                await using var fleet = await FleetConnection.OpenAsync(url, names, "azrules-alerts", cancellationToken);
                if (parse.GetValue(wait) && !await WaitForFleetAsync(fleet, limit, cancellationToken))
                {
                    Console.Error.WriteLine($"azrules: the fleet did not finish within {limit}");
                    return 1;
                }
                var written = await WriteAsync(fleet, Console.Out, parse.GetValue(follow), cancellationToken);
                Console.Error.WriteLine($"alerts: {written:N0} alerts from {names.AlertsStream}");
                return 0;
            }
            catch (FleetException ex)
            {
                Console.Error.WriteLine("azrules: " + ex.Message);
                return 1;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return 0;
            }
        });
        return command;
    }

    /// <summary>Waits until the state bucket records every partition as finished; false when <paramref name="limit"/> passed first.</summary>
    internal static async Task<bool> WaitForFleetAsync(FleetConnection fleet, TimeSpan? limit, CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var state = await fleet.StateAsync(cancellationToken);
        var membership = new Membership(await fleet.WorkersAsync(cancellationToken), state, "alerts-reader");
        while (true)
        {
            var count = await state.TryGetEntryAsync<string>("partitions", cancellationToken: cancellationToken);
            if (count.Success && (await membership.DoneAsync(cancellationToken)).Count >= int.Parse(count.Value.Value!, System.Globalization.CultureInfo.InvariantCulture))
                return true;
            if (limit is { } l && clock.Elapsed > l) return false;
            await Task.Delay(500, cancellationToken);
        }
    }

    /// <summary>Writes the alerts stream's messages as lines, from the first; stops at the last one stored now unless following.</summary>
    internal static async Task<long> WriteAsync(FleetConnection fleet, TextWriter output, bool follow, CancellationToken cancellationToken)
    {
        var last = (await fleet.JetStream.GetStreamAsync(fleet.Names.AlertsStream, cancellationToken: cancellationToken)).Info.State.LastSeq;
        if (last == 0 && !follow) return 0;
        long written = 0;
        var consumer = await fleet.JetStream.CreateOrderedConsumerAsync(fleet.Names.AlertsStream,
            new NatsJSOrderedConsumerOpts { DeliverPolicy = ConsumerConfigDeliverPolicy.All }, cancellationToken);
        await foreach (var message in consumer.ConsumeAsync<byte[]>(cancellationToken: cancellationToken))
        {
            output.WriteLine(System.Text.Encoding.UTF8.GetString(message.Data ?? []));
            written++;
            if (!follow && message.Metadata is { } metadata && metadata.Sequence.Stream >= last) break;
        }
        await output.FlushAsync(cancellationToken);
        return written;
    }
}
