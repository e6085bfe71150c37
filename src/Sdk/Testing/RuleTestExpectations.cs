using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AzureRules.Sdk.Alerts;

namespace AzureRules.Sdk.Testing;

/// <summary>
/// Compares alerts with a case's expectation and says each difference in one line. Values compare as
/// the rule author means them: numbers by value, date strings by instant (<c>09:20:00Z</c> equals
/// <c>09:20:00.0000000Z</c>), objects by the expected fields only, arrays element by element.
/// </summary>
public static class RuleTestExpectations
{
    public static IEnumerable<string> Compare(RuleTestExpectation expect, IReadOnlyList<Alert> alerts)
    {
        if (expect.Alerts is { } count && count != alerts.Count)
            yield return $"expected {Plural(count, "alert")}, got {alerts.Count}";

        if (expect.AlertList is { } list)
        {
            if (list.Count != alerts.Count) yield return $"expected {Plural(list.Count, "alert")}, got {alerts.Count}";
            for (var i = 0; i < Math.Min(list.Count, alerts.Count); i++)
                foreach (var failure in CompareAlert(list[i], alerts[i], $"alert {i + 1}"))
                    yield return failure;
        }

        if (expect.Events is { } events)
        {
            var actual = alerts.SelectMany(a => a.Events.Select(e => e.EventId)).Order(StringComparer.Ordinal).ToList();
            var expected = events.Order(StringComparer.Ordinal).ToList();
            if (!actual.SequenceEqual(expected, StringComparer.Ordinal))
                yield return $"expected alerted events [{string.Join(", ", expected)}], got [{string.Join(", ", actual)}]";
        }

        if (expect.Rows is { } rows)
            foreach (var failure in CompareRows(rows, [.. alerts.SelectMany(a => a.Rows)], "rows"))
                yield return failure;

        if (expect.Fields is { } fields)
            for (var i = 0; i < alerts.Count; i++)
                foreach (var failure in CompareFields(fields, alerts[i], $"alert {i + 1}"))
                    yield return failure;
    }

    private static IEnumerable<string> CompareAlert(RuleTestAlertExpectation expect, Alert alert, string label)
    {
        if (expect.At is { } at && at != alert.Timestamp)
            yield return $"{label}: expected at {Time(at)}, got {Time(alert.Timestamp)}";
        if (expect.Events is { } events)
        {
            var actual = alert.Events.Select(e => e.EventId).Order(StringComparer.Ordinal).ToList();
            var expected = events.Order(StringComparer.Ordinal).ToList();
            if (!actual.SequenceEqual(expected, StringComparer.Ordinal))
                yield return $"{label}: expected events [{string.Join(", ", expected)}], got [{string.Join(", ", actual)}]";
        }
        if (expect.Rows is { } rows)
            foreach (var failure in CompareRows(rows, alert.Rows, $"{label} rows"))
                yield return failure;
        if (expect.Fields is { } fields)
            foreach (var failure in CompareFields(fields, alert, label))
                yield return failure;
    }

    private static IEnumerable<string> CompareRows(IReadOnlyList<string> expected, IReadOnlyList<JsonObject> actual, string label)
    {
        if (expected.Count != actual.Count) yield return $"{label}: expected {Plural(expected.Count, "row")}, got {actual.Count}";
        for (var i = 0; i < Math.Min(expected.Count, actual.Count); i++)
            foreach (var difference in Differences(JsonNode.Parse(expected[i]), actual[i], ""))
                yield return $"{label}[{i + 1}]{difference}";
    }

    private static IEnumerable<string> CompareFields(string expected, Alert alert, string label)
    {
        foreach (var difference in Differences(JsonNode.Parse(expected), AlertJson.ToJson(alert), ""))
            yield return $"{label}{difference}";
    }

    /// <summary>Where <paramref name="actual"/> differs from <paramref name="expected"/>, as ".path: expected X, got Y".</summary>
    public static IEnumerable<string> Differences(JsonNode? expected, JsonNode? actual, string path)
    {
        switch (expected)
        {
            case JsonObject fields:
                if (actual is not JsonObject actualFields)
                {
                    yield return $"{path}: expected an object, got {Show(actual)}";
                    yield break;
                }
                foreach (var (name, value) in fields)
                {
                    var present = actualFields.TryGetPropertyValue(name, out var actualValue);
                    if (!present && value is not null) { yield return $"{path}.{name}: expected {Show(value)}, but the field is absent"; continue; }
                    foreach (var difference in Differences(value, actualValue, $"{path}.{name}")) yield return difference;
                }
                yield break;
            case JsonArray items:
                if (actual is not JsonArray actualItems || actualItems.Count != items.Count)
                {
                    yield return $"{path}: expected {Show(expected)}, got {Show(actual)}";
                    yield break;
                }
                for (var i = 0; i < items.Count; i++)
                    foreach (var difference in Differences(items[i], actualItems[i], $"{path}[{i}]")) yield return difference;
                yield break;
            default:
                if (!ScalarEquals(expected, actual)) yield return $"{path}: expected {Show(expected)}, got {Show(actual)}";
                yield break;
        }
    }

    private static bool ScalarEquals(JsonNode? expected, JsonNode? actual)
    {
        if (expected is null || actual is null) return expected is null && actual is null;
        if (actual is not JsonValue actualValue || expected is not JsonValue expectedValue) return false;
        var e = expectedValue.GetValueKind();
        var a = actualValue.GetValueKind();
        if (e == JsonValueKind.Number && a == JsonValueKind.Number)
            return expectedValue.GetValue<decimal>() == actualValue.GetValue<decimal>();
        if (e == JsonValueKind.String && a == JsonValueKind.String)
        {
            var x = expectedValue.GetValue<string>();
            var y = actualValue.GetValue<string>();
            if (string.Equals(x, y, StringComparison.Ordinal)) return true;
            return IsInstant(x, out var tx) && IsInstant(y, out var ty) && tx == ty;
        }
        if (e is JsonValueKind.True or JsonValueKind.False) return a == e;
        return false;
    }

    private static bool IsInstant(string text, out DateTimeOffset value)
        => DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value)
           && text.Length >= 10 && char.IsDigit(text[0]) && text[4] == '-';

    private static string Show(JsonNode? node) => node is null ? "null" : node.ToJsonString(Compact);

    private static readonly JsonSerializerOptions Compact = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    /// <summary>One line per actual alert: when, which events, which rows.</summary>
    public static string Describe(Alert alert)
    {
        var events = alert.Events.Count > 0 ? $" events [{string.Join(", ", alert.Events.Select(e => e.EventId))}]" : "";
        var rows = alert.Events.Count > 0 ? "" : $" rows {new JsonArray([.. alert.Rows.Select(r => r.DeepClone())]).ToJsonString(Compact)}";
        if (rows.Length > 400) rows = rows[..400] + "…";
        return $"at {Time(alert.Timestamp)}{events}{rows}";
    }
}
