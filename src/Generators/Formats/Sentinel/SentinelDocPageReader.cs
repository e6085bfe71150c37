using System;
using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Model;

namespace AzureRules.Generators.Formats.Sentinel;

/// <summary>
/// Reads a Sentinel rule page: a rendered page (title, hunt hypothesis, the query, …) whose section
/// after the line "Analytic Rule Definition" is the rule's YAML, followed by more page sections
/// ("Required Data Sources", "MITRE ATT&amp;CK Context", …). The YAML is the rule; the rest of the
/// page is presentation and is not read. Positions are of the whole page.
/// </summary>
internal static class SentinelDocPageReader
{
    private const string SectionTitle = "Analytic Rule Definition";

    public static bool LooksLike(string text)
    {
        var section = FindSection(text);
        if (section is not { } s) return false;
        // the section must hold a rule: a query field (some rules indent the whole document)
        foreach (var line in text.Substring(s.Start, s.Length).Split('\n'))
            if (line.TrimStart(' ').StartsWith("query:", StringComparison.Ordinal)) return true;
        return false;
    }

    public static RuleFile Read(string path, string text)
    {
        if (FindSection(text) is not { } section)
            return RuleFile.Failed(path, RuleDiagnostic.Create(DiagnosticDescriptors.UnrecognizedFormat,
                SourceSpan.At(path, SourcePosition.Start), $"a Sentinel rule page needs a line '{SectionTitle}' followed by the rule's YAML"));
        return SentinelYamlReader.Read(new YamlSource(path, text, section.Start, section.Length), RuleFormat.SentinelDocPage);
    }

    /// <summary>
    /// The lines after the section title up to the next page section. A page section title is a line at
    /// column 0 that cannot be YAML of a rule: no <c>key:</c>, no list item, no comment. Lines of the
    /// rule's block scalars are indented, so they never end the section.
    /// </summary>
    private static (int Start, int Length)? FindSection(string text)
    {
        var lines = new TextLines(text);
        var start = -1;
        for (var line = 0; line < lines.LineCount; line++)
        {
            var lineStart = lines.LineStart(line);
            var content = LineText(text, lines, line);
            if (start < 0)
            {
                if (content.Trim() == SectionTitle) start = line + 1 < lines.LineCount ? lines.LineStart(line + 1) : text.Length;
                continue;
            }
            if (IsPageSectionTitle(content)) return (start, lineStart - start);
        }
        return start < 0 ? null : (start, text.Length - start);
    }

    private static bool IsPageSectionTitle(string line)
    {
        if (line.Length == 0 || line[0] == ' ' || line[0] == '\t') return false;
        if (line[0] is '-' or '#' or '[' or '{' or '"' or '\'' or '.' or '%') return false;
        return line.IndexOf(':') < 0;
    }

    private static string LineText(string text, TextLines lines, int line)
    {
        var start = lines.LineStart(line);
        var end = line + 1 < lines.LineCount ? lines.LineStart(line + 1) : text.Length;
        return text.Substring(start, end - start).TrimEnd('\r', '\n');
    }
}
