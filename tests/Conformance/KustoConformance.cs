using System.Globalization;
using System.Text;
using System.Text.Json;
using AzureRules.Cli.Compilation;
using AzureRules.Sdk.Detections;
using AzureRules.Sdk.Kusto;
using Microsoft.CodeAnalysis;

namespace AzureRules.Conformance;

/// <summary>
/// Runs the Kusto documentation examples: every case is compiled through the real path (all at once,
/// each as its own ad-hoc rule "case-NNNN"), executed, and its columns and rows compared with the
/// documented output. Values compare as text with Kusto's display conventions normalised: datetimes
/// as instants (docs print both "2018-07-01 00:00:00.0000000" and ISO), numbers numerically, bools
/// without case, dynamic values as JSON without whitespace or quote style. Rows compare in order when
/// the query sorts (sort, order by, top), else as a multiset (Kusto does not order results otherwise).
/// Not-executable cases count as failed, grouped by the construct the compiler reported.
/// </summary>
internal static class KustoConformance
{
    private sealed record Case(string Name, string Source, string Query, string[] Columns, string[][] Rows);

    private static readonly DateTime Now = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static ConformanceResult Run(string[] args)
    {
        var verbose = args.Contains("--verbose");
        var cases = File.ReadLines(args[0]).Where(l => l.Trim().Length > 0).Select(Read).ToList();
        var detections = Compile(cases, out var diagnostics);
        var result = new ConformanceResult();
        foreach (var c in cases)
        {
            var (passed, cause, detail) = RunCase(c, detections.GetValueOrDefault(c.Name), diagnostics.GetValueOrDefault(c.Name) ?? []);
            result.Record($"{c.Name} ({c.Source})", [Feature(c.Source)], passed, cause);
            if (!passed && verbose) Console.WriteLine($"--- {c.Name} {c.Source}: {cause}\n{c.Query}\n{detail}\n");
        }
        return result;
    }

    private static Case Read(string line, int index)
    {
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        return new Case(
            $"case-{index + 1:D4}",
            root.GetProperty("source").GetString() ?? "",
            root.GetProperty("query").GetString() ?? "",
            [.. root.GetProperty("columns").EnumerateArray().Select(c => Unwrap(c.GetString() ?? ""))],
            [.. root.GetProperty("rows").EnumerateArray().Select(r => r.EnumerateArray().Select(v => Unwrap(v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText())).ToArray())]);
    }

    /// <summary>Removes the documentation's markdown around a value: `code`, &lt;autolinks&gt;, &lt;br&gt; line breaks.</summary>
    private static string Unwrap(string value)
    {
        value = value.Replace("<br />", "", StringComparison.Ordinal).Replace("<br/>", "", StringComparison.Ordinal).Replace("<br>", "", StringComparison.Ordinal).Trim();
        if (value.Length >= 2 && value[0] == '`' && value[^1] == '`') value = value[1..^1];
        if (value.Length >= 2 && value[0] == '<' && value[^1] == '>' && !value.Contains(' ', StringComparison.Ordinal)) value = value[1..^1];
        return value;
    }

    private static string Feature(string source)
    {
        var name = Path.GetFileNameWithoutExtension(source);
        if (name.EndsWith("aggregation-function", StringComparison.Ordinal) || name.EndsWith("aggfunction", StringComparison.Ordinal)) return "aggregation functions";
        if (name.EndsWith("-function", StringComparison.Ordinal)) return "scalar functions";
        if (name.EndsWith("-operator", StringComparison.Ordinal)) return "tabular operators";
        if (name.EndsWith("-plugin", StringComparison.Ordinal)) return "plugins";
        return "other";
    }

    /// <summary>Compiles every case in one library; when the batch does not compile, halves it until the culprits are isolated.</summary>
    private static Dictionary<string, Detection> Compile(List<Case> cases, out Dictionary<string, List<Diagnostic>> diagnostics)
    {
        var detections = new Dictionary<string, Detection>(StringComparer.Ordinal);
        diagnostics = new Dictionary<string, List<Diagnostic>>(StringComparer.Ordinal);
        var pending = new Stack<List<Case>>();
        pending.Push(cases);
        while (pending.Count > 0)
        {
            var batch = pending.Pop();
            try
            {
                var library = RuleLibrary.FromDefinitions(batch.Select(c => AdHocRules.Create(AzureRules.Generators.Model.QueryLanguage.Kusto, c.Query, c.Name, c.Name)));
                foreach (var d in library.Detections) detections[d.Metadata.SourceFile] = d;
                foreach (var d in library.Diagnostics)
                {
                    var path = d.Location.GetLineSpan().Path;
                    if (!diagnostics.TryGetValue(path, out var list)) diagnostics[path] = list = [];
                    list.Add(d);
                }
            }
            catch (InvalidOperationException e) when (batch.Count > 1)
            {
                _ = e;
                pending.Push(batch.GetRange(0, batch.Count / 2));
                pending.Push(batch.GetRange(batch.Count / 2, batch.Count - batch.Count / 2));
            }
            catch (InvalidOperationException e)
            {
                diagnostics[batch[0].Name] = [];
                Console.Error.WriteLine($"{batch[0].Name}: generated code did not compile: {e.Message.Split('\n').Skip(1).FirstOrDefault()}");
            }
        }
        return detections;
    }

    private static (bool Passed, string? Cause, string Detail) RunCase(Case c, Detection? detection, List<Diagnostic> diagnostics)
    {
        if (detection is null) return (false, "generated code did not compile", "");
        if (detection is not KustoDetection kusto)
        {
            var first = diagnostics.FirstOrDefault(d => d.Id.StartsWith("AR03", StringComparison.Ordinal));
            var cause = first is null ? "not executable" : first.Id == "AR0301" || first.Id == "AR0302" ? "syntax error (parser)" : $"{first.Id} {first.GetMessage(CultureInfo.InvariantCulture).Split(';')[0]}";
            return (false, cause, detection.NotExecutableReason ?? "");
        }
        KustoTable table;
        try
        {
            table = kusto.Execute(new KustoContext(Now, _ => null));
        }
        catch (Exception e)
        {
            return (false, $"runtime exception {e.GetType().Name}", e.ToString());
        }
        var actualColumns = table.Columns.Select(col => col.Name).ToArray();
        var actual = table.RowsAsText().ToList();
        var detail = $"expected: {string.Join(", ", c.Columns)}\n  {string.Join("\n  ", c.Rows.Select(r => string.Join(" | ", r)))}\nactual: {string.Join(", ", actualColumns)}\n  {string.Join("\n  ", actual.Take(20).Select(r => string.Join(" | ", r)))}";
        if (!actualColumns.SequenceEqual(c.Columns)) return (false, "wrong columns", detail);
        if (actual.Count != c.Rows.Length) return (false, "wrong row count", detail);
        var ordered = IsOrdered(c.Query);
        if (ordered)
        {
            for (var i = 0; i < actual.Count; i++)
                if (!RowEquals(c.Rows[i], actual[i])) return (false, "wrong values", detail);
            return (true, null, detail);
        }
        var remaining = actual.ToList();
        foreach (var expected in c.Rows)
        {
            var match = remaining.FindIndex(a => RowEquals(expected, a));
            if (match < 0) return (false, "wrong values", detail);
            remaining.RemoveAt(match);
        }
        return (true, null, detail);
    }

    private static bool IsOrdered(string query)
        => query.Contains("sort ", StringComparison.Ordinal) || query.Contains("order ", StringComparison.Ordinal) || query.Contains("| top ", StringComparison.Ordinal) || query.Contains("serialize", StringComparison.Ordinal);

    private static bool RowEquals(string[] expected, string[] actual)
    {
        if (expected.Length != actual.Length) return false;
        for (var i = 0; i < expected.Length; i++)
            if (!ValueEquals(expected[i], actual[i])) return false;
        return true;
    }

    /// <summary>Whether a documented value and ours print the same value under Kusto's display conventions.</summary>
    public static bool ValueEquals(string expected, string actual)
    {
        if (expected == actual) return true;
        expected = expected.Trim();
        if (expected == "null" && actual.Length == 0) return true;
        expected = expected.Replace("∞", "Infinity", StringComparison.Ordinal);
        if (expected == actual) return true;
        if (expected.Contains(',', StringComparison.Ordinal) && long.TryParse(expected, NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var grouped))
            expected = grouped.ToString(CultureInfo.InvariantCulture);
        else if (expected.Contains(',', StringComparison.Ordinal) && decimal.TryParse(expected, NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var big))
            expected = big.ToString(CultureInfo.InvariantCulture);
        if (string.Equals(expected, actual, StringComparison.OrdinalIgnoreCase) && expected.ToLowerInvariant() is "true" or "false" or "nan" or "infinity" or "-infinity") return true;
        // older documentation pages print a bool as 1 or 0
        if ((expected, actual) is ("1", "true") or ("0", "false")) return true;
        if (double.TryParse(expected, NumberStyles.Float, CultureInfo.InvariantCulture, out var e) &&
            double.TryParse(actual, NumberStyles.Float, CultureInfo.InvariantCulture, out var a))
        {
            if (e == a) return true;
            var scale = Math.Max(Math.Abs(e), Math.Abs(a));
            // documentation rounds reals for display
            return Math.Abs(e - a) <= Math.Max(1e-9, scale * 1e-6) || Math.Abs(e - a) < 0.5 * Math.Pow(10, -Decimals(expected));
        }
        if (LooksLikeDate(expected) && LooksLikeDate(actual) &&
            DateTime.TryParse(expected, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var ed) &&
            DateTime.TryParse(actual, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var ad))
            return ed == ad;
        if (TimeSpan.TryParse(expected, CultureInfo.InvariantCulture, out var et) && TimeSpan.TryParse(actual, CultureInfo.InvariantCulture, out var at))
            return et == at;
        if (NormalizeJson(expected) == NormalizeJson(actual)) return true;
        // dynamic values: compare parsed (5.0 and 5 are the same JSON number)
        return KustoJson.TryParse(NormalizeJson(expected), out var ej) && KustoJson.TryParse(NormalizeJson(actual), out var aj) && !ej.IsString
            && (KustoJson.Write(ej) == KustoJson.Write(aj) || DynamicEquals(ej, aj, depth: 0));
    }

    /// <summary>
    /// Dynamic values equal member by member, their reals to 1e-12 relative: the documentation prints 17 significant
    /// digits of a computation (geo coordinates, for one) whose last bits depend on the order of floating-point operations.
    /// </summary>
    private static bool DynamicEquals(KustoValue expected, KustoValue actual, int depth)
    {
        if (depth > 64) return false;
        if (expected.IsArray && actual.IsArray)
        {
            var (e, a) = (expected.AsArray, actual.AsArray);
            if (e.Length != a.Length) return false;
            for (var i = 0; i < e.Length; i++)
                if (!DynamicEquals(e[i], a[i], depth + 1)) return false;
            return true;
        }
        if (expected.IsBag && actual.IsBag)
        {
            var (e, a) = (expected.AsBag, actual.AsBag);
            if (e.Keys.Count != a.Keys.Count) return false;
            foreach (var (key, value) in e.Properties)
                if (!a.TryGet(key, out var other) || !DynamicEquals(value, other, depth + 1)) return false;
            return true;
        }
        if (expected.IsNumeric && actual.IsNumeric)
        {
            double x = expected.AsDouble, y = actual.AsDouble;
            return x == y || Math.Abs(x - y) <= 1e-12 * Math.Max(Math.Abs(x), Math.Abs(y));
        }
        return KustoJson.Write(expected) == KustoJson.Write(actual);
    }

    private static int Decimals(string number)
    {
        var dot = number.IndexOf('.');
        if (dot < 0 || number.Contains('e', StringComparison.OrdinalIgnoreCase)) return 0;
        return number.Length - dot - 1;
    }

    private static bool LooksLikeDate(string text) => text.Length >= 10 && char.IsDigit(text[0]) && text[4] == '-' && text[7] == '-';

    /// <summary>JSON text without insignificant whitespace, with single quotes as double quotes.</summary>
    private static string NormalizeJson(string text)
    {
        var builder = new StringBuilder(text.Length);
        char? quote = null;
        foreach (var ch in text)
        {
            if (quote is null)
            {
                if (char.IsWhiteSpace(ch)) continue;
                if (ch is '"' or '\'') { quote = ch; builder.Append('"'); continue; }
                builder.Append(ch);
            }
            else
            {
                if (ch == quote) { quote = null; builder.Append('"'); continue; }
                builder.Append(ch);
            }
        }
        return builder.ToString();
    }
}
