using System.Collections.Concurrent;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;

namespace AzureRules.Cli.Fleet;

/// <summary>
/// The fleet's events stream as the engine's input: an ordered consumer reads it from the first
/// message, in stream order (the order ingest published, the order <c>run</c> replays files in), into
/// a bounded buffer, and <see cref="Records"/> hands them out one by one, blocking while none has
/// arrived, until the end-of-input marker. Progress (stream position and messages still pending) is
/// kept for the worker's status line.
/// </summary>
internal sealed class StreamedEvents : IDisposable
{
    private readonly BlockingCollection<Sdk.Events.EventRecord?> _buffer = new(boundedCapacity: 8192);
    private readonly Task _reading;
    private readonly CancellationToken _cancellationToken;
    private long _events;
    private long _position;
    private long _pending;

    public StreamedEvents(FleetConnection fleet, CancellationToken cancellationToken)
    {
        _cancellationToken = cancellationToken;
        _reading = Task.Run(() => ReadAsync(fleet, cancellationToken), CancellationToken.None);
    }

    /// <summary>Events read so far.</summary>
    public long Events => Interlocked.Read(ref _events);
    /// <summary>The stream sequence of the last message read.</summary>
    public long Position => Interlocked.Read(ref _position);
    /// <summary>Messages in the stream after <see cref="Position"/>: how far this worker lags behind ingest.</summary>
    public long Pending => Interlocked.Read(ref _pending);
    /// <summary>The end-of-input marker was read.</summary>
    public bool ReachedEnd { get; private set; }

    /// <summary>Messages that were not events ingest wrote: reported, skipped.</summary>
    public ConcurrentQueue<string> Problems { get; } = new();

    public IEnumerable<Sdk.Events.EventRecord> Records()
    {
        foreach (var record in _buffer.GetConsumingEnumerable(_cancellationToken))
        {
            if (record is null) yield break;
            yield return record;
        }
        // the reader stopped before the end: a failure (lost server, cancelled) is not an end of input
        _reading.GetAwaiter().GetResult();
        _cancellationToken.ThrowIfCancellationRequested();
        throw new FleetException("the events stream ended without the end-of-input marker");
    }

    private async Task ReadAsync(FleetConnection fleet, CancellationToken cancellationToken)
    {
        try
        {
            var consumer = await fleet.JetStream.CreateOrderedConsumerAsync(fleet.Names.EventsStream,
                new NatsJSOrderedConsumerOpts { DeliverPolicy = ConsumerConfigDeliverPolicy.All }, cancellationToken);
            await foreach (var message in consumer.ConsumeAsync<byte[]>(opts: new NatsJSConsumeOpts { MaxMsgs = 2000 }, cancellationToken: cancellationToken))
            {
                if (message.Metadata is { } metadata)
                {
                    Interlocked.Exchange(ref _position, (long)metadata.Sequence.Stream);
                    Interlocked.Exchange(ref _pending, (long)metadata.NumPending);
                }
                if (message.Subject == fleet.Names.EndSubject)
                {
                    ReachedEnd = true;
                    _buffer.Add(null, cancellationToken);
                    return;
                }
                if (EventMessages.Read(message.Headers, message.Data, out var problem) is { } record)
                {
                    Interlocked.Increment(ref _events);
                    _buffer.Add(record, cancellationToken);
                }
                else Problems.Enqueue($"stream message {message.Metadata?.Sequence.Stream}: {problem}");
            }
        }
        finally
        {
            _buffer.CompleteAdding();
        }
    }

    public void Dispose() => _buffer.Dispose();
}
