using System.Text;
using System.Text.RegularExpressions;
using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Esql;
using AzureRules.Tests;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace AzureRules.Corpus.Tests;

/// <summary>
/// Every ES|QL rule of the detection-rules repository parses and validates without an error. The query is
/// read from the TOML with a plain extraction of its <c>query = '''…'''</c> / <c>"""…"""</c> block, so this
/// test does not depend on the TOML reader.
/// </summary>
public class EsqlCorpusTests(ITestOutputHelper output)
{
    private static readonly Regex QueryBlock = new("^query\\s*=\\s*('''|\"\"\")\\r?\\n?(.*?)\\1", RegexOptions.Singleline | RegexOptions.Multiline);
    private static readonly Regex EsqlLanguage = new("^language\\s*=\\s*\"esql\"", RegexOptions.Multiline);

    [SharedFact("corpus", "elastic", "rules")]
    public void Every_esql_rule_parses_and_validates()
    {
        var rules = LoadRules();
        Assert.Equal(212, rules.Count);

        var byCause = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        var parsed = 0;
        var clean = 0;
        var errors = new List<string>();
        var stopwatch = new System.Diagnostics.Stopwatch();
        foreach (var (path, query) in rules)
        {
            stopwatch.Start();
            var analysis = EsqlCompiler.Analyze(query);
            stopwatch.Stop();
            if (!analysis.Diagnostics.Any(d => d.Id == "AR0601")) parsed++;
            if (analysis.Diagnostics.Count == 0) clean++;
            foreach (var diagnostic in analysis.Diagnostics)
            {
                var descriptor = DiagnosticDescriptors.Get(diagnostic.Id);
                var cause = $"{diagnostic.Id} {descriptor.DefaultSeverity}: {Cause(diagnostic)}";
                if (!byCause.TryGetValue(cause, out var list)) byCause[cause] = list = new List<string>();
                var text = $"{Path.GetFileName(path)}@{diagnostic.Start} '{Excerpt(query, diagnostic)}'";
                list.Add(text);
                if (descriptor.DefaultSeverity == DiagnosticSeverity.Error)
                    errors.Add($"{path}: {diagnostic.Id} at {diagnostic.Start}: {string.Join(" | ", diagnostic.Arguments)} '{Excerpt(query, diagnostic)}'");
            }
        }

        var report = new StringBuilder();
        report.AppendLine($"ES|QL rules: {rules.Count}, parsed: {parsed}, without any diagnostic: {clean}, errors: {errors.Count}; "
            + $"parse and bind took {stopwatch.Elapsed.TotalMilliseconds:F0} ms in all, {WarmMilliseconds(rules):F0} ms warm (informational)");
        foreach (var (cause, list) in byCause.OrderByDescending(p => p.Value.Count))
            report.AppendLine($"{list.Count,5}  {cause}   e.g. {string.Join("; ", list.Take(3))}");
        output.WriteLine(report.ToString());

        Assert.Equal(rules.Count, parsed);
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    /// <summary>
    /// Every ES|QL rule file through the real generator and Roslyn, loaded: how many compile to an
    /// executable <c>EsqlDetection</c>, and why the others cannot run (grouped by reason).
    /// </summary>
    [SharedFact("corpus", "elastic", "rules")]
    public void Esql_rules_compile_to_executable_detections()
    {
        var files = LoadRules().Select(r => (r.Path, File.ReadAllText(r.Path))).ToList();
        var library = AzureRules.Cli.Compilation.RuleLibrary.FromFiles(files);
        var detections = library.Detections;
        Assert.Equal(files.Count, detections.Count);
        var executable = detections.OfType<AzureRules.Sdk.Esql.EsqlDetection>().ToList();
        var reasons = detections.Where(d => !d.IsExecutable).GroupBy(d => d.NotExecutableReason ?? "").OrderByDescending(g => g.Count());
        output.WriteLine($"ES|QL rules: {detections.Count}, executable: {executable.Count}, aggregating: {executable.Count(d => d.IsAggregating)}");
        foreach (var group in reasons)
            output.WriteLine($"  {group.Count(),4} not executable: {group.Key}   e.g. {string.Join("; ", group.Take(2).Select(d => Path.GetFileName(d.Metadata.SourceFile)))}");
        // the rules that cannot run are those using what no local runtime can do: the 7 COMPLETION rules
        // call an LLM inference endpoint. A ratchet, raised as support grows
        Assert.True(executable.Count >= ExecutableRatchet, $"{executable.Count} executable ES|QL rules, expected at least {ExecutableRatchet}");
    }

    private const int ExecutableRatchet = 205;

    private static double WarmMilliseconds(List<(string Path, string Query)> rules)
    {
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        foreach (var (_, query) in rules) EsqlCompiler.Analyze(query);
        return stopwatch.Elapsed.TotalMilliseconds;
    }

    /// <summary>The diagnostic's kind of cause: the id's message without the name it is about.</summary>
    private static string Cause(QueryDiagnostic diagnostic) => diagnostic.Id switch
    {
        "AR0602" => FieldNamespace(diagnostic.Arguments.Items[0]),
        "AR0603" => diagnostic.Arguments.Items[0].ToUpperInvariant(),
        _ => string.Join(" | ", diagnostic.Arguments.Items.Skip(1).DefaultIfEmpty(diagnostic.Arguments.Items.FirstOrDefault() ?? "")),
    };

    private static string FieldNamespace(string field)
    {
        var parts = field.Split('.');
        return "unknown field under " + (parts.Length > 2 ? $"{parts[0]}.{parts[1]}.*" : parts.Length > 1 ? $"{parts[0]}.*" : field);
    }

    private static string Excerpt(string query, QueryDiagnostic diagnostic)
    {
        var start = Math.Max(0, Math.Min(diagnostic.Start, query.Length));
        var length = Math.Min(Math.Max(diagnostic.Length, 1), Math.Min(60, query.Length - start));
        return query.Substring(start, Math.Max(0, length)).Replace('\n', ' ');
    }

    private static List<(string Path, string Query)> LoadRules()
    {
        var root = SharedMaterial.Path("corpus", "elastic", "rules")!;
        var rules = new List<(string, string)>();
        foreach (var path in Directory.EnumerateFiles(root, "*.toml", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal))
        {
            var text = File.ReadAllText(path);
            if (!EsqlLanguage.IsMatch(text)) continue;
            // the rule's query, not an osquery investigation query of a [[transform…]] table
            var match = QueryBlock.Matches(text).Cast<Match>().FirstOrDefault(m => TableAt(text, m.Index) == "[rule]");
            Assert.True(match is not null, $"{path}: no query block in [rule]");
            var query = match!.Groups[1].Value == "'''" ? match.Groups[2].Value : DecodeBasicString(match.Groups[2].Value);
            rules.Add((path, query));
        }
        return rules;
    }

    private static readonly Regex TableHeader = new(@"^\[\[?[A-Za-z0-9_.]+\]\]?[ \t]*\r?$", RegexOptions.Multiline);

    /// <summary>The TOML table header in force at <paramref name="index"/> (e.g. <c>[rule]</c>).</summary>
    private static string TableAt(string text, int index)
        => TableHeader.Matches(text).Cast<Match>().LastOrDefault(m => m.Index < index)?.Value.Trim() ?? "";

    /// <summary>The escapes of a TOML multi-line basic string ("""…""").</summary>
    private static string DecodeBasicString(string text)
    {
        var result = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\' || i + 1 >= text.Length) { result.Append(text[i]); continue; }
            var next = text[++i];
            switch (next)
            {
                case 'n': result.Append('\n'); break;
                case 't': result.Append('\t'); break;
                case 'r': result.Append('\r'); break;
                case '"': result.Append('"'); break;
                case '\\': result.Append('\\'); break;
                case 'u': result.Append((char)Convert.ToInt32(text.Substring(i + 1, 4), 16)); i += 4; break;
                case '\n' or '\r' or ' ' or '\t':
                    // a line-ending backslash swallows the newline and the whitespace after it
                    while (i + 1 < text.Length && char.IsWhiteSpace(text[i + 1])) i++;
                    break;
                default: result.Append('\\').Append(next); break;
            }
        }
        return result.ToString();
    }
}
