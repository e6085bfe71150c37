using System.Globalization;
using System.Text;
using AzureRules.Sdk.Esql;

namespace AzureRules.Conformance.Esql;

/// <summary>
/// Compares a result table with a case's expectation. Cells are compared as lists of values: an
/// expected <c>[a, b]</c> (quoted or not) is a multi-value, surrounding quotes are dropped, numbers
/// compare by value (so <c>2</c> and <c>2.0</c> of a double column agree only when the column type
/// agrees too, which is checked separately).
/// </summary>
internal static class EsqlResultComparer
{
    public static (string? Failure, string? Detail) Compare(EsqlCase c, EsqlTable table)
    {
        var actualColumns = table.Columns.Select(col => (col.Name, EsqlDataTypes.Name(col.Type))).ToArray();
        var expectedNames = c.Columns.Select(x => x.Name).ToArray();
        var detail = new StringBuilder();
        if (!expectedNames.SequenceEqual(actualColumns.Select(x => x.Name)))
        {
            detail.AppendLine($"  expected columns {string.Join(", ", expectedNames)}");
            detail.AppendLine($"  actual   columns {string.Join(", ", actualColumns.Select(x => x.Name))}");
            return ("wrong columns", detail.ToString());
        }
        var expectedRows = c.Rows.Select(r => r.Select(Expected).ToArray()).ToList();
        var actualRows = table.Rows.Select(r => r.Select(Actual).ToArray()).ToList();
        if (c.IgnoreOrder)
        {
            expectedRows = expectedRows.OrderBy(Key, StringComparer.Ordinal).ToList();
            actualRows = actualRows.OrderBy(Key, StringComparer.Ordinal).ToList();
        }
        var same = expectedRows.Count == actualRows.Count
            && expectedRows.Zip(actualRows).All(p => p.First.Zip(p.Second).All(cell => SameCell(cell.First, cell.Second)));
        if (!same)
        {
            detail.AppendLine($"  expected {expectedRows.Count} rows: {string.Join(" | ", expectedRows.Take(5).Select(Key))}");
            detail.AppendLine($"  actual   {actualRows.Count} rows: {string.Join(" | ", actualRows.Take(5).Select(Key))}");
            return ("wrong rows", detail.ToString());
        }
        var expectedTypes = c.Columns.Select(x => x.Type).ToArray();
        if (!expectedTypes.SequenceEqual(actualColumns.Select(x => x.Item2)))
        {
            var differences = expectedTypes.Zip(actualColumns).Where(p => p.First != p.Second.Item2).Select(p => $"{p.Second.Name}: {p.First} vs {p.Second.Item2}");
            return ("wrong column types (" + string.Join("; ", differences.Take(2)) + ")", null);
        }
        return (null, null);
    }

    private static string Key(string[]?[] row) => string.Join(" ; ", row.Select(cell => cell is null ? "null" : "[" + string.Join(",", cell) + "]"));

    private static bool SameCell(string[]? expected, string[]? actual)
    {
        if (expected is null || actual is null) return expected is null && actual is null;
        return expected.Length == actual.Length && expected.Zip(actual).All(p => SameValue(p.First, p.Second));
    }

    private static bool SameValue(string expected, string actual)
    {
        if (expected == actual) return true;
        return double.TryParse(expected, NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
            && double.TryParse(actual, NumberStyles.Float, CultureInfo.InvariantCulture, out var y)
            && x == y;
    }

    private static string[]? Actual(object? cell) => cell switch
    {
        null => null,
        EsqlMulti multi => multi.Items.Select(EsqlFormat.Single).ToArray(),
        _ => [EsqlFormat.Single(cell)],
    };

    /// <summary>A spec cell: <c>null</c>, a plain or quoted value, or a bracketed list of them.</summary>
    private static string[]? Expected(string? cell)
    {
        if (cell is null) return null;
        var text = cell.Trim();
        if (text.Length >= 2 && text[0] == '[' && text[^1] == ']')
            return SplitList(text[1..^1]).Select(Unquote).ToArray();
        return [Unquote(text)];
    }

    private static IEnumerable<string> SplitList(string inner)
    {
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < inner.Length; i++)
        {
            var ch = inner[i];
            if (ch == '"') quoted = !quoted;
            if (ch == '\\' && i + 1 < inner.Length && inner[i + 1] == ',') { current.Append(','); i++; continue; }
            if (ch == ',' && !quoted)
            {
                yield return current.ToString().Trim();
                current.Clear();
                continue;
            }
            current.Append(ch);
        }
        yield return current.ToString().Trim();
    }

    private static string Unquote(string value)
        => value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? value[1..^1].Replace("\\\"", "\"") : value;
}
