using System.Collections.Immutable;
using System.Text;

namespace AzureRules.Generators.Diagnostics;

/// <summary>
/// Builds a decoded string value (a TOML or JSON string, a query) together with its
/// <see cref="SourceMapSegment"/> map into the file, as the reader decodes it character by character:
/// a new segment starts wherever the decoded text stops running in step with the file (after a line
/// break, an escape sequence, a skipped line-ending backslash, …).
/// </summary>
internal sealed class QueryTextBuilder(TextLines lines)
{
    private readonly StringBuilder _text = new();
    private readonly ImmutableArray<SourceMapSegment>.Builder _map = ImmutableArray.CreateBuilder<SourceMapSegment>();
    // The file offset the next verbatim character must have to continue the current segment; -1 forces a new one.
    private int _nextFileOffset = -1;

    public int Length => _text.Length;

    /// <summary>A character copied from the file at <paramref name="fileOffset"/>.</summary>
    public void Append(char c, int fileOffset)
    {
        if (fileOffset != _nextFileOffset) StartSegment(fileOffset);
        _text.Append(c);
        // a line break ends the segment: the next character sits at column 0 of the next line
        _nextFileOffset = c == '\n' || c == '\r' ? -1 : fileOffset + 1;
    }

    /// <summary>Characters copied from <paramref name="source"/> (the file text) on one line, without line breaks.</summary>
    public void AppendRun(string source, int fileOffset, int count)
    {
        if (count <= 0) return;
        if (fileOffset != _nextFileOffset) StartSegment(fileOffset);
        _text.Append(source, fileOffset, count);
        _nextFileOffset = fileOffset + count;
    }

    /// <summary>Text that stands for the escape sequence written at <paramref name="fileOffset"/>.</summary>
    public void AppendDecoded(string decoded, int fileOffset)
    {
        StartSegment(fileOffset);
        _text.Append(decoded);
        _nextFileOffset = -1;
    }

    public override string ToString() => _text.ToString();

    public ImmutableArray<SourceMapSegment> ToMap(int startFileOffset)
    {
        if (_map.Count == 0) return ImmutableArray.Create(new SourceMapSegment(0, lines.PositionOf(startFileOffset)));
        return _map.ToImmutable();
    }

    private void StartSegment(int fileOffset)
    {
        var segment = new SourceMapSegment(_text.Length, lines.PositionOf(fileOffset));
        // two segments at the same query offset: the later one wins (nothing was written for the first)
        if (_map.Count > 0 && _map[_map.Count - 1].QueryOffset == _text.Length) _map[_map.Count - 1] = segment;
        else _map.Add(segment);
    }
}
