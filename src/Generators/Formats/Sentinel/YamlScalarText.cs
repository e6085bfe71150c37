using System.Collections.Generic;
using System.Collections.Immutable;
using AzureRules.Generators.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AzureRules.Generators.Formats.Sentinel;

/// <summary>
/// Turns a YAML scalar (a rule's query) into a <see cref="QueryText"/>: the value YamlDotNet decoded,
/// plus the file offset of every one of its characters. YamlDotNet gives only where the scalar starts
/// and ends, so the characters are found again in the file by the YAML rules that produced them:
/// block indentation removed (<c>|</c>, <c>&gt;</c>, with or without an indentation indicator), lines
/// folded into spaces (<c>&gt;</c>, plain and quoted scalars), quotes and escapes decoded.
/// </summary>
internal static class YamlScalarText
{
    /// <param name="parentIndent">The column of the key that owns the scalar: an indentation indicator counts from it.</param>
    public static QueryText Map(YamlSource source, YamlScalarNode node, int parentIndent)
    {
        var value = node.Value ?? "";
        var start = source.OffsetOf(node.Start);
        var offsets = new int[value.Length];
        var mapped = node.Style switch
        {
            ScalarStyle.Literal => AlignBlock(source, start, parentIndent, value, offsets, folded: false),
            ScalarStyle.Folded => AlignBlock(source, start, parentIndent, value, offsets, folded: true),
            ScalarStyle.SingleQuoted => AlignFlow(source.FileText, start + 1, source.End, value, offsets, quote: '\''),
            ScalarStyle.DoubleQuoted => AlignFlow(source.FileText, start + 1, source.End, value, offsets, quote: '"'),
            _ => AlignFlow(source.FileText, start, source.End, value, offsets, quote: '\0'),
        };
        // Characters that could not be found again (never expected; the guard keeps a map for any input)
        // stay one after the other from the last one found.
        for (var i = mapped; i < value.Length; i++) offsets[i] = i == 0 ? start : offsets[i - 1] + 1;
        return new QueryText(value, source.Path, Segments(source, offsets));
    }

    /// <summary>One segment per run of characters that follow each other on one line of the file.</summary>
    private static ImmutableArray<SourceMapSegment> Segments(YamlSource source, int[] offsets)
    {
        var text = source.FileText;
        var segments = ImmutableArray.CreateBuilder<SourceMapSegment>();
        for (var i = 0; i < offsets.Length; i++)
        {
            var continues = i > 0 && offsets[i] == offsets[i - 1] + 1 && offsets[i - 1] < text.Length && !IsBreak(text[offsets[i - 1]]);
            if (!continues) segments.Add(new SourceMapSegment(i, source.PositionOfOffset(offsets[i])));
        }
        if (segments.Count == 0) segments.Add(new SourceMapSegment(0, source.PositionOfOffset(source.Start)));
        return segments.ToImmutable();
    }

    // ---- block scalars ---------------------------------------------------------------------------

    /// <summary>
    /// Reads the block's lines as a literal scalar would keep them (indentation removed, each line ended
    /// by its break), then aligns the decoded value with them; a folded scalar differs from that only
    /// by breaks turned into spaces or dropped. Returns how many value characters were placed.
    /// </summary>
    private static int AlignBlock(YamlSource source, int header, int parentIndent, string value, int[] offsets, bool folded)
    {
        var text = source.FileText;
        var end = source.End;
        // header: | or >, then chomping (+/-) and an indentation digit in either order, then a comment
        var explicitIndent = 0;
        var p = header + 1;
        while (p < end && !IsBreak(text[p]))
        {
            var c = text[p];
            if (c >= '1' && c <= '9' && explicitIndent == 0) explicitIndent = c - '0';
            else if (c == ' ' || c == '\t' || c == '+' || c == '-') { }
            else break; // a comment
            p++;
        }
        var lineStart = NextLineStart(text, p, end);

        var indent = explicitIndent > 0 ? parentIndent + explicitIndent : DetectIndent(text, lineStart, end);
        var literal = new List<char>();
        var literalOffsets = new List<int>();
        for (var line = lineStart; line < end;)
        {
            var lineEnd = line;
            while (lineEnd < end && !IsBreak(text[lineEnd])) lineEnd++;
            var spaces = 0;
            while (line + spaces < lineEnd && text[line + spaces] == ' ') spaces++;
            var blank = line + spaces == lineEnd;
            if (!blank && spaces < indent) break;
            for (var i = line + System.Math.Min(indent, lineEnd - line); i < lineEnd; i++)
            {
                literal.Add(text[i]);
                literalOffsets.Add(i);
            }
            literal.Add('\n');
            literalOffsets.Add(lineEnd);
            line = NextLineStart(text, lineEnd, end);
            if (lineEnd >= end) break;
        }

        var j = 0;
        var placed = 0;
        for (; placed < value.Length; placed++)
        {
            var c = value[placed];
            // a folded scalar drops the break before empty lines, and the extra spaces of trailing blank lines
            while (folded && j < literal.Count && literal[j] == '\n' && c != '\n' && c != ' ') j++;
            if (j >= literal.Count) break;
            if (literal[j] == c || (folded && c == ' ' && literal[j] == '\n'))
            {
                offsets[placed] = literalOffsets[j++];
                continue;
            }
            break;
        }
        return placed;
    }

    /// <summary>Without an indicator, a block's indentation is that of its first non-empty line.</summary>
    private static int DetectIndent(string text, int start, int end)
    {
        for (var line = start; line < end;)
        {
            var spaces = 0;
            while (line + spaces < end && text[line + spaces] == ' ') spaces++;
            if (line + spaces < end && !IsBreak(text[line + spaces])) return spaces;
            var lineEnd = line + spaces;
            while (lineEnd < end && !IsBreak(text[lineEnd])) lineEnd++;
            if (lineEnd >= end) break;
            line = NextLineStart(text, lineEnd, end);
        }
        return 1;
    }

    // ---- flow scalars (plain, 'single', "double") ------------------------------------------------

    /// <summary>
    /// Walks the file from the scalar's first character and places each decoded character on the file
    /// character it came from. Whitespace around a line fold is skipped; the space or newline a fold
    /// produces is placed on the break it replaced.
    /// </summary>
    private static int AlignFlow(string text, int start, int end, string value, int[] offsets, char quote)
    {
        var j = start;
        var placed = 0;
        for (; placed < value.Length; placed++)
        {
            var c = value[placed];
            var found = false;
            while (j < end && !found)
            {
                var s = text[j];
                if (quote == '"' && s == '\\' && j + 1 < end)
                {
                    if (IsBreak(text[j + 1]))
                    {
                        j = SkipLineBreakAndIndent(text, j + 1, end); // an escaped break joins the lines
                        continue;
                    }
                    offsets[placed] = j;
                    j += EscapeLength(text[j + 1]);
                    found = true;
                }
                else if (quote == '\'' && s == '\'' && j + 1 < end && text[j + 1] == '\'')
                {
                    offsets[placed] = j;
                    j += 2;
                    found = true;
                }
                else if (s == c && !(s == quote && quote != '\0'))
                {
                    offsets[placed] = j++;
                    found = true;
                }
                else if ((c == ' ' || c == '\n') && IsBreak(s))
                {
                    offsets[placed] = j;
                    j = SkipLineBreakAndIndent(text, j, end);
                    found = true;
                }
                else if (s == ' ' || s == '\t' || IsBreak(s))
                {
                    j++;
                }
                else
                {
                    return placed;
                }
            }
            if (!found) return placed;
        }
        return placed;
    }

    private static int EscapeLength(char escape) => escape switch
    {
        'x' => 4,
        'u' => 6,
        'U' => 10,
        _ => 2,
    };

    private static int SkipLineBreakAndIndent(string text, int p, int end)
    {
        p = NextLineStart(text, p, end);
        while (p < end && (text[p] == ' ' || text[p] == '\t')) p++;
        return p;
    }

    /// <summary>The start of the line after the break at or after <paramref name="p"/> (CRLF is one break).</summary>
    private static int NextLineStart(string text, int p, int end)
    {
        while (p < end && !IsBreak(text[p])) p++;
        if (p < end && text[p] == '\r') p++;
        if (p < end && text[p] == '\n') p++;
        return p;
    }

    private static bool IsBreak(char c) => c == '\n' || c == '\r';
}
