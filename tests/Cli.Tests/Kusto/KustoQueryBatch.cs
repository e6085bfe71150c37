using AzureRules.Cli.Compilation;
using AzureRules.Generators.Model;
using AzureRules.Sdk.Kusto;
using Xunit;

namespace AzureRules.Cli.Tests.Kusto;

/// <summary>
/// Self-contained Kusto queries (datatable, range, print) compiled through the real path, all of a test
/// class's queries in one compilation (one Roslyn run instead of one per test), and run on demand.
/// </summary>
internal sealed class KustoQueryBatch(params string[] queries)
{
    private static readonly DateTime Now = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly Lazy<(Dictionary<string, KustoDetection> Detections, Dictionary<string, List<string>> Diagnostics)> _compiled = new(() =>
    {
        var names = queries.Select((q, i) => (Query: q, Name: $"q{i:D3}")).ToList();
        var library = RuleLibrary.FromDefinitions(names.Select(n => AdHocRules.Create(QueryLanguage.Kusto, n.Query, n.Name, n.Name)));
        var byName = names.ToDictionary(n => n.Name, n => n.Query, StringComparer.Ordinal);
        var detections = new Dictionary<string, KustoDetection>(StringComparer.Ordinal);
        foreach (var d in library.Detections)
            if (d is KustoDetection kusto && byName.TryGetValue(d.Metadata.SourceFile, out var query)) detections[query] = kusto;
        var diagnostics = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var d in library.Diagnostics)
        {
            if (!byName.TryGetValue(d.Location.GetLineSpan().Path, out var query)) continue;
            if (!diagnostics.TryGetValue(query, out var list)) diagnostics[query] = list = [];
            list.Add($"{d.Id} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}");
        }
        return (detections, diagnostics);
    });

    /// <summary>The compiled query (it must be one of the batch's), asserted executable.</summary>
    public KustoDetection Detection(string query)
    {
        Assert.Contains(query, queries);
        var (detections, diagnostics) = _compiled.Value;
        Assert.True(detections.ContainsKey(query), "not compiled:\n" + string.Join("\n", diagnostics.GetValueOrDefault(query) ?? []));
        var detection = detections[query];
        Assert.True(detection.IsExecutable, detection.NotExecutableReason + "\n" + string.Join("\n", diagnostics.GetValueOrDefault(query) ?? []));
        return detection;
    }

    /// <summary>The diagnostics (id and message) the query compiled with.</summary>
    public IReadOnlyList<string> Diagnostics(string query)
    {
        Assert.Contains(query, queries);
        return _compiled.Value.Diagnostics.GetValueOrDefault(query) ?? [];
    }

    public KustoTable Run(string query) => Detection(query).Execute(new KustoContext(Now, _ => null));

    /// <summary>The result's column names.</summary>
    public string[] Columns(string query) => [.. Run(query).Columns.Select(c => c.Name)];

    /// <summary>The result's rows, each as its values' text joined by " | ".</summary>
    public string[] Rows(string query) => [.. Run(query).RowsAsText().Select(r => string.Join(" | ", r))];
}
