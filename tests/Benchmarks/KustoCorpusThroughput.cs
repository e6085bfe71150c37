using System.Diagnostics;
using AzureRules.Generators.Formats.Sentinel;
using AzureRules.Generators.Kusto.Binding;
using AzureRules.Generators.Kusto.Parsing;
using AzureRules.Generators.Kusto.Symbols;

namespace AzureRules.Benchmarks;

/// <summary>
/// Parse, and parse + bind, of every query in the Sentinel corpus folders given (read with the
/// product's Sentinel reader). Each phase runs three times after a warm-up; the best run is reported.
/// </summary>
internal static class KustoCorpusThroughput
{
    public static int Run(string[] folders)
    {
        var queries = folders
            .SelectMany(f => Directory.EnumerateFiles(f, "*.y*ml", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal)
            .SelectMany(f => SentinelYamlReader.Read(f, File.ReadAllText(f)).Rules)
            .Select(r => r.Query?.Text)
            .OfType<string>()
            .ToList();
        var characters = queries.Sum(q => (long)q.Length);
        Console.WriteLine($"{queries.Count:N0} queries, {characters / 1e6:0.00} M characters");
        var globals = KustoGlobals.Sentinel;

        Measure("parse", queries.Count, () => queries.Sum(q => KustoParser.Parse(q).Diagnostics.Count));
        Measure("parse + bind", queries.Count, () => queries.Sum(q => KustoBinder.Bind(KustoParser.Parse(q), globals).Diagnostics.Count));
        return 0;
    }

    private static void Measure(string name, int count, Func<int> body)
    {
        body();
        var best = TimeSpan.MaxValue;
        var result = 0;
        for (var i = 0; i < 3; i++)
        {
            var clock = Stopwatch.StartNew();
            result = body();
            if (clock.Elapsed < best) best = clock.Elapsed;
        }
        Console.WriteLine($"{name,-14} {best.TotalSeconds,7:0.000}s  {count / best.TotalSeconds,10:N0} queries/s  ({result} diagnostics)");
    }
}
