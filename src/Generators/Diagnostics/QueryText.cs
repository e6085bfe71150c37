using System;
using AzureRules.Generators.Model;

namespace AzureRules.Generators.Diagnostics;

/// <summary>
/// One run of query characters that were copied from the rule file without change: from
/// <see cref="QueryOffset"/> on, each query character is one file character further on the same line.
/// </summary>
internal readonly record struct SourceMapSegment(int QueryOffset, SourcePosition FilePosition);

/// <summary>
/// A query as the query language sees it (indentation of a YAML block scalar removed, TOML escapes
/// decoded, …) together with the map back into the rule file, so a syntax error at query offset 120
/// is reported at the right line and column of the YAML or TOML file.
/// </summary>
internal sealed record QueryText(string Text, string FilePath, EquatableArray<SourceMapSegment> Map)
{
    /// <summary>A query whose text stands verbatim in the file from <paramref name="start"/> on.</summary>
    public static QueryText Verbatim(string text, string filePath, SourcePosition start)
    {
        var segments = System.Collections.Immutable.ImmutableArray.CreateBuilder<SourceMapSegment>();
        segments.Add(new SourceMapSegment(0, start));
        var offset = start.Offset;
        var line = start.Line;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                segments.Add(new SourceMapSegment(i + 1, new SourcePosition(offset + i + 1, line, 0)));
            }
        }
        return new QueryText(text, filePath, segments.ToImmutable());
    }

    public SourcePosition MapOffset(int queryOffset)
    {
        var items = Map.Items;
        if (items.Length == 0) return SourcePosition.Start;
        queryOffset = Math.Max(0, Math.Min(queryOffset, Text.Length));
        // binary search for the last segment that starts at or before the offset
        int lo = 0, hi = items.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (items[mid].QueryOffset <= queryOffset) lo = mid; else hi = mid - 1;
        }
        var segment = items[lo];
        var delta = queryOffset - segment.QueryOffset;
        return new SourcePosition(segment.FilePosition.Offset + delta, segment.FilePosition.Line, segment.FilePosition.Column + delta);
    }

    public SourceSpan MapSpan(int start, int length)
        => new(FilePath, MapOffset(start), MapOffset(start + Math.Max(0, length)));
}
