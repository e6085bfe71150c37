using AzureRules.Sdk.Events;

namespace AzureRules.Sdk.Engine;

/// <summary>
/// An event with its place in the input (for reporting problems in reading order) and its time; <c>View</c>
/// may hold its fields (see <see cref="EventView.Holds"/>), and <c>Prepared</c> is what the reader's
/// stateless stage made of it (null for events given in memory: the caller prepares those itself).
/// </summary>
internal readonly record struct PlacedEvent(EventRecord Record, ReadingOrder Order, DateTimeOffset? Time, EventView? View = null, object? Prepared = null);

/// <summary>Where something was read: the file's place in the input (or a problem's, for one found while listing folders) and the line, or the event's place in a list.</summary>
internal readonly record struct ReadingOrder(int Segment, long Position) : IComparable<ReadingOrder>
{
    public int CompareTo(ReadingOrder other) => Segment != other.Segment ? Segment.CompareTo(other.Segment) : Position.CompareTo(other.Position);
}

/// <summary>
/// The events of a source as one stream in event time, as a streaming replay needs them. Each file
/// is a stream of its own (logs are written in time order: per table, per host), so the files are
/// read side by side and merged by time — a folder of per-table exports replays as the events
/// happened, not table after table. Within a file, events may be out of order up to the engine's
/// lateness. Events given in memory (<see cref="EventSource.FromRecords"/>) are put in time order
/// first (stably). Problems met while reading are collected with their reading order, so they are
/// reported as a file-by-file read would. Each file is read in batches (<see cref="ParallelEventReader"/>),
/// every event into a view of its own in the same pass, spread over <c>parallelism</c> threads together
/// with the caller's stateless <c>prepare</c>: a file's stream moves on only after its event was handed
/// out, so the view still holds that event when the replay gets it. The merged order does not depend
/// on the threads.
/// </summary>
internal static class TimeOrderedEvents
{
    // views held per file at most (two batches each): many files read side by side get smaller batches
    private const int ViewBudget = 1024;

    /// <param name="loadViews">Load each event's fields into a view in the reading pass (a replay needs them; a reader that only forwards the events does not).</param>
    public static IEnumerable<PlacedEvent> Read(EventSource source, ErrorLog errors, int parallelism = 1, Func<EventRecord, EventView, object?>? prepare = null, bool loadViews = true)
    {
        prepare ??= static (_, _) => null;
        if (source.Records is { } records)
        {
            if (source.RecordsInTimeOrder)
            {
                long position = 0;
                foreach (var record in records) yield return new PlacedEvent(record, new ReadingOrder(0, position++), record.Envelope.ElasticTime);
                yield break;
            }
            var placed = records.Select((r, i) => new PlacedEvent(r, new ReadingOrder(0, i), r.Envelope.ElasticTime)).ToList();
            // stable: equal times keep the given order; events without a time keep their place before later ones
            foreach (var e in placed.OrderBy(e => e.Time ?? DateTimeOffset.MinValue)) yield return e;
            yield break;
        }

        // list every file first: problems found while listing folders keep their place between files
        var segment = 0;
        var files = new List<(string File, int Segment)>();
        foreach (var file in source.Files(problem => errors.Add(new ReadingOrder(segment++, 0), problem)))
            files.Add((file, segment++));

        var streams = new List<IEnumerator<ParsedEvent<object?>>>();
        var queue = new PriorityQueue<(int Stream, ParsedEvent<object?> Event, DateTimeOffset? Time), (DateTimeOffset, int, long)>();
        // one thread gains nothing from batches: one event at a time keeps its two views in cache
        var batchSize = parallelism <= 1 ? 1 : Math.Max(8, Math.Min(ParallelEventReader.MaxBatchSize, ViewBudget / 2 / Math.Max(1, files.Count)));
        var lastTime = new DateTimeOffset[files.Count];
        try
        {
            for (var i = 0; i < files.Count; i++)
            {
                var (file, fileSegment) = files[i];
                var stream = (loadViews
                    ? source.ReadFile(file, new SegmentErrors(errors, fileSegment), parallelism, batchSize, prepare)
                    : source.ReadFile(file, new SegmentErrors(errors, fileSegment)).Select(r => new ParsedEvent<object?>(r, null!, null))).GetEnumerator();
                streams.Add(stream);
                lastTime[i] = DateTimeOffset.MinValue;
                Enqueue(i);
            }
            while (queue.TryDequeue(out var next, out _))
            {
                var (record, view, prepared) = next.Event;
                yield return new PlacedEvent(record, new ReadingOrder(files[next.Stream].Segment, record.LineNumber), next.Time, loadViews ? view : null, prepared);
                Enqueue(next.Stream);
            }
        }
        finally
        {
            foreach (var stream in streams) stream.Dispose();
        }

        void Enqueue(int i)
        {
            if (!streams[i].MoveNext()) return;
            var parsed = streams[i].Current;
            var time = parsed.Record.Envelope.ElasticTime;
            // an event without a time keeps its place in its file
            if (time is { } t) lastTime[i] = t;
            queue.Enqueue((i, parsed, time), (lastTime[i], i, parsed.Record.LineNumber));
        }
    }

    /// <summary>A file's reading problems, placed in its segment by line.</summary>
    private sealed class SegmentErrors(ErrorLog log, int segment) : ICollection<EventError>
    {
        public void Add(EventError item) => log.Add(new ReadingOrder(segment, item.LineNumber), item);
        public int Count => 0;
        public bool IsReadOnly => false;
        public void Clear() => throw new NotSupportedException();
        public bool Contains(EventError item) => false;
        public void CopyTo(EventError[] array, int arrayIndex) { }
        public bool Remove(EventError item) => throw new NotSupportedException();
        public IEnumerator<EventError> GetEnumerator() => Enumerable.Empty<EventError>().GetEnumerator();
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}

/// <summary>Problems of a replay with their reading order: listed as a file-by-file read would meet them.</summary>
internal sealed class ErrorLog
{
    private readonly List<(ReadingOrder Order, int Sequence, EventError Error)> _errors = [];

    public int Count => _errors.Count;

    public void Add(ReadingOrder order, EventError error)
    {
        lock (_errors) _errors.Add((order, _errors.Count, error));
    }

    public IEnumerable<EventError> InReadingOrder()
        => _errors.OrderBy(e => e.Order).ThenBy(e => e.Sequence).Select(e => e.Error);
}
