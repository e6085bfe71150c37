using AzureRules.Sdk.Alerts;
using NATS.Client.Core;
using NATS.Client.JetStream;

namespace AzureRules.Cli.Fleet;

/// <summary>
/// Publishes a worker's alerts to the alerts stream, each with its deterministic id
/// (<see cref="AlertIds"/>) as message id, so the copies a replay after a crash or a partition move
/// produces are dropped by the server. Up to <see cref="InFlight"/> publishes wait for their
/// acknowledgement at once; <see cref="FlushAsync"/> waits for all — a partition is recorded as
/// finished only after that.
/// </summary>
internal sealed class AlertPublisher(FleetConnection fleet)
{
    private const int InFlight = 256;
    public const string AlertIdHeader = "Azr-Alert-Id";

    private readonly AlertIds _ids = new();
    private readonly Queue<Task<NATS.Client.JetStream.Models.PubAckResponse>> _pending = new();
    private long _published;
    private long _duplicates;

    /// <summary>Alerts published (new to the stream).</summary>
    public long Published => Interlocked.Read(ref _published);
    /// <summary>Alerts the stream already had (published before by this partition's previous owner).</summary>
    public long Duplicates => Interlocked.Read(ref _duplicates);

    /// <summary>Publishes one alert; called on the engine's thread, in the engine's order.</summary>
    public void Publish(Alert alert)
    {
        var line = AlertJson.ToJsonLine(alert);
        var id = _ids.Next(line);
        var headers = new NatsHeaders { [AlertIdHeader] = id };
        _pending.Enqueue(fleet.JetStream.PublishAsync(fleet.Names.AlertsSubject, System.Text.Encoding.UTF8.GetBytes(line),
            opts: new NatsJSPubOpts { MsgId = id }, headers: headers).AsTask());
        while (_pending.Count > InFlight) Count(_pending.Dequeue().GetAwaiter().GetResult());
    }

    public async Task FlushAsync()
    {
        while (_pending.Count > 0) Count(await _pending.Dequeue());
    }

    private void Count(NATS.Client.JetStream.Models.PubAckResponse ack)
    {
        // a duplicate is the point of the ids: the alert is already on the stream, raised by a previous owner
        if (ack.Duplicate)
        {
            Interlocked.Increment(ref _duplicates);
            return;
        }
        ack.EnsureSuccess();
        Interlocked.Increment(ref _published);
    }
}
