using System.Security.Cryptography;
using System.Text;
using AzureRules.Sdk.Kusto.Operators;

namespace AzureRules.Sdk.Kusto;

/// <summary>
/// Where <c>_GetWatchlist('name')</c> finds a Sentinel watchlist: a folder holding <c>name.csv</c> (the CSV a
/// watchlist is uploaded as, header first). Each item becomes a row as Sentinel returns it: <c>_DTItemId</c>,
/// <c>LastUpdatedTimeUTC</c>, <c>SearchKey</c> (the value of the watchlist's search key column), <c>WatchlistItem</c>
/// (a bag of the item's columns), then the CSV's own columns, all strings. The search key column is the CSV's
/// first column unless <c>watchlists.tsv</c> in the folder names another (<c>name&lt;TAB&gt;column</c> a line).
/// A watchlist with no file is a run-time error of that rule (<see cref="KustoWatchlistException"/>), never an
/// empty table.
/// </summary>
public sealed class KustoWatchlists
{
    private readonly string? _folder;
    private readonly IReadOnlyDictionary<string, string> _searchKeys;

    public KustoWatchlists(string? folder, IReadOnlyDictionary<string, string>? searchKeys = null)
    {
        _folder = folder;
        _searchKeys = searchKeys ?? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>No watchlists: every <c>_GetWatchlist</c> is an error saying how to configure a folder.</summary>
    public static KustoWatchlists None { get; } = new(null);

    /// <summary>The watchlists a <see cref="KustoContext"/> reads unless given others; hosts and the CLI (<c>--watchlists DIR</c>) set it.</summary>
    public static KustoWatchlists Default { get; set; } = None;

    /// <summary>A watchlist folder, with its optional <c>watchlists.tsv</c> of search key columns.</summary>
    public static KustoWatchlists FromFolder(string folder)
    {
        var keys = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var keyFile = Path.Combine(folder, "watchlists.tsv");
        if (File.Exists(keyFile))
            foreach (var line in File.ReadLines(keyFile))
            {
                var tab = line.IndexOf('\t');
                if (tab > 0 && !line.StartsWith('#')) keys[line[..tab].Trim()] = line[(tab + 1)..].Trim();
            }
        return new KustoWatchlists(folder, keys);
    }

    /// <summary>The watchlist's rows, or an exception naming the watchlist and where it was looked for.</summary>
    public KustoTable Read(string name)
    {
        if (_folder is null)
            throw new KustoWatchlistException($"_GetWatchlist: no watchlist '{name}' (no watchlist folder is configured; pass --watchlists DIR with {name}.csv in it)");
        // a watchlist alias is a name, never a path
        var path = name.Length == 0 || name.IndexOfAny(['/', '\\']) >= 0 || name.Contains("..", StringComparison.Ordinal) ? null : Path.Combine(_folder, name + ".csv");
        if (path is null || !File.Exists(path))
            throw new KustoWatchlistException($"_GetWatchlist: no watchlist '{name}' (looked for '{name}.csv' in {_folder})");

        var records = KustoOperators.ReadRecords(path, "csv").Select(KustoCsv.SplitRecord).ToList();
        var header = records.Count == 0 ? [] : records[0].Select(h => h.Trim().TrimStart('\uFEFF')).ToList();
        var keyColumn = _searchKeys.TryGetValue(name, out var configured) ? header.IndexOf(configured) : 0;
        if (keyColumn < 0)
            throw new KustoWatchlistException($"_GetWatchlist: the search key column '{configured}' of watchlist '{name}' is not in {path}");

        var columns = new List<KustoColumn>
        {
            new("_DTItemId", KustoType.String), new("LastUpdatedTimeUTC", KustoType.DateTime),
            new("SearchKey", KustoType.String), new("WatchlistItem", KustoType.Dynamic),
        };
        var own = new List<int>(); // the CSV's columns, except names the fixed columns already have
        for (var c = 0; c < header.Count; c++)
            if (!columns.Any(k => k.Name == header[c])) { columns.Add(new KustoColumn(header[c], KustoType.String)); own.Add(c); }

        var updated = KustoValue.From(File.GetLastWriteTimeUtc(path));
        var rows = new List<KustoValue[]>(Math.Max(0, records.Count - 1));
        for (var r = 1; r < records.Count; r++)
        {
            var fields = records[r];
            if (fields.Count == 1 && fields[0].Length == 0) continue; // a blank line
            string Field(int c) => c < fields.Count ? fields[c] : "";
            var item = new KustoBag();
            for (var c = 0; c < header.Count; c++) item[header[c]] = KustoValue.From(Field(c));
            var row = new KustoValue[columns.Count];
            row[0] = KustoValue.From(ItemId(name, r));
            row[1] = updated;
            row[2] = KustoValue.From(header.Count == 0 ? "" : Field(keyColumn));
            row[3] = KustoValue.Bag(item);
            for (var i = 0; i < own.Count; i++) row[4 + i] = KustoValue.From(Field(own[i]));
            rows.Add(row);
        }
        return new KustoTable(columns, rows);
    }

    /// <summary>Sentinel gives each item a GUID; here it is derived from the watchlist and the item's line, so runs repeat.</summary>
    private static string ItemId(string name, int line)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(name.ToLowerInvariant() + "\n" + line.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return new Guid(hash.AsSpan(0, 16)).ToString();
    }
}

/// <summary>A watchlist with no file in the watchlist folder, or none configured.</summary>
public sealed class KustoWatchlistException(string message) : InvalidOperationException(message);
