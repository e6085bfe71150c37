using AzureRules.Sdk.Kusto;
using AzureRules.Sdk.Kusto.Operators;
using Xunit;

namespace AzureRules.Sdk.Tests.Kusto;

/// <summary>externaldata reads local files for its URLs and never returns an empty table for a URL it cannot resolve.</summary>
public sealed class KustoExternalDataTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("azrules-externaldata").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private KustoContext Context => new(DateTime.UtcNow, _ => null) { ExternalData = KustoExternalData.FromFolder(_folder) };

    private static readonly KustoColumn[] Columns = [new("Ioc", KustoType.String), new("Count", KustoType.Long)];

    [Fact]
    public void A_url_resolves_to_the_file_named_by_its_last_segment()
    {
        File.WriteAllText(Path.Combine(_folder, "My Feed.csv"), "Ioc,Count\n\"a,b\",1\nc,\n\"multi\nline\",3\n");
        var table = KustoOperators.ExternalData(Context, Columns, ["https://example.com/data/My%20Feed.csv"], "csv", ignoreFirstRecord: true);
        Assert.Equal(["a,b 1", "c ", "multi\nline 3"], table.RowsAsText().Select(r => string.Join(" ", r)));
    }

    [Fact]
    public void A_url_map_overrides_the_file_name()
    {
        File.WriteAllText(Path.Combine(_folder, "x.tsv"), "z\t7\n");
        File.WriteAllText(Path.Combine(_folder, "urls.tsv"), "https://example.com/feed?id=1\tx.tsv\n");
        var table = KustoOperators.ExternalData(Context, Columns, ["https://example.com/feed?id=1"], "tsv", ignoreFirstRecord: false);
        Assert.Equal(["z 7"], table.RowsAsText().Select(r => string.Join(" ", r)));
    }

    [Fact]
    public void A_url_without_a_local_file_is_an_error_not_an_empty_table()
    {
        var error = Assert.Throws<KustoExternalDataException>(() => KustoOperators.ExternalData(Context, Columns, ["https://example.com/missing.csv"], "csv", false));
        Assert.Contains("missing.csv", error.Message, StringComparison.Ordinal);
        Assert.Throws<KustoExternalDataException>(() => KustoExternalData.None.Resolve("https://example.com/a.csv"));
    }
}
