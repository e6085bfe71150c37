using System.Runtime.ExceptionServices;

namespace AzureRules.Sdk.Events;

/// <summary>An event read from a file with a view of its own and what the caller's stateless stage made of it.</summary>
internal readonly record struct ParsedEvent<T>(EventRecord Record, EventView View, T Prepared);

/// <summary>
/// Reads a stream of JSON lines as <see cref="EventSource"/> does (the same checks, errors and
/// progress, in the same order), with the per-line work spread over cores: lines are split into
/// batches; each batch is read — checks, envelope and fields in one pass, each event into a view of
/// its own — and handed to <c>prepare</c> (the caller's stateless work, such as matching rules) on
/// worker threads, while the caller consumes the batch before it. Events come out
/// in line order whatever the threads did. Two batches of views alternate: an event's view holds it
/// until the caller asks for the event after the next batch begins, which a caller consuming in order
/// never holds it past. With a parallelism of one, everything runs on the calling thread.
/// </summary>
internal static class ParallelEventReader
{
    /// <summary>The most lines of a batch: enough to keep every worker busy between hand-overs.</summary>
    public const int MaxBatchSize = 256;

    /// <param name="batchSize">Lines per batch (at most <see cref="MaxBatchSize"/>); two batches of views are kept per stream.</param>
    public static IEnumerable<ParsedEvent<T>> Read<T>(Stream stream, string name, ICollection<EventError> errors, int parallelism, int batchSize,
        Func<EventRecord, EventView, T> prepare, EventReadProgress? progress)
    {
        using var lines = JsonLineSplitter.Split(stream).GetEnumerator();
        batchSize = Math.Clamp(batchSize, 1, MaxBatchSize);
        var batches = new[] { new Batch<T>(batchSize), new Batch<T>(batchSize) };
        var current = 0;
        var pending = Start(batches[0], lines, name, parallelism, prepare);
        try
        {
            while (true)
            {
                pending.GetAwaiter().GetResult();
                var batch = batches[current];
                if (batch.Count == 0) yield break;
                // the other batch's events were all handed out: read it anew while this one is consumed
                pending = Start(batches[current ^ 1], lines, name, parallelism, prepare);
                for (var i = 0; i < batch.Count; i++)
                {
                    ref var item = ref batch.Items[i];
                    item.Failure?.Throw();
                    if (item.Problem is { } problem)
                    {
                        progress?.LineRead(item.Bytes.Length, isEvent: false);
                        errors.Add(new EventError(name, item.Line, problem));
                        continue;
                    }
                    progress?.LineRead(item.Bytes.Length, isEvent: true);
                    yield return new ParsedEvent<T>(item.Record!, batch.Views[i], item.Prepared);
                }
                current ^= 1;
            }
        }
        finally
        {
            // a caller that stops early must not leave a batch being read into views nobody owns
            try { pending.Wait(); } catch (AggregateException) { }
        }
    }

    /// <summary>
    /// Splits the next lines into the batch and reads them. Batches are started one at a time, each after
    /// the one before has finished, so the line splitter is never used by two threads at once.
    /// </summary>
    private static Task Start<T>(Batch<T> batch, IEnumerator<(int, byte[], bool)> lines, string name, int parallelism, Func<EventRecord, EventView, T> prepare)
    {
        if (parallelism <= 1)
        {
            batch.Fill(lines);
            for (var i = 0; i < batch.Count; i++) batch.ReadOne(i, name, prepare);
            return Task.CompletedTask;
        }
        return Task.Run(() =>
        {
            batch.Fill(lines);
            Parallel.For(0, batch.Count, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, i => batch.ReadOne(i, name, prepare));
        });
    }

    private struct Item<T>
    {
        public int Line;
        public byte[] Bytes;
        public bool TooLong;
        public string? Problem;
        public EventRecord? Record;
        public T Prepared;
        public ExceptionDispatchInfo? Failure;
    }

    private sealed class Batch<T>(int size)
    {
        public readonly Item<T>[] Items = new Item<T>[size];
        public readonly EventView[] Views = [.. Enumerable.Range(0, size).Select(_ => new EventView())];
        public int Count;

        public void Fill(IEnumerator<(int Line, byte[] Bytes, bool TooLong)> lines)
        {
            Count = 0;
            while (Count < Items.Length && lines.MoveNext())
            {
                var (line, bytes, tooLong) = lines.Current;
                Items[Count++] = new Item<T> { Line = line, Bytes = bytes, TooLong = tooLong };
            }
        }

        public void ReadOne(int i, string name, Func<EventRecord, EventView, T> prepare)
        {
            ref var item = ref Items[i];
            if (item.TooLong)
            {
                item.Problem = $"the line is longer than {JsonLineSplitter.MaxLineBytes / (1024 * 1024)} MiB; skipped";
                return;
            }
            try
            {
                // one pass: the checks, the envelope and the fields
                if (EventLineReader.ForThread.Read(item.Bytes, Views[i], out var envelope) is { } problem)
                {
                    item.Problem = problem;
                    return;
                }
                item.Record = new EventRecord(name, item.Line, item.Bytes, envelope!);
                item.Prepared = prepare(item.Record, Views[i]);
            }
            catch (Exception ex)
            {
                // raised on the consuming thread, in line order, as a sequential read would
                item.Failure = ExceptionDispatchInfo.Capture(ex);
            }
        }
    }
}
