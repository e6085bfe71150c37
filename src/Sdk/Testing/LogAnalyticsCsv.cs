using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace AzureRules.Sdk.Testing;

/// <summary>
/// Reads a Log Analytics CSV export (RFC 4180: a header of column names, quoted fields may hold
/// commas, quotes and line breaks) as events. The portal writes datetime columns as
/// <c>TimeGenerated [UTC]</c> with values such as <c>11/20/2026, 9:00:00.000 AM</c>: the suffix is
/// dropped and the value becomes ISO 8601. An empty field is an absent value; a field holding a
/// JSON object or array (a dynamic column) becomes that JSON; everything else stays a string.
/// </summary>
public static class LogAnalyticsCsv
{
    private const string UtcSuffix = " [UTC]";

    private static readonly string[] PortalDateFormats =
    [
        "M/d/yyyy, h:mm:ss.fff tt", "M/d/yyyy, h:mm:ss tt", "M/d/yyyy h:mm:ss.fff tt", "M/d/yyyy h:mm:ss tt",
    ];

    /// <summary>Each record as one JSON object, with the 1-based line it starts on.</summary>
    public static IEnumerable<(int Line, JsonObject Event)> Read(string text)
    {
        using var records = Records(text).GetEnumerator();
        if (!records.MoveNext()) yield break;
        var header = records.Current.Fields;
        var columns = header.Select(h => h.EndsWith(UtcSuffix, StringComparison.Ordinal) ? h[..^UtcSuffix.Length] : h).ToArray();
        var isDate = header.Select(h => h.EndsWith(UtcSuffix, StringComparison.Ordinal)).ToArray();
        while (records.MoveNext())
        {
            var (line, fields) = records.Current;
            if (fields.Count == 1 && fields[0].Length == 0) continue; // a blank line
            if (fields.Count != columns.Length)
                throw new FormatException($"line {line}: {fields.Count} fields, but the header has {columns.Length} columns");
            var json = new JsonObject();
            for (var i = 0; i < columns.Length; i++)
            {
                if (fields[i].Length == 0) continue;
                json[columns[i]] = Value(fields[i], isDate[i]);
            }
            yield return (line, json);
        }
    }

    private static JsonNode? Value(string field, bool isDate)
    {
        if (isDate && DateTime.TryParseExact(field, PortalDateFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date))
            return JsonValue.Create(date.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
        if (field[0] is '{' or '[')
        {
            try
            {
                return JsonNode.Parse(field, documentOptions: new() { MaxDepth = 64 });
            }
            catch (System.Text.Json.JsonException)
            {
                // not JSON after all: the text as it is
            }
        }
        return JsonValue.Create(field);
    }

    /// <summary>RFC 4180 records: fields, and the line each record starts on.</summary>
    private static IEnumerable<(int Line, List<string> Fields)> Records(string text)
    {
        var line = 1;
        var position = 0;
        if (text.Length > 0 && text[0] == '\uFEFF') position = 1;
        while (position < text.Length)
        {
            var start = line;
            var fields = new List<string>();
            var field = new StringBuilder();
            var quoted = false;
            var atFieldStart = true;
            for (; position < text.Length; position++)
            {
                var c = text[position];
                if (quoted)
                {
                    if (c == '"')
                    {
                        if (position + 1 < text.Length && text[position + 1] == '"') { field.Append('"'); position++; }
                        else quoted = false;
                    }
                    else
                    {
                        if (c == '\n') line++;
                        field.Append(c);
                    }
                    continue;
                }
                if (c == '"' && atFieldStart) { quoted = true; atFieldStart = false; continue; }
                if (c == ',') { fields.Add(field.ToString()); field.Clear(); atFieldStart = true; continue; }
                if (c == '\r') continue;
                if (c == '\n') { line++; position++; break; }
                field.Append(c);
                atFieldStart = false;
            }
            if (quoted) throw new FormatException($"line {start}: a quoted field is not closed");
            fields.Add(field.ToString());
            yield return (start, fields);
        }
    }
}
