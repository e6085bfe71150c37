using System.Globalization;
using System.Text.Json;
using AzureRules.Cli.Compilation;
using AzureRules.Conformance.Esql;
using AzureRules.Sdk.Esql;
using QueryLanguage = AzureRules.Generators.Model.QueryLanguage;

namespace AzureRules.Conformance;

/// <summary>
/// Runs Elasticsearch's ES|QL csv-spec cases through the product's compile-and-run path: every case
/// becomes an ad-hoc ES|QL rule, all compile in one generator run, and each runs over the indices of
/// the data folder (JSON lines + mappings). The header (names and types) and the rows are compared
/// after the normalisation SOURCE.md asks for (quotes, brackets, number printing, multi-value order
/// only where the case ignores order). A case that does not compile or cannot run counts as failed.
/// </summary>
internal static class EsqlConformance
{
    public static ConformanceResult Run(string[] args)
    {
        if (args.Length < 2) throw new ArgumentException("usage: esql CASES.jsonl DATA_DIR [--verbose]");
        var verbose = args.Contains("--verbose");
        var cases = EsqlCase.ReadAll(args[0]);
        var source = EsqlDataSet.Load(args[1]);

        var definitions = cases.Select(c => AdHocRules.Create(QueryLanguage.Esql, c.Query, c.Name, c.Path));
        var library = RuleLibrary.FromDefinitions(definitions);
        var detections = library.Detections.ToDictionary(d => d.Metadata.SourceFile, StringComparer.Ordinal);
        var errors = library.Diagnostics
            .Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error)
            .GroupBy(d => d.Location.GetLineSpan().Path)
            .ToDictionary(g => g.Key, g => g.First().GetMessage(CultureInfo.InvariantCulture));

        var result = new ConformanceResult();
        var now = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        foreach (var c in cases)
        {
            string? failure;
            string? detail = null;
            if (errors.TryGetValue(c.Path, out var error)) failure = "compile error: " + error;
            else if (!detections.TryGetValue(c.Path, out var detection)) failure = "no detection generated";
            else if (detection is not EsqlDetection esql) failure = "not runnable: " + detection.NotExecutableReason;
            else
            {
                try
                {
                    var table = RunWithRetries(esql, source, now);
                    (failure, detail) = EsqlResultComparer.Compare(c, table);
                }
                catch (System.Text.RegularExpressions.RegexMatchTimeoutException ex)
                {
                    failure = $"regex timeout: {ex.Pattern}";
                }
                catch (Exception ex) when (ex is InvalidOperationException or FormatException or InvalidCastException or ArgumentException
                    or IndexOutOfRangeException or NullReferenceException or OverflowException or KeyNotFoundException or NotSupportedException)
                {
                    failure = $"run-time error: {ex.GetType().Name}: {ex.Message}";
                }
            }
            if (failure is not null && verbose)
                Console.WriteLine($"FAIL {c.Suite}.{c.Name}: {failure}\n  {c.Query.Replace("\n", "\n  ")}{(detail is null ? "" : "\n" + detail)}");
            result.Record($"{c.Suite}.{c.Name}", ["suite:" + c.Suite], failure is null, failure is null ? null : Cause(failure));
        }
        return result;
    }

    private static string Cause(string failure) => failure.Length > 100 ? failure[..100] : failure;

    /// <summary>
    /// Runs a case, again when one of its regexes timed out: the timeout guards against hostile
    /// patterns in a run, and a loaded machine can pass it on a benign one; a case that times out
    /// three times counts as failed.
    /// </summary>
    private static EsqlTable RunWithRetries(EsqlDetection esql, EsqlSource source, DateTime now)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return esql.Run(source, now);
            }
            catch (System.Text.RegularExpressions.RegexMatchTimeoutException) when (attempt < 3)
            {
            }
        }
    }
}
