using System.Text.RegularExpressions;
using AzureRules.Cli.Compilation;
using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Eql;
using AzureRules.Generators.Formats.Common;
using AzureRules.Sdk.Eql;
using AzureRules.Tests;
using Xunit;
using Xunit.Abstractions;
using QueryLanguage = AzureRules.Generators.Model.QueryLanguage;

namespace AzureRules.Corpus.Tests;

/// <summary>
/// Every EQL rule of Elastic's detection-rules repository: the query must parse and compile to code
/// that runs (all of them: event queries, the 217 sequences and the 3 samples). Queries are read
/// from the TOML with a plain extraction of <c>query = '''…'''</c> (a literal string, no escapes),
/// independently of the product's TOML reader.
/// </summary>
public sealed class EqlCorpusTests(ITestOutputHelper output)
{
    internal sealed record CorpusRule(string File, string Query, TimeSpan? LookBack);

    private static readonly Regex QueryBlock = new(@"^query = '''\r?\n?(.*?)'''", RegexOptions.Singleline | RegexOptions.Multiline);
    private static readonly Regex From = new("^from = \"([^\"]*)\"", RegexOptions.Multiline);

    internal static List<CorpusRule> LoadRules()
    {
        var root = SharedMaterial.Path("corpus", "elastic", "rules")!;
        var rules = new List<CorpusRule>();
        foreach (var file in Directory.EnumerateFiles(root, "*.toml", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
        {
            var text = File.ReadAllText(file);
            if (!text.Contains("language = \"eql\"", StringComparison.Ordinal)) continue;
            var query = QueryBlock.Match(text);
            Assert.True(query.Success, $"{file}: no query = '''…''' block");
            TimeSpan? lookBack = From.Match(text) is { Success: true } from && Durations.TryParseDateMathLookBack(from.Groups[1].Value, out var span) ? span : TimeSpan.FromMinutes(6);
            rules.Add(new CorpusRule(Path.GetRelativePath(root, file), query.Groups[1].Value, lookBack));
        }
        return rules;
    }

    private static AzureRules.Generators.Model.RuleDefinition Definition(CorpusRule rule)
        => AdHocRules.Create(QueryLanguage.Eql, rule.Query, rule.File, rule.File) with { LookBack = rule.LookBack };

    [SharedFact("corpus", "elastic", "rules")]
    public void EveryEqlRuleParsesAndCompilesToExecutableCode()
    {
        var rules = LoadRules();
        Assert.Equal(1081, rules.Count);

        var syntaxErrors = new List<string>();
        var byCause = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        var warnings = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var executable = new List<CorpusRule>();
        int sequences = 0, samples = 0;
        foreach (var rule in rules)
        {
            var compiled = EqlCompiler.Compile(Definition(rule));
            foreach (var d in compiled.Diagnostics)
            {
                if (d.Id == DiagnosticDescriptors.EqlSyntaxError.Id) syntaxErrors.Add($"{rule.File}@{d.Start}: {d.Arguments[0]}");
                warnings[d.Id] = warnings.GetValueOrDefault(d.Id) + 1;
            }
            var (parsed, _) = AzureRules.Generators.Eql.Syntax.EqlParser.Parse(rule.Query);
            if (parsed is AzureRules.Generators.Eql.Syntax.EqlSequenceQuery) sequences++;
            else if (parsed is AzureRules.Generators.Eql.Syntax.EqlSampleQuery) samples++;
            if (compiled.IsExecutable) executable.Add(rule);
            else
            {
                var reason = compiled.NotExecutableReason!;
                if (!byCause.TryGetValue(reason, out var list)) byCause[reason] = list = [];
                list.Add(rule.File + " " + string.Join("; ", compiled.Diagnostics.Select(d => $"{d.Id}@{d.Start} {string.Join(",", d.Arguments)}")));
            }
        }
        output.WriteLine($"{rules.Count} EQL rules: {rules.Count - syntaxErrors.Count} parse, {executable.Count} compile to executable code ({sequences} sequences, {samples} samples)");
        output.WriteLine("diagnostics by id: " + string.Join(", ", warnings.Select(kv => $"{kv.Key} x{kv.Value}")));
        foreach (var (cause, files) in byCause)
        {
            output.WriteLine($"not executable ({files.Count}): {cause}");
            foreach (var f in files.Take(20)) output.WriteLine("    " + f);
        }
        Assert.Empty(syntaxErrors);
        Assert.Equal(217, sequences);
        Assert.Equal(3, samples);
        // every rule runs, sequences and samples included
        Assert.Equal(rules.Count, executable.Count);

        // …and its generated class compiles with Roslyn and loads, in one library, as the right kind
        var library = RuleLibrary.FromDefinitions(executable.Select(Definition));
        Assert.Equal(executable.Count, library.Detections.Count);
        Assert.All(library.Detections, d => Assert.True(d.IsExecutable, d.NotExecutableReason));
        Assert.Equal(rules.Count - sequences - samples, library.Detections.Count(d => d is EqlEventDetection));
        var joins = library.Detections.OfType<AzureRules.Sdk.Eql.Join.EqlJoinDetection>().ToList();
        Assert.Equal(sequences, joins.Count(j => j.Join.Kind == AzureRules.Sdk.Eql.Join.EqlJoinKind.Sequence));
        Assert.Equal(samples, joins.Count(j => j.Join.Kind == AzureRules.Sdk.Eql.Join.EqlJoinKind.Sample));
    }

    /// <summary>
    /// The compiler never throws, whatever it is given: every prefix of a sample of corpus queries
    /// (cut every few characters, so most are broken mid-token) either compiles or reports AR0501.
    /// </summary>
    [SharedFact("corpus", "elastic", "rules")]
    public void TruncatedQueriesGiveDiagnosticsNotExceptions()
    {
        var rules = LoadRules();
        var checkedPrefixes = 0;
        for (var i = 0; i < rules.Count; i += 20)
        {
            var query = rules[i].Query;
            for (var length = 0; length < query.Length; length += 5)
            {
                var compiled = EqlCompiler.Compile(Definition(rules[i] with { Query = query[..length] }));
                Assert.True(compiled.IsExecutable || compiled.NotExecutableReason is not null);
                checkedPrefixes++;
            }
        }
        output.WriteLine($"{checkedPrefixes} truncated queries compiled without an exception");
    }
}
