using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AzureRules.Cli.Compilation;
using AzureRules.Generators.Kuery;
using AzureRules.Generators.Kuery.Binding;
using AzureRules.Generators.Kuery.Parsing;
using AzureRules.Sdk.Detections;
using AzureRules.Sdk.Events;
using AzureRules.Tests;
using Xunit;
using Xunit.Abstractions;
using GeneratorLanguage = AzureRules.Generators.Model.QueryLanguage;

namespace AzureRules.Corpus.Tests;

/// <summary>
/// Every Kibana KQL rule of the detection-rules repository must parse and compile to executable code,
/// and Azure rules must fire (and stay quiet) on events shaped by Elastic's Azure integration.
/// The query is read from the TOML with a plain extraction of its <c>query = '''…'''</c> block (all
/// kuery rules use that literal form), independent of the product's TOML reader.
/// </summary>
public sealed class KueryCorpusTests(ITestOutputHelper output)
{
    private static readonly Regex QueryBlock = new(@"^query = '''\r?\n?(.*?)'''", RegexOptions.Singleline | RegexOptions.Multiline);

    private static List<(string Path, string Query)> KueryRules(string folder)
    {
        var root = SharedMaterial.Path("corpus", "elastic", "rules")!;
        return Directory.EnumerateFiles(Path.Combine(root, folder), "*.toml", SearchOption.AllDirectories)
            .Select(path => (Path: Path.GetRelativePath(root, path).Replace('\\', '/'), Text: File.ReadAllText(path)))
            .Where(f => f.Text.Contains("language = \"kuery\"", StringComparison.Ordinal))
            .Select(f => (f.Path, QueryBlock.Match(f.Text) is { Success: true } m ? m.Groups[1].Value : throw new InvalidDataException($"{f.Path}: no query block")))
            .OrderBy(r => r.Path, StringComparer.Ordinal)
            .ToList();
    }

    [SharedFact("corpus", "elastic", "rules")]
    public void EveryKueryRuleParsesAndCompiles()
    {
        var rules = KueryRules("");
        Assert.Equal(792, rules.Count);

        var syntaxErrors = new List<string>();
        var notExecutable = new Dictionary<string, List<string>>();
        var diagnosticCounts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var unknownFields = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (path, query) in rules)
        {
            var parsed = KueryParser.Parse(query);
            if (!parsed.Succeeded)
            {
                syntaxErrors.Add($"{path}: offset {parsed.Error!.Offset}: {parsed.Error.Message}");
                continue;
            }
            var compiled = KueryCompiler.Compile(query, CatalogFieldTypes.Instance);
            foreach (var d in compiled.Diagnostics.Items)
            {
                diagnosticCounts[d.Id] = diagnosticCounts.GetValueOrDefault(d.Id) + 1;
                if (d.Id is "AR0402" or "AR0405") unknownFields[d.Arguments[0]] = unknownFields.GetValueOrDefault(d.Arguments[0]) + 1;
            }
            if (!compiled.IsExecutable)
            {
                var first = compiled.Diagnostics.Items.FirstOrDefault(d => d.Id is "AR0403" or "AR0406" or "AR0001");
                var cause = first is null ? compiled.NotExecutableReason! : $"{first.Id}: {first.Arguments.Items.LastOrDefault()}";
                if (!notExecutable.TryGetValue(first?.Id ?? "other", out var list)) notExecutable[first?.Id ?? "other"] = list = [];
                list.Add($"{path}: {cause}");
            }
        }

        // one Roslyn compile of every rule through the generator's per-rule step, as the CLI loads rule files
        var library = RuleLibrary.FromDefinitions(rules.Select(r => AdHocRules.Create(GeneratorLanguage.Kuery, r.Query, r.Path, r.Path)));
        var executable = library.Detections.Count(d => d is ElasticEventDetection);

        output.WriteLine($"kuery rules: {rules.Count}; parsed {rules.Count - syntaxErrors.Count}; executable {rules.Count - syntaxErrors.Count - notExecutable.Values.Sum(l => l.Count)}; loaded as ElasticEventDetection {executable}");
        output.WriteLine("diagnostics: " + string.Join(", ", diagnosticCounts.Select(kv => $"{kv.Key}×{kv.Value}")));
        output.WriteLine($"fields outside the catalog: {unknownFields.Count}; most used: " +
            string.Join(", ", unknownFields.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(15).Select(kv => $"{kv.Key}×{kv.Value}")));
        foreach (var error in syntaxErrors) output.WriteLine("syntax error: " + error);
        foreach (var (cause, list) in notExecutable)
        {
            output.WriteLine($"not executable ({cause}): {list.Count}");
            foreach (var item in list) output.WriteLine("  " + item);
        }

        Assert.Empty(syntaxErrors);
        Assert.Equal(rules.Count - notExecutable.Values.Sum(l => l.Count), executable);
        Assert.Empty(notExecutable);
    }

    [SharedFact("corpus", "events", "elastic-azure")]
    public void AzureRulesOnAzureIntegrationEvents()
    {
        var rules = KueryRules("rules/integrations/azure");
        var library = RuleLibrary.FromDefinitions(rules.Select(r => AdHocRules.Create(GeneratorLanguage.Kuery, r.Query, r.Path, r.Path)));
        var detections = library.Detections.OfType<ElasticEventDetection>().ToList();
        Assert.Equal(rules.Count, detections.Count);

        var events = AzureEvents().ToList();
        Assert.NotEmpty(events);
        var view = new EventView();
        var fired = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (source, json) in events)
        {
            view.Load(json);
            foreach (var detection in detections.Where(d => d.Matches(view)))
            {
                if (!fired.TryGetValue(detection.Metadata.Name, out var list)) fired[detection.Metadata.Name] = list = [];
                list.Add(source);
            }
        }
        output.WriteLine($"{detections.Count} Azure kuery rules over {events.Count} Azure integration events");
        foreach (var (rule, sources) in fired) output.WriteLine($"{rule}: {string.Join(", ", sources)}");

        // most events are benign pipeline samples: rules stay quiet on nearly all of them
        Assert.True(fired.Count < detections.Count / 2);
        // an Identity Protection sign-in risk detection (string values, `not field:(a or b or c)` over a present field)
        Assert.Equal(["test-userriskevents-raw.log-expected.json#0", "test-userriskevents-raw.log-expected.json#1"],
            fired["rules/integrations/azure/initial_access_entra_id_protection_sign_in_risk_detected.toml"]);
        // an ADFS password sign-in without a browser: an array of objects (authentication_details), `not field:*`
        Assert.Equal(["test-adfs-signin.log-expected.json#0"],
            fired["rules/integrations/azure/initial_access_entra_id_rare_authentication_requirement_for_principal_user.toml"]);

        // a storage account deletion: the real activity log event changed to that operation fires the rule; as recorded it does not
        var deletion = detections.Single(d => d.Metadata.Name == "rules/integrations/azure/impact_azure_storage_account_deletion.toml");
        var (_, original) = events.First(e => e.Source.StartsWith("test-activitylogs-raw", StringComparison.Ordinal));
        view.Load(original);
        Assert.False(deletion.Matches(view));
        var changed = JsonNode.Parse(original)!;
        changed["azure"]!["activitylogs"]!["operation_name"] = "MICROSOFT.STORAGE/STORAGEACCOUNTS/DELETE";
        changed["azure"]!["activitylogs"]!["identity"]!["claims_initiated_by_user"] = new JsonObject { ["name"] = "attacker@contoso.com" };
        view.Load(Encoding.UTF8.GetBytes(changed.ToJsonString()));
        Assert.True(deletion.Matches(view));
        // keyword fields are case-sensitive: the operation in lower case does not match
        changed["azure"]!["activitylogs"]!["operation_name"] = "microsoft.storage/storageaccounts/delete";
        view.Load(Encoding.UTF8.GetBytes(changed.ToJsonString()));
        Assert.False(deletion.Matches(view));

    }

    /// <summary>
    /// The integration's pipeline-test outputs. They are the documents before indexing, so they lack
    /// the data stream fields Fleet's index template adds; those are set from the stream's folder
    /// (activitylogs → azure.activitylogs), as in a real logs-azure.activitylogs-* index.
    /// </summary>
    private static IEnumerable<(string Source, byte[] Json)> AzureEvents()
    {
        var root = SharedMaterial.Path("corpus", "events", "elastic-azure")!;
        foreach (var file in Directory.EnumerateFiles(root, "*-expected.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var dataset = "azure." + Path.GetFileName(Path.GetDirectoryName(file));
            var document = JsonNode.Parse(File.ReadAllBytes(file))!;
            var i = 0;
            foreach (var item in document["expected"]!.AsArray())
            {
                var node = item!.AsObject();
                node["data_stream"] = new JsonObject { ["dataset"] = dataset, ["type"] = "logs", ["namespace"] = "default" };
                if (node["event"] is JsonObject e) e["dataset"] = dataset;
                yield return ($"{Path.GetFileName(file)}#{i++}", Encoding.UTF8.GetBytes(node.ToJsonString()));
            }
        }
    }
}
