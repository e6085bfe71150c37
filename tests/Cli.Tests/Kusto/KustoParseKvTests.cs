using Xunit;

namespace AzureRules.Cli.Tests.Kusto;

/// <summary>parse-kv in its three modes (delimiters, no delimiters, regex), from the Kusto documentation's examples and edge cases.</summary>
public sealed class KustoParseKvTests
{
    private const string Delimited = """
        print str="ThreadId:458745723, Machine:Node001, Text: The service is up, Level: Info"
        | parse-kv str as (Text: string, ThreadId:long, Machine: string) with (pair_delimiter=',', kv_delimiter=':')
        | project-away str
        """;
    private const string Quoted = """
        print str='src=10.1.1.123 dst=10.1.1.124 bytes=125 failure="connection aborted" "event time"=2021-01-01T10:00:54'
        | parse-kv str as (['event time']:datetime, src:string, dst:string, bytes:long, failure:string) with (pair_delimiter=' ', kv_delimiter='=', quote='"')
        | project-away str
        """;
    private const string NotGreedy = """
        print str='name=John Doe phone=555 5555 city=New York'
        | parse-kv str as (name:string, phone:string, city:string) with (pair_delimiter=' ', kv_delimiter='=')
        | project-away str
        """;
    private const string Greedy = """
        print str='name=John Doe phone=555 5555 city=New York'
        | parse-kv str as (name:string, phone:string, city:string) with (pair_delimiter=' ', kv_delimiter='=', greedy=true)
        | project-away str
        """;
    private const string Undelimited = """
        print str="2021-01-01T10:00:34 [INFO] ThreadId:458745723, Machine:Node001, Text: Started"
        | parse-kv str as (Text: string, ThreadId:long, Machine: string)
        | project-away str
        """;
    private const string Regex = """
        print str=@'["referer url: https://hostname.com/redirect?dest=/?h=1234", "request url: https://hostname.com/?h=1234", "advertiser id: 24fefbca-cf27-4d62-a623-249c2ad30c73"]'
        | parse-kv str as (['referer url']:string, ['request url']:string, ['advertiser id']: guid) with (regex=@'"([\w ]+)\s*:\s*([^"]*)"')
        | project-away str
        """;
    private const string MissingAndRepeated = """
        print str="a=1;b=2;a=3"
        | parse-kv str as (a:long, c:long, d:string) with (pair_delimiter=';', kv_delimiter='=')
        """;
    private const string Escaped = """
        print str='k="say \\"hi\\"" z=1'
        | parse-kv str as (k:string, z:long) with (pair_delimiter=' ', kv_delimiter='=', quote='"', escape='\\')
        | project-away str
        """;

    private static readonly KustoQueryBatch Queries = new(Delimited, Quoted, NotGreedy, Greedy, Undelimited, Regex, MissingAndRepeated, Escaped);

    [Fact]
    public void Delimited_pairs_are_trimmed_and_typed()
    {
        Assert.Equal(["Text", "ThreadId", "Machine"], Queries.Columns(Delimited));
        Assert.Equal(["The service is up | 458745723 | Node001"], Queries.Rows(Delimited));
    }

    [Fact]
    public void Quotes_keep_delimiters_inside_keys_and_values()
        => Assert.Equal(["2021-01-01T10:00:54.0000000Z | 10.1.1.123 | 10.1.1.124 | 125 | connection aborted"], Queries.Rows(Quoted));

    [Fact]
    public void Greedy_values_run_to_the_next_key()
    {
        Assert.Equal(["John | 555 | New"], Queries.Rows(NotGreedy));
        Assert.Equal(["John Doe | 555 5555 | New York"], Queries.Rows(Greedy));
    }

    [Fact]
    public void Without_delimiters_any_non_alphanumeric_character_separates()
        => Assert.Equal(["Started | 458745723 | Node001"], Queries.Rows(Undelimited));

    [Fact]
    public void A_regex_gives_keys_and_values_by_its_two_groups()
        => Assert.Equal(["https://hostname.com/redirect?dest=/?h=1234 | https://hostname.com/?h=1234 | 24fefbca-cf27-4d62-a623-249c2ad30c73"], Queries.Rows(Regex));

    [Fact]
    public void The_first_value_wins_and_missing_keys_are_null()
    {
        Assert.Equal(["str", "a", "c", "d"], Queries.Columns(MissingAndRepeated));
        Assert.Equal(["a=1;b=2;a=3 | 1 |  | "], Queries.Rows(MissingAndRepeated));
    }

    [Fact]
    public void Escapes_inside_quotes_are_taken_literally()
        => Assert.Equal(["say \"hi\" | 1"], Queries.Rows(Escaped));
}
