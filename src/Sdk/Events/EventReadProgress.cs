namespace AzureRules.Sdk.Events;

/// <summary>
/// How far the reading of an <see cref="EventSource"/> has got, updated as it reads and safe to read
/// from another thread (a progress display polls it). One thread reads a source, so the counters are
/// written without locks and published with volatile writes.
/// </summary>
public sealed class EventReadProgress
{
    private int _files;
    private long _events;
    private long _malformedLines;
    private long _bytes;

    /// <summary>Files (and standard input) opened so far.</summary>
    public int Files => Volatile.Read(ref _files);
    /// <summary>Events read so far (malformed lines are not events).</summary>
    public long Events => Volatile.Read(ref _events);
    public long MalformedLines => Volatile.Read(ref _malformedLines);
    /// <summary>Bytes of event lines read so far.</summary>
    public long Bytes => Volatile.Read(ref _bytes);

    internal void FileOpened() => Volatile.Write(ref _files, _files + 1);

    internal void LineRead(int bytes, bool isEvent)
    {
        Volatile.Write(ref _bytes, _bytes + bytes);
        if (isEvent) Volatile.Write(ref _events, _events + 1);
        else Volatile.Write(ref _malformedLines, _malformedLines + 1);
    }
}
