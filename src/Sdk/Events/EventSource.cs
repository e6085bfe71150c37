using System.Text.Json;

namespace AzureRules.Sdk.Events;

/// <summary>
/// Events as JSON lines from files, folders (every *.jsonl, *.ndjson and *.json file below, in name
/// order) or standard input ("-"). Blank lines are skipped; a line that is not one JSON object, or
/// whose time field is not a date, becomes an <see cref="EventError"/> with file and line, and the
/// reading goes on.
/// </summary>
public sealed class EventSource
{
    private static readonly string[] Extensions = [".jsonl", ".ndjson", ".json"];
    private readonly IReadOnlyList<string> _paths;
    private readonly IEnumerable<EventRecord>? _records;

    private EventSource(IReadOnlyList<string> paths) => _paths = paths;

    private EventSource(IEnumerable<EventRecord> records)
    {
        _paths = [];
        _records = records;
    }

    public static EventSource JsonLines(params IEnumerable<string> paths) => new([.. paths]);

    /// <summary>Events already read (rule test cases build theirs from inline and CSV events).</summary>
    public static EventSource FromRecords(IEnumerable<EventRecord> records) => new(records);

    /// <summary>The files this source reads, folders expanded; "-" stands for standard input.</summary>
    public IEnumerable<string> Files()
    {
        foreach (var path in _paths)
        {
            if (path == "-") yield return path;
            else if (Directory.Exists(path))
            {
                var files = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal);
                foreach (var file in files) yield return file;
            }
            else if (File.Exists(path)) yield return path;
            else throw new FileNotFoundException($"no such event file or folder: {path}", path);
        }
    }

    /// <summary>Reads every event; malformed lines go to <paramref name="errors"/>.</summary>
    public IEnumerable<EventRecord> Read(ICollection<EventError> errors)
    {
        if (_records is not null)
        {
            foreach (var record in _records) yield return record;
            yield break;
        }
        foreach (var file in Files())
        {
            using var stream = file == "-" ? Console.OpenStandardInput() : File.OpenRead(file);
            var name = file == "-" ? "<stdin>" : file;
            foreach (var (line, bytes) in JsonLineSplitter.Split(stream))
            {
                EventEnvelope envelope;
                try
                {
                    envelope = EventEnvelope.Read(bytes.Span);
                }
                catch (JsonException ex)
                {
                    errors.Add(new EventError(name, line, Describe(ex)));
                    continue;
                }
                yield return new EventRecord(name, line, bytes, envelope);
            }
        }
    }

    private static string Describe(JsonException ex)
    {
        var message = ex.Message;
        // System.Text.Json appends its own "LineNumber: 0 | BytePositionInLine: …"; keep only the column
        var at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var column = ex.BytePositionInLine is { } position ? $" (at byte {position + 1})" : "";
        return "not a JSON event: " + (at > 0 ? message[..at] : message).TrimEnd('.', ' ') + column;
    }
}

/// <summary>Splits a stream into non-blank lines of UTF-8 bytes, each an array of its own.</summary>
internal static class JsonLineSplitter
{
    public static IEnumerable<(int Line, ReadOnlyMemory<byte> Bytes)> Split(Stream stream)
    {
        var buffer = new byte[1 << 16];
        int start = 0, end = 0, lineNumber = 0;
        while (true)
        {
            var newline = Array.IndexOf(buffer, (byte)'\n', start, end - start);
            if (newline >= 0)
            {
                lineNumber++;
                var line = Trim(buffer, start, newline);
                if (line.Length > 0) yield return (lineNumber, line);
                start = newline + 1;
                continue;
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
                if (end > start)
                {
                    lineNumber++;
                    var last = Trim(buffer, start, end);
                    if (last.Length > 0) yield return (lineNumber, last);
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
