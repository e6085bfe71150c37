namespace AzureRules.Sdk.Kusto;

/// <summary>
/// Where <c>externaldata</c> finds its data. A detection never goes to the network: each URL resolves to a local
/// file, through an explicit URL→file map or, failing that, a data folder holding a file named as the URL's
/// last path segment (URL-decoded: <c>…/Sample%20Data/Feeds/SOURGUM.csv</c> → <c>DIR/SOURGUM.csv</c>). A URL
/// with no local file is a run-time error of that rule (<see cref="KustoExternalDataException"/>), never an
/// empty table.
/// </summary>
public sealed class KustoExternalData
{
    private readonly IReadOnlyList<string> _folders;
    private readonly IReadOnlyDictionary<string, string> _map;

    public KustoExternalData(IReadOnlyList<string> folders, IReadOnlyDictionary<string, string>? map = null)
    {
        _folders = folders;
        _map = map ?? new Dictionary<string, string>(StringComparer.Ordinal);
    }

    /// <summary>Resolves nothing: every externaldata URL is an error saying how to configure a data folder.</summary>
    public static KustoExternalData None { get; } = new([]);

    /// <summary>
    /// The resolver a <see cref="KustoContext"/> uses unless given one; hosts and the CLI (<c>--external-data DIR</c>)
    /// set it once at start-up.
    /// </summary>
    public static KustoExternalData Default { get; set; } = None;

    /// <summary>A data folder; a <c>urls.tsv</c> inside it (URL, tab, file relative to the folder) adds explicit mappings.</summary>
    public static KustoExternalData FromFolder(string folder)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var mapFile = Path.Combine(folder, "urls.tsv");
        if (File.Exists(mapFile))
            foreach (var line in File.ReadLines(mapFile))
            {
                var tab = line.IndexOf('\t');
                if (tab > 0 && !line.StartsWith('#')) map[line[..tab].Trim()] = Path.Combine(folder, line[(tab + 1)..].Trim());
            }
        return new KustoExternalData([folder], map);
    }

    /// <summary>The local file for <paramref name="url"/>, or an exception naming the URL and where it was looked for.</summary>
    public string Resolve(string url)
    {
        if (_map.TryGetValue(url, out var mapped) && File.Exists(mapped)) return mapped;
        var name = Uri.UnescapeDataString(url.Split('?', '#')[0].TrimEnd('/').Split('/')[^1]);
        foreach (var folder in _folders)
        {
            var candidate = Path.Combine(folder, name);
            if (name.Length > 0 && File.Exists(candidate)) return candidate;
        }
        throw new KustoExternalDataException(_folders.Count == 0
            ? $"externaldata: no local file for '{url}' (no external data folder is configured; pass --external-data DIR)"
            : $"externaldata: no local file for '{url}' (looked for '{name}' in {string.Join(", ", _folders)})");
    }
}

/// <summary>An externaldata URL with no local file, or a file that cannot be read in the declared format.</summary>
public sealed class KustoExternalDataException(string message) : InvalidOperationException(message);
