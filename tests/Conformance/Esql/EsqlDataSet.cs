using System.Text;
using System.Text.Json;
using AzureRules.Sdk.Esql;

namespace AzureRules.Conformance.Esql;

/// <summary>The spec data: <c>data/&lt;index&gt;.jsonl</c> documents and <c>data/mappings.json</c>, as an in-memory ES|QL source.</summary>
internal static class EsqlDataSet
{
    public static EsqlMemorySource Load(string directory)
    {
        var mappings = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        var mappingFile = Path.Combine(directory, "mappings.json");
        if (File.Exists(mappingFile))
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(mappingFile));
            foreach (var index in doc.RootElement.EnumerateObject())
                mappings[index.Name] = index.Value.EnumerateObject().ToDictionary(f => f.Name, f => f.Value.GetString()!, StringComparer.Ordinal);
        }
        var indices = new List<EsqlIndex>();
        foreach (var file in Directory.EnumerateFiles(directory, "*.jsonl").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            var documents = File.ReadLines(file)
                .Where(l => l.Trim().Length > 0)
                .Select((l, i) => new EsqlDocument((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), Encoding.UTF8.GetBytes(l)))
                .ToList();
            indices.Add(new EsqlIndex(name, documents, mappings.GetValueOrDefault(name)));
        }
        return new EsqlMemorySource(indices);
    }
}
