using System.Collections.Generic;

namespace AzureRules.Generators.Diagnostics;

/// <summary>Turns character offsets of a whole file into zero-based line/column positions.</summary>
internal sealed class TextLines
{
    private readonly List<int> _lineStarts = new() { 0 };

    public TextLines(string text)
    {
        Text = text;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') continue; // CRLF ends at the \n
            if (c == '\n' || c == '\r') _lineStarts.Add(i + 1);
        }
    }

    public string Text { get; }
    public int LineCount => _lineStarts.Count;

    public int LineStart(int line) => _lineStarts[line];

    public SourcePosition PositionOf(int offset)
    {
        if (offset < 0) offset = 0;
        if (offset > Text.Length) offset = Text.Length;
        int lo = 0, hi = _lineStarts.Count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (_lineStarts[mid] <= offset) lo = mid; else hi = mid - 1;
        }
        return new SourcePosition(offset, lo, offset - _lineStarts[lo]);
    }

    /// <summary>The offset of a zero-based line and column.</summary>
    public int OffsetOf(int line, int column)
        => line < _lineStarts.Count ? _lineStarts[line] + column : Text.Length;

    public SourceSpan SpanOf(string filePath, int start, int length)
        => new(filePath, PositionOf(start), PositionOf(start + length));
}
