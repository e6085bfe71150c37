using System;
using System.Collections.Generic;
using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Model;

namespace AzureRules.Generators.Formats.Elastic;

/// <summary>
/// Reads an Elastic prebuilt-rule documentation page (elastic.co/docs, Markdown): YAML front matter,
/// <c># Title [anchor]</c>, the description, <c>**Field**: value</c> lines and bullet lists, the
/// <c>## Rule query</c> fenced block, and the <c>**Framework**: MITRE ATT&amp;CK</c> section. The page is
/// turned into Kibana's field names and built like any other Elastic rule. It has no rule id, so a
/// name-based one is derived (AR0111).
/// </summary>
internal static class ElasticDocPageReader
{
    /// <summary>The page's labels and the Kibana fields they show.</summary>
    private static readonly Dictionary<string, string> FieldByLabel = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Rule type"] = "type",
        ["Rule indices"] = "index",
        ["Severity"] = "severity",
        ["Risk score"] = "risk_score",
        ["Runs every"] = "interval",
        ["Searches indices from"] = "from",
        ["Maximum alerts per execution"] = "max_signals",
        ["References"] = "references",
        ["Tags"] = "tags",
        ["Version"] = "version",
        ["Rule authors"] = "author",
        ["Rule license"] = "license",
        ["Machine learning job"] = "machine_learning_job_id",
        ["Anomaly score threshold"] = "anomaly_threshold",
    };

    private static readonly HashSet<string> IntegerFields = new(StringComparer.Ordinal) { "risk_score", "max_signals", "version", "anomaly_threshold" };

    /// <summary>True when the text is such a page: a <c># </c> title and a <c>**Rule type**:</c> line.</summary>
    public static bool LooksLike(string text)
    {
        if (string.IsNullOrEmpty(text)) return false;
        var page = new PageLines(text);
        bool title = false, ruleType = false;
        for (var i = 0; i < page.Count; i++)
        {
            var line = page.Text(i);
            if (line.StartsWith("# ", StringComparison.Ordinal)) title = true;
            else if (line.StartsWith("**Rule type**:", StringComparison.Ordinal)) ruleType = true;
        }
        return title && ruleType;
    }

    public static RuleFile Read(string path, string text)
    {
        var page = new PageLines(text ?? "");
        var fields = new FieldObject(SourcePosition.Start, page.Lines.PositionOf(page.Lines.Text.Length), new SourceSpanAnchor(SourcePosition.Start, SourcePosition.Start));
        var line = SkipFrontMatter(page);

        // # Title [anchor]
        while (line < page.Count && !page.Text(line).StartsWith("# ", StringComparison.Ordinal)) line++;
        if (line == page.Count)
        {
            return RuleFile.Failed(path, RuleDiagnostic.Create(DiagnosticDescriptors.UnrecognizedFormat, SourceSpan.At(path, SourcePosition.Start),
                "an Elastic rule page starts with a '# Rule name' heading"));
        }
        var titleLine = page.Text(line);
        var nameEnd = titleLine.Length;
        if (titleLine.EndsWith("]", StringComparison.Ordinal) && titleLine.LastIndexOf(" [", StringComparison.Ordinal) is var anchor and > 2) nameEnd = anchor;
        fields.Set("name", page.Value(line, 2, nameEnd));
        line++;

        line = ReadDescription(page, line, fields);

        var threat = new List<FieldValue>();
        while (line < page.Count)
        {
            var current = page.Text(line);
            if (current.StartsWith("## Rule query", StringComparison.Ordinal)) line = ReadQuery(page, line + 1, fields);
            else if (current.StartsWith("**Framework**:", StringComparison.Ordinal)) line = ReadFramework(page, line, threat);
            else if (current.StartsWith("**", StringComparison.Ordinal) && current.IndexOf("**:", 2, StringComparison.Ordinal) is var close and > 2)
                line = ReadField(page, line, close, fields);
            else line++;
        }
        if (threat.Count > 0) fields.Set("threat", FieldValue.Array(threat, threat[0].Start, threat[threat.Count - 1].End));

        return RuleFile.Single(path, ElasticRuleBuilder.Build(path, RuleFormat.ElasticDocPage, fields, deriveMissingId: true));
    }

    private static int SkipFrontMatter(PageLines page)
    {
        if (page.Count == 0 || page.Text(0).TrimEnd() != "---") return 0;
        for (var i = 1; i < page.Count; i++)
        {
            if (page.Text(i).TrimEnd() == "---") return i + 1;
        }
        return 0;
    }

    /// <summary>The paragraphs between the title and the first <c>**Field**</c> line, lines joined by line feeds.</summary>
    private static int ReadDescription(PageLines page, int line, FieldObject fields)
    {
        var first = -1;
        var last = -1;
        for (; line < page.Count; line++)
        {
            var text = page.Text(line);
            if (text.StartsWith("**", StringComparison.Ordinal) || text.StartsWith("#", StringComparison.Ordinal)) break;
            if (text.Trim().Length == 0) continue;
            if (first < 0) first = line;
            last = line;
        }
        if (first >= 0) fields.Set("description", page.Value(first, 0, last, page.Text(last).Length));
        return line;
    }

    /// <summary><c>**Label**: value</c>, or <c>**Label**:</c> followed by a <c>* item</c> list.</summary>
    private static int ReadField(PageLines page, int line, int close, FieldObject fields)
    {
        var text = page.Text(line);
        var label = text.Substring(2, close - 2);
        var valueStart = close + 3;
        while (valueStart < text.Length && text[valueStart] == ' ') valueStart++;
        FieldByLabel.TryGetValue(label, out var name);

        if (valueStart < text.Length)
        {
            if (name is null) return line + 1; // a label the rule model does not use
            var valueEnd = text.Length;
            // "now-25m ({{ref}}/common-options.html#date-math[Date Math format], see also …)": the value is the first word
            if (name == "from" && text.IndexOf(' ', valueStart) is var space and > 0) valueEnd = space;
            var value = page.Value(line, valueStart, valueEnd);
            fields.Set(name, IntegerFields.Contains(name) && long.TryParse(value.Text, out var number)
                ? FieldValue.FromInteger(number, value.Text, value.Start, value.End)
                : value);
            return line + 1;
        }

        var items = new List<FieldValue>();
        var next = line + 1;
        for (; next < page.Count; next++)
        {
            var item = page.Text(next);
            if (item.Trim().Length == 0) continue;
            if (!item.StartsWith("* ", StringComparison.Ordinal)) break;
            items.Add(LinkTarget(page, next, 2, item.Length));
        }
        if (name is not null)
        {
            var start = items.Count > 0 ? items[0].Start : page.Lines.PositionOf(page.Lines.LineStart(line));
            var end = items.Count > 0 ? items[items.Count - 1].End : start;
            fields.Set(name, FieldValue.Array(items, start, end));
        }
        return next;
    }

    /// <summary>A list item that is a Markdown link <c>[text](url)</c> stands for its url.</summary>
    private static FieldValue LinkTarget(PageLines page, int line, int start, int end)
    {
        var text = page.Text(line);
        if (end - start > 2 && text[start] == '[' && text[end - 1] == ')' && text.IndexOf("](", start, StringComparison.Ordinal) is var middle and > 0)
            return page.Value(line, middle + 2, end - 1);
        return page.Value(line, start, end);
    }

    /// <summary>The fenced block after <c>## Rule query</c>: its lines, exactly, without the fences.</summary>
    private static int ReadQuery(PageLines page, int line, FieldObject fields)
    {
        while (line < page.Count && !page.Text(line).StartsWith("```", StringComparison.Ordinal))
        {
            if (page.Text(line).StartsWith("#", StringComparison.Ordinal) || page.Text(line).StartsWith("**", StringComparison.Ordinal)) return line;
            line++;
        }
        if (line == page.Count) return line;
        var first = line + 1;
        var closing = first;
        while (closing < page.Count && !page.Text(closing).StartsWith("```", StringComparison.Ordinal)) closing++;
        if (closing > first) fields.Set("query", page.Value(first, 0, closing - 1, page.Text(closing - 1).Length));
        else fields.Set("query", page.Value(first < page.Count ? first : line, 0, 0));
        return Math.Min(closing + 1, page.Count);
    }

    /// <summary>
    /// <c>**Framework**: MITRE ATT&amp;CK</c> then <c>* Tactic:</c>, <c>* Technique:</c>, <c>* Sub-technique:</c>
    /// bullets, each with indented <c>* Name:</c>, <c>* ID:</c>, <c>* Reference URL:</c>. One threat entry per framework line.
    /// </summary>
    private static int ReadFramework(PageLines page, int line, List<FieldValue> threat)
    {
        var frameworkLine = page.Text(line);
        var entry = new FieldObject(page.Lines.PositionOf(page.Lines.LineStart(line)), page.Lines.PositionOf(page.Lines.LineStart(line) + frameworkLine.Length),
            new SourceSpanAnchor(page.Lines.PositionOf(page.Lines.LineStart(line)), page.Lines.PositionOf(page.Lines.LineStart(line) + frameworkLine.Length)));
        entry.Set("framework", page.Value(line, Math.Min(frameworkLine.Length, "**Framework**: ".Length), frameworkLine.Length));
        var techniques = new List<FieldValue>();
        FieldObject? technique = null;
        List<FieldValue>? subtechniques = null;
        string? section = null;
        var sectionLine = line;
        line++;
        for (; line < page.Count; line++)
        {
            var text = page.Text(line);
            var trimmed = text.TrimStart();
            if (trimmed.Length == 0) continue;
            if (!trimmed.StartsWith("* ", StringComparison.Ordinal)) break;
            var indent = text.Length - trimmed.Length;
            if (indent == 0)
            {
                section = trimmed.Substring(2).TrimEnd().TrimEnd(':');
                sectionLine = line;
                continue;
            }
            if (!trimmed.StartsWith("* ID:", StringComparison.Ordinal)) continue;
            var idStart = indent + "* ID:".Length;
            while (idStart < text.Length && text[idStart] == ' ') idStart++;
            var id = page.Value(line, idStart, text.TrimEnd().Length);
            var holder = new FieldObject(page.Lines.PositionOf(page.Lines.LineStart(sectionLine)), id.End, new SourceSpanAnchor(id.Start, id.End));
            holder.Set("id", id);
            switch (section)
            {
                case "Tactic":
                    entry.Set("tactic", FieldValue.FromObject(holder));
                    break;
                case "Technique":
                    technique = holder;
                    subtechniques = new List<FieldValue>();
                    techniques.Add(FieldValue.FromObject(holder));
                    break;
                case "Sub-technique":
                    if (technique is null || subtechniques is null) break;
                    subtechniques.Add(FieldValue.FromObject(holder));
                    technique.Set("subtechnique", FieldValue.Array(subtechniques.ToArray(), subtechniques[0].Start, id.End));
                    break;
            }
        }
        if (techniques.Count > 0) entry.Set("technique", FieldValue.Array(techniques, techniques[0].Start, techniques[techniques.Count - 1].End));
        threat.Add(FieldValue.FromObject(entry));
        return line;
    }

    /// <summary>The page as lines (without their line breaks), and string values cut from them with their positions.</summary>
    private sealed class PageLines
    {
        private readonly List<string> _lines = new();

        public PageLines(string text)
        {
            Lines = new TextLines(text);
            for (var i = 0; i < Lines.LineCount; i++)
            {
                var start = Lines.LineStart(i);
                var end = i + 1 < Lines.LineCount ? Lines.LineStart(i + 1) : text.Length;
                while (end > start && text[end - 1] is '\n' or '\r') end--;
                _lines.Add(text.Substring(start, end - start));
            }
        }

        public TextLines Lines { get; }
        public int Count => _lines.Count;
        public string Text(int line) => _lines[line];

        public FieldValue Value(int line, int start, int end) => Value(line, start, line, end);

        /// <summary>The text from (firstLine, start) to (lastLine, end), lines joined by '\n', trailing spaces of the last line removed.</summary>
        public FieldValue Value(int firstLine, int start, int lastLine, int end)
        {
            while (end > (firstLine == lastLine ? start : 0) && _lines[lastLine][end - 1] is ' ' or '\t') end--;
            var builder = new QueryTextBuilder(Lines);
            for (var line = firstLine; line <= lastLine; line++)
            {
                var text = _lines[line];
                var from = line == firstLine ? start : 0;
                var to = line == lastLine ? end : text.Length;
                var offset = Lines.LineStart(line);
                for (var i = from; i < to; i++) builder.Append(text[i], offset + i);
                if (line < lastLine) builder.Append('\n', offset + text.Length);
            }
            var startOffset = Lines.LineStart(firstLine) + start;
            return FieldValue.String(builder.ToString(), builder.ToMap(startOffset), Lines.PositionOf(startOffset), Lines.PositionOf(Lines.LineStart(lastLine) + end));
        }
    }
}
