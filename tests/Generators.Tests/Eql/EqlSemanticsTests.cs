using Xunit;

namespace AzureRules.Generators.Tests.Eql;

/// <summary>
/// Elasticsearch EQL semantics, one rule per row: the query runs compiled over one event.
/// Every case's query is compiled in one Roslyn compilation (see <see cref="EqlTestRules"/>).
/// </summary>
public sealed class EqlSemanticsTests
{
    public static readonly TheoryData<string, string, bool> Cases = new()
    {
        // event category: event.category may be an array, and any contains-match selects the event
        { "process where true", """{"event":{"category":"process"}}""", true },
        { "process where true", """{"event":{"category":["network","process"]}}""", true },
        { "process where true", """{"event":{"category":"Process"}}""", false },
        { "process where true", """{"other":1}""", false },
        { "any where true", """{"other":1}""", true },
        // == and != are case-sensitive; : is case-insensitive
        { "any where process.name == \"cmd.exe\"", """{"process":{"name":"cmd.exe"}}""", true },
        { "any where process.name == \"CMD.exe\"", """{"process":{"name":"cmd.exe"}}""", false },
        { "any where process.name != \"CMD.exe\"", """{"process":{"name":"cmd.exe"}}""", true },
        { "any where process.name : \"CMD.EXE\"", """{"process":{"name":"cmd.exe"}}""", true },
        // dotted keys and nested objects are the same field
        { "any where process.name : \"cmd.exe\"", """{"process.name":"cmd.exe"}""", true },
        // wildcards: * and ? with :, like (case-sensitive) and like~
        { "any where process.name : \"c*.e?e\"", """{"process":{"name":"CMD.EXE"}}""", true },
        { "any where process.name : \"*md*\"", """{"process":{"name":"CMD.EXE"}}""", true },
        { "any where process.name : \"c?.exe\"", """{"process":{"name":"cmd.exe"}}""", false },
        { "any where process.name like \"c*.exe\"", """{"process":{"name":"CMD.exe"}}""", false },
        { "any where process.name like~ \"c*.exe\"", """{"process":{"name":"CMD.exe"}}""", true },
        { "any where process.name : (\"a.exe\", \"*.dll\")", """{"process":{"name":"x.DLL"}}""", true },
        // in is case-sensitive and takes no wildcards; in~ is case-insensitive; not in is the complement
        { "any where process.name in (\"cmd.exe\", \"pwsh.exe\")", """{"process":{"name":"pwsh.exe"}}""", true },
        { "any where process.name in (\"CMD.exe\")", """{"process":{"name":"cmd.exe"}}""", false },
        { "any where process.name in~ (\"CMD.exe\")", """{"process":{"name":"cmd.exe"}}""", true },
        { "any where process.name in~ (\"c*\")", """{"process":{"name":"cmd.exe"}}""", false },
        { "any where process.name not in (\"cmd.exe\")", """{"process":{"name":"pwsh.exe"}}""", true },
        { "any where process.name not in (\"cmd.exe\")", """{"process":{"name":"cmd.exe"}}""", false },
        { "any where process.pid in (1, 2, 3)", """{"process":{"pid":2}}""", true },
        // regex is anchored; regex~ ignores case
        { "any where process.name regex \"cm.\\\\.exe\"", """{"process":{"name":"cmd.exe"}}""", true },
        { "any where process.name regex \"cm\"", """{"process":{"name":"cmd.exe"}}""", false },
        { "any where process.name regex~ \"CM.\\\\.EXE\"", """{"process":{"name":"cmd.exe"}}""", true },
        // arrays: a comparison with a constant matches if any element matches
        { "any where process.args == \"-enc\"", """{"process":{"args":["powershell","-enc","AAA"]}}""", true },
        { "any where process.args : \"-ENC\"", """{"process":{"args":["powershell","-enc"]}}""", true },
        { "any where not process.args == \"-enc\"", """{"process":{"args":["powershell","-enc"]}}""", false },
        // null and missing: comparisons with a missing field are not true, == null is true, not is the complement
        { "any where process.pid > 0", """{"x":1}""", false },
        { "any where process.pid == null", """{"x":1}""", true },
        { "any where process.pid == null", """{"process":{"pid":null}}""", true },
        { "any where process.pid != null", """{"process":{"pid":5}}""", true },
        { "any where not process.pid > 0", """{"x":1}""", true },
        { "any where null == (process.pid > 0)", """{"x":1}""", true },
        { "any where length(process.name) > 0", """{"x":1}""", false },
        // optional fields: absent is null, no unknown-field error
        { "any where ?made.up.field == null", """{"x":1}""", true },
        { "any where ?made.up.field == \"a\"", """{"made":{"up":{"field":"a"}}}""", true },
        { "any where `process`.`name` == \"a\"", """{"process":{"name":"a"}}""", true },
        // comparisons and arithmetic
        { "any where process.pid >= 4 and process.pid < 5", """{"process":{"pid":4}}""", true },
        { "any where 5 > process.pid", """{"process":{"pid":4}}""", true },
        { "any where process.pid + 1 == 5", """{"process":{"pid":4}}""", true },
        { "any where process.pid * 2 - 1 == 7", """{"process":{"pid":4}}""", true },
        { "any where process.pid / 3 == 1", """{"process":{"pid":4}}""", true },
        { "any where process.pid % 3 == 1", """{"process":{"pid":4}}""", true },
        { "any where -process.pid == -4", """{"process":{"pid":4}}""", true },
        { "any where process.name >= \"a\" and process.name < \"b\"", """{"process":{"name":"abc"}}""", true },
        { "any where @timestamp > \"2020-01-01T00:00:00Z\"", """{"@timestamp":"2021-06-01T00:00:00Z"}""", true },
        { "any where @timestamp < \"2020-01-01T00:00:00Z\"", """{"@timestamp":"2021-06-01T00:00:00Z"}""", false },
        // cidrMatch, over every address of the field
        { "any where cidrMatch(source.ip, \"10.0.0.0/8\", \"192.168.0.0/16\")", """{"source":{"ip":"192.168.1.5"}}""", true },
        { "any where cidrMatch(source.ip, \"10.0.0.0/8\")", """{"source":{"ip":"11.0.0.1"}}""", false },
        { "any where not cidrMatch(source.ip, \"10.0.0.0/8\")", """{"source":{"ip":"11.0.0.1"}}""", true },
        { "any where cidrMatch(source.ip, \"fe80::/10\")", """{"source":{"ip":"fe80::1"}}""", true },
        { "any where cidrMatch(source.ip, \"10.0.0.0/8\") == true", """{"source":{"ip":"10.1.2.3"}}""", true },
        // functions, and their ~ forms
        { "any where startsWith(process.name, \"cmd\")", """{"process":{"name":"cmd.exe"}}""", true },
        { "any where startsWith(process.name, \"CMD\")", """{"process":{"name":"cmd.exe"}}""", false },
        { "any where startsWith~(process.name, \"CMD\")", """{"process":{"name":"cmd.exe"}}""", true },
        { "any where endswith~(process.name, \".EXE\")", """{"process":{"name":"cmd.exe"}}""", true },
        { "any where stringContains(process.name, \"d.e\")", """{"process":{"name":"cmd.exe"}}""", true },
        { "any where stringContains~(process.name, \"D.E\")", """{"process":{"name":"cmd.exe"}}""", true },
        { "any where indexOf(process.name, \"d\") == 2", """{"process":{"name":"cmd.exe"}}""", true },
        { "any where indexOf(process.name, \"z\") == null", """{"process":{"name":"cmd.exe"}}""", true },
        { "any where indexOf~(process.name, \"D\", 1) == 2", """{"process":{"name":"cmd.exe"}}""", true },
        { "any where length(process.name) == 7", """{"process":{"name":"cmd.exe"}}""", true },
        { "any where substring(process.name, -4) == \".exe\"", """{"process":{"name":"cmd.exe"}}""", true },
        { "any where substring(process.name, 0, 3) == \"cmd\"", """{"process":{"name":"cmd.exe"}}""", true },
        { "any where between(process.name, \"c\", \".\") == \"md\"", """{"process":{"name":"cmd.exe"}}""", true },
        { "any where between~(process.name, \"C\", \"E\", true) == \"md.ex\"", """{"process":{"name":"cmd.exe"}}""", true },
        { "any where concat(process.name, \":\", process.pid) == \"cmd.exe:4\"", """{"process":{"name":"cmd.exe","pid":4}}""", true },
        { "any where concat(process.name, null) == null", """{"process":{"name":"cmd.exe"}}""", true },
        { "any where string(process.pid) == \"4\"", """{"process":{"pid":4}}""", true },
        { "any where number(process.title) == 42", """{"process":{"title":"42"}}""", true },
        { "any where number(process.title, 16) == 66", """{"process":{"title":"0x42"}}""", true },
        { "any where add(process.pid, 1) == 5 and subtract(process.pid, 1) == 3", """{"process":{"pid":4}}""", true },
        { "any where multiply(process.pid, 2) == 8 and divide(process.pid, 2) == 2 and modulo(process.pid, 3) == 1", """{"process":{"pid":4}}""", true },
        { "any where divide(process.pid, 0) == null", """{"process":{"pid":4}}""", true },
        // strings: escapes, raw triple-quoted strings, single quotes
        { "any where process.command_line == \"a\\\"b\\\\c\"", """{"process":{"command_line":"a\"b\\c"}}""", true },
        { "any where process.command_line == \"\"\"a\\b\"\"\"", """{"process":{"command_line":"a\\b"}}""", true },
        { "any where process.command_line == 'x'", """{"process":{"command_line":"x"}}""", true },
        // boolean logic and precedence: not binds tighter than and, and than or
        { "any where process.pid == 1 or process.pid == 4 and process.name == \"x\"", """{"process":{"pid":1,"name":"y"}}""", true },
        { "any where not process.pid == 1 and process.name == \"y\"", """{"process":{"pid":2,"name":"y"}}""", true },
        { "any where (process.pid == 1 or process.pid == 4) and process.name == \"x\"", """{"process":{"pid":1,"name":"y"}}""", false },
        { "any where process.pid == 4 /* a comment */ // another\n and true", """{"process":{"pid":4}}""", true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesAsElasticsearchDoes(string query, string json, bool expected)
    {
        EqlTestRules.Load(Cases.Select(row => (string)row[0]));
        Assert.Equal(expected, EqlTestRules.Matches(query, json));
    }

    [Fact]
    public void PipesAreCarriedToTheDetection()
    {
        var detection = EqlTestRules.Detection("process where true | head 5 | tail 2");
        Assert.Equal([new(AzureRules.Sdk.Eql.EqlPipeKind.Head, 5), new AzureRules.Sdk.Eql.EqlPipe(AzureRules.Sdk.Eql.EqlPipeKind.Tail, 2)], detection.Pipes);
        Assert.Equal([4, 5], AzureRules.Sdk.Eql.EqlPipe.Apply([1, 2, 3, 4, 5, 6, 7], detection.Pipes));
    }

    [Fact]
    public void EventCategoryOverrideMakesTheCategoryTestReadThatField()
    {
        // detection-rules' event_category_override (AWS CloudTrail rules: "info where …" over event.type)
        var detection = EqlTestRules.Detection("info where event.outcome == \"success\"", "event.type");
        var view = new AzureRules.Sdk.Events.EventView();
        view.Load("""{"event":{"type":["info"],"outcome":"success"}}"""u8.ToArray());
        Assert.True(detection.Matches(view));
        view.Load("""{"event":{"category":"info","type":"change","outcome":"success"}}"""u8.ToArray());
        Assert.False(detection.Matches(view));
    }
}
