using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Formats.Sentinel;
using AzureRules.Generators.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AzureRules.Generators.Testing;

/// <summary>
/// Reads a rule test file. The format (documented in the README):
/// <code>
/// rule: Name or id of the rule     # optional when the file is named after the rule file (X.tests.yaml beside X.yaml)
/// cases:
///   - name: fires on a key regeneration
///     events:                      # inline events (mappings) and event files, in any mix
///       - file: events/activity.jsonl        # JSON lines, or a Log Analytics CSV export (.csv)
///       - { "@timestamp": "2026-11-20T10:01:00Z", _index: logs-azure-default, … }
///     table: SigninLogs            # source name of the inline events (Sentinel table when they have no Type)
///     at: 2026-11-20T10:05:00Z     # execute once at this time; or from:/to: to replay a range
///     expect:
///       alerts: 1                  # a number, or a list of {at, events, rows, fields}
///       events: [evt-1]            # ids (_id, or source:line) of every alerted event
///       rows: [{ IPCustomEntity: 203.0.113.7 }]
///       fields: { severity: Low }
/// </code>
/// Never throws; every problem is an AR10xx diagnostic at its line and column.
/// </summary>
internal sealed class RuleTestFileParser
{
    private static readonly string[] FileFields = ["rule", "cases"];
    private static readonly string[] CaseFields = ["name", "events", "table", "at", "from", "to", "expect"];
    private static readonly string[] ExpectFields = ["alerts", "events", "rows", "fields"];
    private static readonly string[] AlertFields = ["at", "events", "rows", "fields"];

    private readonly YamlSource _source;
    private readonly List<RuleDiagnostic> _diagnostics = [];

    private RuleTestFileParser(YamlSource source) => _source = source;

    public static bool IsTestFile(string path)
    {
        var name = Path.GetFileName(path);
        return name.EndsWith(".tests.yaml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".tests.yml", StringComparison.OrdinalIgnoreCase);
    }

    public static RuleTestFileSyntax Parse(string path, string text)
    {
        var parser = new RuleTestFileParser(new YamlSource(path, text, 0, text.Length));
        try
        {
            return parser.ParseFile();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            parser._diagnostics.Add(RuleDiagnostic.Create(DiagnosticDescriptors.InternalError, parser._source.StartSpan, e.GetType().Name + ": " + e.Message));
            return new RuleTestFileSyntax(path, null, EquatableArray<RuleTestCaseSyntax>.Empty, parser._diagnostics.ToEquatableArray());
        }
    }

    private RuleTestFileSyntax ParseFile()
    {
        var path = _source.Path;
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(_source.Yaml));
        }
        catch (YamlException e)
        {
            Report(DiagnosticDescriptors.MalformedTestFile, _source.SpanOf(e.Start, e.End), "YAML syntax error: " + Describe(e));
            return Result(null, []);
        }
        catch (InvalidOperationException e)
        {
            Report(DiagnosticDescriptors.MalformedTestFile, _source.StartSpan, "the YAML document structure is malformed (" + e.Message + ")");
            return Result(null, []);
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            var span = stream.Documents.Count == 0 ? _source.StartSpan : _source.SpanOf(stream.Documents[0].RootNode);
            Report(DiagnosticDescriptors.MalformedTestFile, span, "a test file is a mapping with 'cases:' (and optionally 'rule:')");
            return Result(null, []);
        }

        Located<string>? rule = null;
        var cases = new List<RuleTestCaseSyntax>();
        YamlNode? casesNode = null;
        foreach (var (key, value) in Fields(root, "the test file", FileFields))
        {
            if (key == "rule") rule = Scalar("rule", value);
            else casesNode = value;
        }
        if (casesNode is null)
        {
            Report(DiagnosticDescriptors.MissingTestField, _source.SpanOf(root.Start, root.Start), "cases", "the test file");
        }
        else if (casesNode is YamlSequenceNode sequence)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in sequence.Children)
            {
                if (item is not YamlMappingNode mapping) { Invalid("cases", item, "each case is a mapping with name, events and expect"); continue; }
                if (ParseCase(mapping) is not { } testCase) continue;
                if (!names.Add(testCase.Name.Value)) Report(DiagnosticDescriptors.DuplicateTestCase, testCase.Name.Span, testCase.Name.Value);
                else cases.Add(testCase);
            }
        }
        else
        {
            Invalid("cases", casesNode, "expected a list of cases");
        }
        return Result(rule, cases);
    }

    private RuleTestFileSyntax Result(Located<string>? rule, List<RuleTestCaseSyntax> cases)
        => new(_source.Path, rule, cases.ToEquatableArray(), _diagnostics.ToEquatableArray());

    private int Errors => _diagnostics.Count(d => d.DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);

    /// <summary>A case, or null when it has an error: a case is never run with half its expectation.</summary>
    private RuleTestCaseSyntax? ParseCase(YamlMappingNode mapping)
    {
        var errorsBefore = Errors;
        Located<string>? name = null;
        var events = new List<RuleTestEventsSyntax>();
        var inline = new StringBuilder();
        string? table = null;
        long? at = null, from = null, to = null;
        RuleTestExpectationSyntax? expect = null;
        YamlNode? expectNode = null;
        foreach (var (key, value) in Fields(mapping, "a test case", CaseFields))
        {
            switch (key)
            {
                case "name": name = Scalar("name", value); break;
                case "table": table = Scalar("table", value)?.Value; break;
                case "at": at = Time("at", value); break;
                case "from": from = Time("from", value); break;
                case "to": to = Time("to", value); break;
                case "expect": expectNode = value; expect = ParseExpectation(value); break;
                case "events": ParseEvents(value, events, inline); break;
            }
        }
        if (name is null)
        {
            Report(DiagnosticDescriptors.MissingTestField, _source.SpanOf(mapping.Start, mapping.Start), "name", "a test case");
            return null;
        }
        if (at is not null && (from is not null || to is not null))
            Report(DiagnosticDescriptors.InvalidTestValue, _source.SpanOf(mapping.Start, mapping.Start), "at", "at with from/to",
                "a case executes once at 'at', or replays 'from'–'to', not both");
        if (from is { } f && to is { } t && t < f)
            Report(DiagnosticDescriptors.InvalidTestValue, _source.SpanOf(mapping.Start, mapping.Start), "to", "to before from", "'to' must not be before 'from'");
        if (inline.Length > 0) events.Add(new RuleTestEventsSyntax(null, table ?? "inline", inline.ToString()));
        if (expectNode is null)
        {
            Report(DiagnosticDescriptors.MissingTestField, name.Value.Span, "expect", $"test case '{name.Value.Value}'");
            return null;
        }
        if (expect is null || Errors > errorsBefore) return null;
        if (expect.IsEmpty)
        {
            Report(DiagnosticDescriptors.NothingExpected, _source.SpanOf(expectNode), name.Value.Value);
            return null;
        }
        return new RuleTestCaseSyntax(name.Value, events.ToEquatableArray(), at, from, to, expect);
    }

    private void ParseEvents(YamlNode node, List<RuleTestEventsSyntax> events, StringBuilder inline)
    {
        if (node is not YamlSequenceNode sequence) { Invalid("events", node, "expected a list of events and {file: path} items"); return; }
        foreach (var item in sequence.Children)
        {
            if (item is not YamlMappingNode mapping) { Invalid("events", item, "each event is a mapping (an inline event) or {file: path}"); continue; }
            if (mapping.Children.Count == 1 && mapping.Children[0].Key is YamlScalarNode { Value: "file" } key)
            {
                if (Scalar("file", mapping.Children[0].Value) is { } file) events.Add(new RuleTestEventsSyntax(file, null, null));
                _ = key;
                continue;
            }
            inline.Append(YamlJson.Write(mapping)).Append('\n');
        }
    }

    private RuleTestExpectationSyntax? ParseExpectation(YamlNode node)
    {
        if (node is not YamlMappingNode mapping) { Invalid("expect", node, "expected a mapping with alerts, events, rows or fields"); return null; }
        int? alerts = null;
        EquatableArray<RuleTestAlertSyntax>? alertList = null;
        EquatableArray<string>? events = null, rows = null;
        string? fields = null;
        foreach (var (key, value) in Fields(mapping, "expect", ExpectFields))
        {
            switch (key)
            {
                case "alerts":
                    if (value is YamlSequenceNode list) alertList = list.Children.Select(ParseAlert).Where(a => a is not null).Select(a => a!).ToEquatableArray();
                    else alerts = Count("alerts", value);
                    break;
                case "events": events = Strings("events", value); break;
                case "rows": rows = Objects("rows", value); break;
                case "fields": fields = Object("fields", value); break;
            }
        }
        return new RuleTestExpectationSyntax(alerts, alertList, events, rows, fields);
    }

    private RuleTestAlertSyntax? ParseAlert(YamlNode node)
    {
        if (node is not YamlMappingNode mapping) { Invalid("alerts", node, "each alert is a mapping with at, events, rows or fields"); return null; }
        long? at = null;
        EquatableArray<string>? events = null, rows = null;
        string? fields = null;
        foreach (var (key, value) in Fields(mapping, "an expected alert", AlertFields))
        {
            switch (key)
            {
                case "at": at = Time("at", value); break;
                case "events": events = Strings("events", value); break;
                case "rows": rows = Objects("rows", value); break;
                case "fields": fields = Object("fields", value); break;
            }
        }
        return new RuleTestAlertSyntax(at, events, rows, fields);
    }

    // ---- shapes -------------------------------------------------------------------------------------

    private IEnumerable<(string Key, YamlNode Value)> Fields(YamlMappingNode mapping, string where, string[] known)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pair in mapping.Children)
        {
            var key = (pair.Key as YamlScalarNode)?.Value ?? "";
            if (!known.Contains(key))
            {
                Report(DiagnosticDescriptors.UnknownTestField, _source.SpanOf(pair.Key), key, where, string.Join(", ", known));
                continue;
            }
            if (!seen.Add(key))
            {
                Report(DiagnosticDescriptors.InvalidTestValue, _source.SpanOf(pair.Key), key, key, "the field is given twice");
                continue;
            }
            yield return (key, pair.Value);
        }
    }

    private Located<string>? Scalar(string field, YamlNode node)
    {
        if (node is YamlScalarNode scalar && !YamlValues.IsNull(scalar) && !string.IsNullOrWhiteSpace(scalar.Value))
            return new Located<string>(scalar.Value!, _source.SpanOf(scalar));
        Invalid(field, node, "expected a non-empty single value");
        return null;
    }

    private long? Time(string field, YamlNode node)
    {
        if (Scalar(field, node) is not { } text) return null;
        if (DateTimeOffset.TryParse(text.Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            && text.Value.Length >= 10 && text.Value[4] == '-')
            return time.UtcTicks;
        Invalid(field, node, "expected an ISO 8601 time such as 2026-11-20T10:05:00Z");
        return null;
    }

    private int? Count(string field, YamlNode node)
    {
        if (Scalar(field, node) is not { } text) return null;
        if (int.TryParse(text.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var count)) return count;
        Invalid(field, node, "expected a number of alerts (0 for none) or a list of expected alerts");
        return null;
    }

    private EquatableArray<string>? Strings(string field, YamlNode node)
    {
        if (node is not YamlSequenceNode sequence) { Invalid(field, node, "expected a list of event ids"); return null; }
        var values = new List<string>();
        foreach (var item in sequence.Children)
            if (Scalar(field, item) is { } value) values.Add(value.Value);
        return values.ToEquatableArray();
    }

    private EquatableArray<string>? Objects(string field, YamlNode node)
    {
        if (node is not YamlSequenceNode sequence) { Invalid(field, node, "expected a list of rows (mappings of field: value)"); return null; }
        var values = new List<string>();
        foreach (var item in sequence.Children)
            if (Object(field, item) is { } json) values.Add(json);
        return values.ToEquatableArray();
    }

    private string? Object(string field, YamlNode node)
    {
        if (node is YamlMappingNode mapping) return YamlJson.Write(mapping);
        Invalid(field, node, "expected a mapping of field: value");
        return null;
    }

    private void Invalid(string field, YamlNode node, string expected)
        => Report(DiagnosticDescriptors.InvalidTestValue, _source.SpanOf(node), field, Shown(node), expected);

    private static string Shown(YamlNode node) => node switch
    {
        YamlScalarNode scalar => scalar.Value ?? "",
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping",
        _ => node.NodeType.ToString(),
    };

    private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, SourceSpan span, params string[] arguments)
        => _diagnostics.Add(RuleDiagnostic.Create(descriptor, span, arguments));

    private static string Describe(YamlException e)
    {
        var message = e.Message;
        var prefixEnd = message.IndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith("(Line:", StringComparison.Ordinal) && prefixEnd >= 0) message = message.Substring(prefixEnd + 3);
        return message.Trim();
    }
}
