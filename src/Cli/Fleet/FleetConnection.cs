using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;
using NATS.Client.KeyValueStore;

namespace AzureRules.Cli.Fleet;

/// <summary>
/// A connection to the fleet's NATS server with JetStream, and the fleet's streams and buckets, created
/// when missing (each command may be the first to run, so each makes sure they exist; creating an
/// existing one with the same configuration is a no-op).
/// </summary>
internal sealed class FleetConnection : IAsyncDisposable
{
    /// <summary>
    /// How long JetStream remembers a message id. A re-run of ingest and a worker that replays after a
    /// crash publish the same ids; within this window the server drops them. One day by default.
    /// </summary>
    public static readonly TimeSpan DefaultDuplicateWindow = TimeSpan.FromDays(1);

    /// <summary>A worker's heartbeat entry lives this long unless renewed: a dead worker's partitions move after it.</summary>
    public static readonly TimeSpan WorkerLease = TimeSpan.FromSeconds(5);

    private FleetConnection(NatsConnection nats, FleetNames names)
    {
        Nats = nats;
        Names = names;
        JetStream = new NatsJSContext(nats);
        KeyValue = new NatsKVContext(JetStream);
    }

    public NatsConnection Nats { get; }
    public NatsJSContext JetStream { get; }
    public NatsKVContext KeyValue { get; }
    public FleetNames Names { get; }

    public static async Task<FleetConnection> OpenAsync(string url, FleetNames names, string clientName, CancellationToken cancellationToken)
    {
        var nats = new NatsConnection(new NatsOpts
        {
            Url = url,
            Name = clientName,
            // an event line may be large; the server's max_payload (1 MiB by default) still applies
            SubPendingChannelCapacity = 4096,
        });
        try
        {
            await nats.ConnectAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is NatsException or TimeoutException)
        {
            await nats.DisposeAsync().ConfigureAwait(false);
            throw new FleetException($"cannot connect to NATS at {url}: {ex.Message}");
        }
        var connection = new FleetConnection(nats, names);
        await connection.EnsureStreamsAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    private async Task EnsureStreamsAsync(CancellationToken cancellationToken)
    {
        try
        {
            await JetStream.CreateOrUpdateStreamAsync(new StreamConfig(Names.EventsStream, [Names.EventSubjects, Names.EndSubject])
            {
                Storage = StreamConfigStorage.File,
                DuplicateWindow = DefaultDuplicateWindow,
                Description = "AzureRules fleet: events in replay order, and the end-of-input marker",
            }, cancellationToken).ConfigureAwait(false);
            await JetStream.CreateOrUpdateStreamAsync(new StreamConfig(Names.AlertsStream, [Names.AlertsSubject])
            {
                Storage = StreamConfigStorage.File,
                DuplicateWindow = DefaultDuplicateWindow,
                Description = "AzureRules fleet: alerts, each once (deterministic message ids)",
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (NatsJSApiException ex) when (ex.Error.Code == 503)
        {
            throw new FleetException("the NATS server has no JetStream (start it with -js)");
        }
    }

    public async Task<INatsKVStore> WorkersAsync(CancellationToken cancellationToken)
        => await KeyValue.CreateOrUpdateStoreAsync(new NatsKVConfig(Names.WorkersBucket) { MaxAge = WorkerLease, History = 1 }, cancellationToken).ConfigureAwait(false);

    public async Task<INatsKVStore> StateAsync(CancellationToken cancellationToken)
        => await KeyValue.CreateOrUpdateStoreAsync(new NatsKVConfig(Names.StateBucket) { History = 1 }, cancellationToken).ConfigureAwait(false);

    public async ValueTask DisposeAsync() => await Nats.DisposeAsync().ConfigureAwait(false);
}

/// <summary>A fleet problem the user can act on (no server, no JetStream, a mismatched configuration): printed without a stack trace.</summary>
internal sealed class FleetException(string message) : Exception(message);
