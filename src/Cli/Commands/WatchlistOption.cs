using System.CommandLine;
using AzureRules.Sdk.Kusto;

namespace AzureRules.Cli.Commands;

/// <summary><c>--watchlists DIR</c>: the folder <c>_GetWatchlist('name')</c> reads <c>name.csv</c> from (run, query).</summary>
internal static class WatchlistOption
{
    public static Option<string?> Create() => new("--watchlists") { Description = "Folder of Sentinel watchlists as CSV files (NAME.csv, header first) that _GetWatchlist('NAME') reads; DIR/watchlists.tsv may name each one's search key column" };

    /// <summary>Makes the folder the default for every execution; false (reported) when it does not exist.</summary>
    public static bool TryApply(string? folder)
    {
        if (folder is null) return true;
        if (!Directory.Exists(folder))
        {
            Console.Error.WriteLine($"azrules: --watchlists: no folder '{folder}'");
            return false;
        }
        KustoWatchlists.Default = KustoWatchlists.FromFolder(folder);
        return true;
    }
}
