namespace AzureRules.Sdk.Events;

/// <summary>
/// Events as JSON lines from files, folders (every *.jsonl, *.ndjson and *.json regular file below,
/// in name order, links followed once; see <see cref="FileWalk"/>) or standard input ("-"). Blank
/// lines are skipped; a line that is not one JSON event by <see cref="EventLineCheck"/>'s rules, or
/// longer than <see cref="JsonLineSplitter.MaxLineBytes"/>, becomes an <see cref="EventError"/> with
/// file and line, and the reading goes on. A file or folder that cannot be read is reported the same
/// way (line 0) and skipped.
/// </summary>
public sealed class EventSource
{
    private static readonly string[] Extensions = [".jsonl", ".ndjson", ".json"];
    private readonly IReadOnlyList<string> _paths;
    private readonly IEnumerable<EventRecord>? _records;

    private EventSource(IReadOnlyList<string> paths) => _paths = paths;

    private EventSource(IEnumerable<EventRecord> records, bool inTimeOrder)
    {
        _paths = [];
        _records = records;
        RecordsInTimeOrder = inTimeOrder;
    }

    public static EventSource JsonLines(params IEnumerable<string> paths) => new([.. paths]);

    /// <summary>Files opened and events read so far, over every read of this source.</summary>
    public EventReadProgress Progress { get; } = new();

    /// <summary>Events already read (rule test cases build theirs from inline and CSV events).</summary>
    public static EventSource FromRecords(IEnumerable<EventRecord> records) => new(records, inTimeOrder: false);

    /// <summary>
    /// Events already in the order a replay of files reads them (a fleet worker gets them from a
    /// stream that an earlier read published in that order): replayed as they come, one at a time,
    /// not collected and sorted first, so the source may be unbounded.
    /// </summary>
    public static EventSource FromTimeOrderedRecords(IEnumerable<EventRecord> records) => new(records, inTimeOrder: true);

    /// <summary>The records are replayed in the given order, as they come (<see cref="FromTimeOrderedRecords"/>).</summary>
    internal bool RecordsInTimeOrder { get; }

    /// <summary>The files this source reads, folders expanded; "-" stands for standard input.</summary>
    public IEnumerable<string> Files() => Files(error => throw new IOException(error.ToString()));

    internal IEnumerable<string> Files(Action<EventError> onProblem)
    {
        foreach (var path in _paths)
        {
            if (path == "-") yield return path;
            else if (Directory.Exists(path))
            {
                var files = FileWalk.Files(path,
                    f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase),
                    (file, problem) => onProblem(new EventError(file, 0, problem)));
                foreach (var file in files) yield return file;
            }
            else if (File.Exists(path))
            {
                if (!FileWalk.IsRegularFile(path)) onProblem(new EventError(path, 0, "not a regular file (a FIFO, socket or device); skipped"));
                else yield return path;
            }
            else if (new FileInfo(path).LinkTarget is not null) onProblem(new EventError(path, 0, FileWalk.Problem(new FileInfo(path)) ?? "cannot be read; skipped"));
            else throw new FileNotFoundException($"no such event file or folder: {path}", path);
        }
    }

    /// <summary>Reads every event; malformed lines and unreadable files go to <paramref name="errors"/>.</summary>
    public IEnumerable<EventRecord> Read(ICollection<EventError> errors) => Read(errors, view: null);

    /// <summary>
    /// Reads every event, and loads each one read from JSON lines into <paramref name="view"/> in the
    /// same pass (<see cref="EventView.Holds"/> tells; it holds the record until the next is read).
    /// </summary>
    public IEnumerable<EventRecord> Read(ICollection<EventError> errors, EventView? view)
    {
        if (_records is not null)
        {
            foreach (var record in _records) yield return record;
            yield break;
        }
        foreach (var file in Files(errors.Add))
        {
            foreach (var record in ReadFile(file, errors, view)) yield return record;
        }
    }

    /// <summary>The events already read, for a source made by <see cref="FromRecords"/>; null for files.</summary>
    internal IEnumerable<EventRecord>? Records => _records;

    /// <summary>
    /// Reads the events of one file of <see cref="Files(Action{EventError})"/> ("-": standard input);
    /// with a <paramref name="view"/>, each event's fields are loaded into it in the same pass, and it
    /// holds them until the file's next event is read. Counts go to <see cref="Progress"/>.
    /// </summary>
    internal IEnumerable<EventRecord> ReadFile(string file, ICollection<EventError> errors, EventView? view = null)
    {
        if (Open(file, errors) is not { } stream) yield break;
        using var _ = stream;
        Progress.FileOpened();
        foreach (var record in Read(stream, file == "-" ? "<stdin>" : file, errors, view, Progress)) yield return record;
    }

    /// <summary>
    /// Reads one file as <see cref="ReadFile"/> does, the lines' reading and <paramref name="prepare"/> spread
    /// over <paramref name="parallelism"/> threads in batches (<see cref="ParallelEventReader"/>): each event
    /// comes with a view of its own and what <paramref name="prepare"/> returned for it.
    /// </summary>
    internal IEnumerable<ParsedEvent<T>> ReadFile<T>(string file, ICollection<EventError> errors, int parallelism, int batchSize, Func<EventRecord, EventView, T> prepare)
    {
        if (Open(file, errors) is not { } stream) yield break;
        using var _ = stream;
        Progress.FileOpened();
        foreach (var parsed in ParallelEventReader.Read(stream, file == "-" ? "<stdin>" : file, errors, parallelism, batchSize, prepare, Progress)) yield return parsed;
    }

    private static Stream? Open(string file, ICollection<EventError> errors)
    {
        if (file == "-" && StandardInputIsClosed())
        {
            errors.Add(new EventError("<stdin>", 0, "standard input is closed: no events read from '-'"));
            return null;
        }
        try
        {
            return file == "-" ? Console.OpenStandardInput() : File.OpenRead(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            errors.Add(new EventError(file, 0, $"cannot be read: {ex.Message}; skipped"));
            return null;
        }
    }

    /// <summary>
    /// True when the process was started with standard input closed. The runtime then reuses
    /// descriptor 0 for a pipe of its own, and reading it would wait forever: on Linux that shows as
    /// descriptor 0 being a pipe whose writing end this very process holds (a real stdin pipe is
    /// written by another process).
    /// </summary>
    internal static bool StandardInputIsClosed()
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            var stdin = new FileInfo("/proc/self/fd/0").LinkTarget;
            if (stdin is null) return true;
            if (!stdin.StartsWith("pipe:", StringComparison.Ordinal) && !stdin.StartsWith("anon_inode:", StringComparison.Ordinal)) return false;
            return new DirectoryInfo("/proc/self/fd").EnumerateFileSystemInfos()
                .Any(fd => fd.Name != "0" && SafeLinkTarget(fd) == stdin && IsWriteOnly(fd.Name));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    // /proc/self/fdinfo/N holds "flags: <octal>"; the low two bits are the access mode (1 = O_WRONLY)
    private static bool IsWriteOnly(string fd)
    {
        foreach (var line in File.ReadLines("/proc/self/fdinfo/" + fd))
        {
            if (!line.StartsWith("flags:", StringComparison.Ordinal)) continue;
            var octal = line["flags:".Length..].Trim();
            return octal.Length > 0 && (octal[^1] - '0') % 4 == 1;
        }
        return false;
    }

    private static string? SafeLinkTarget(FileSystemInfo fd)
    {
        try { return fd.LinkTarget; }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return null; }
    }

    /// <summary>Reads the events of one stream of JSON lines; malformed lines go to <paramref name="errors"/>.</summary>
    internal static IEnumerable<EventRecord> Read(Stream stream, string name, ICollection<EventError> errors, EventView? view = null, EventReadProgress? progress = null)
    {
        var reader = new EventLineReader();
        foreach (var (line, bytes, tooLong) in JsonLineSplitter.Split(stream))
        {
            if (tooLong)
            {
                progress?.LineRead(0, isEvent: false);
                errors.Add(new EventError(name, line, $"the line is longer than {JsonLineSplitter.MaxLineBytes / (1024 * 1024)} MiB; skipped"));
                continue;
            }
            // one pass: the checks, the envelope and (with a view) the fields
            if (reader.Read(bytes, view, out var envelope) is { } problem)
            {
                progress?.LineRead(bytes.Length, isEvent: false);
                errors.Add(new EventError(name, line, problem));
                continue;
            }
            progress?.LineRead(bytes.Length, isEvent: true);
            yield return new EventRecord(name, line, bytes, envelope!);
        }
    }
}

/// <summary>
/// Splits a stream into non-blank lines of UTF-8 bytes, each an array of its own. A line longer than
/// <see cref="MaxLineBytes"/> is not kept: it comes back empty with <c>TooLong</c> set, so memory stays
/// bounded whatever the input.
/// </summary>
internal static class JsonLineSplitter
{
    /// <summary>The longest event line read (Elasticsearch's default request limit is 100 MB).</summary>
    public const int MaxLineBytes = 16 * 1024 * 1024;

    public static IEnumerable<(int Line, byte[] Bytes, bool TooLong)> Split(Stream stream, int maxLineBytes = MaxLineBytes)
    {
        var buffer = new byte[1 << 16];
        int start = 0, end = 0, lineNumber = 0;
        var skipping = false; // inside a line longer than the limit: drop bytes up to its newline
        while (true)
        {
            var newline = Array.IndexOf(buffer, (byte)'\n', start, end - start);
            if (newline >= 0)
            {
                lineNumber++;
                if (skipping || newline - start > maxLineBytes)
                {
                    skipping = false;
                    yield return (lineNumber, [], true);
                }
                else
                {
                    var line = Trim(buffer, start, newline);
                    if (line.Length > 0) yield return (lineNumber, line, false);
                }
                start = newline + 1;
                continue;
            }
            if (skipping) start = end = 0;
            else if (end - start > maxLineBytes)
            {
                skipping = true;
                start = end = 0;
            }
            // no full line left in the buffer: move the partial line to the front and read more
            if (start > 0)
            {
                Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                end -= start;
                start = 0;
            }
            if (end == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
            var read = stream.Read(buffer, end, buffer.Length - end);
            if (read == 0)
            {
                if (skipping) yield return (lineNumber + 1, [], true);
                else if (end > start)
                {
                    lineNumber++;
                    var last = Trim(buffer, start, end);
                    if (last.Length > 0) yield return (lineNumber, last, false);
                }
                yield break;
            }
            end += read;
        }
    }

    private static byte[] Trim(byte[] buffer, int start, int end)
    {
        // a UTF-8 byte order mark on the first line, \r of CRLF, and surrounding blanks are not part of the event
        if (end - start >= 3 && buffer[start] == 0xEF && buffer[start + 1] == 0xBB && buffer[start + 2] == 0xBF) start += 3;
        while (end > start && (buffer[end - 1] is (byte)'\r' or (byte)' ' or (byte)'\t')) end--;
        while (start < end && (buffer[start] is (byte)' ' or (byte)'\t')) start++;
        return buffer.AsSpan(start, end - start).ToArray();
    }
}
