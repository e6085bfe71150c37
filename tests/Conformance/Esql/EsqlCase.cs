using System.Globalization;
using System.Text.Json;

namespace AzureRules.Conformance.Esql;

/// <summary>One csv-spec case as SOURCE.md describes it: the query, the expected header and rows.</summary>
internal sealed record EsqlCase(string Suite, string Name, string Query, (string Name, string Type)[] Columns, string?[][] Rows,
    bool IgnoreOrder, string Path)
{
    public static List<EsqlCase> ReadAll(string path)
    {
        var cases = new List<EsqlCase>();
        foreach (var line in File.ReadLines(path))
        {
            if (line.Trim().Length == 0) continue;
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            var columns = root.GetProperty("columns").EnumerateArray()
                .Select(c => (c.GetProperty("name").GetString()!, c.GetProperty("type").GetString()!)).ToArray();
            var rows = root.GetProperty("rows").EnumerateArray()
                .Select(r => r.EnumerateArray().Select(cell => cell.ValueKind == JsonValueKind.Null ? null : cell.GetString()).ToArray()).ToArray();
            cases.Add(new EsqlCase(root.GetProperty("suite").GetString()!, root.GetProperty("name").GetString()!, root.GetProperty("query").GetString()!,
                columns, rows, root.TryGetProperty("ignoreOrder", out var o) && o.ValueKind == JsonValueKind.True,
                "case-" + (cases.Count + 1).ToString("0000", CultureInfo.InvariantCulture)));
        }
        return cases;
    }
}
