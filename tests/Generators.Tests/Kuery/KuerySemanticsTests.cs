using AzureRules.Generators.Kuery;
using AzureRules.Generators.Kuery.Binding;
using Xunit;

namespace AzureRules.Generators.Tests.Kuery;

/// <summary>Compiled queries on events: each operator and each semantic rule, with the field types ECS gives.</summary>
public sealed class KuerySemanticsTests
{
    public static readonly TheoryData<string, string, bool> Cases = new()
    {
        // keyword (process.name): exact and case-sensitive
        { "process.name:cmd.exe", """{"process":{"name":"cmd.exe"}}""", true },
        { "process.name:CMD.EXE", """{"process":{"name":"cmd.exe"}}""", false },
        { "process.name:\"cmd.exe\"", """{"process":{"name":"cmd.exe"}}""", true },
        { "process.name:cmd", """{"process":{"name":"cmd.exe"}}""", false },
        // dotted keys and nested objects are the same field
        { "process.name:cmd.exe", """{"process.name":"cmd.exe"}""", true },
        // wildcards on keywords: whole value, leading too, case-sensitive
        { "process.name:*.exe", """{"process":{"name":"cmd.exe"}}""", true },
        { "process.name:c*d.e?e", """{"process":{"name":"cmd.exe"}}""", false },   // '?' is no wildcard in KQL
        { "process.name:C*", """{"process":{"name":"cmd.exe"}}""", false },
        { "process.command_line:*-enc*", """{"process":{"command_line":"powershell -enc SQBFAFgA"}}""", true },
        { "process.command_line:*powershell -enc*", """{"process":{"command_line":"powershell -enc SQBFAFgA"}}""", true },
        // a quoted star is a literal star; an escaped one too
        { "process.name:\"*\"", """{"process":{"name":"cmd.exe"}}""", false },
        { "process.name:\"*\"", """{"process":{"name":"*"}}""", true },
        { @"process.name:\*", """{"process":{"name":"*"}}""", true },
        // escaping of specials
        { @"file.path:C\:\\Windows\\*", """{"file":{"path":"C:\\Windows\\System32\\cmd.exe"}}""", true },
        { @"process.title:a\(b\)", """{"process":{"title":"a(b)"}}""", true },
        { "process.title:\"say \\\"hi\\\"\"", """{"process":{"title":"say \"hi\""}}""", true },
        // text (message, match_only_text): analysed, case-insensitive terms and phrases
        { "message:PASSWORD", """{"message":"Accepted password for root"}""", true },
        { "message:\"password for\"", """{"message":"Accepted password for root"}""", true },
        { "message:\"for password\"", """{"message":"Accepted password for root"}""", false },
        { "message:denied password", """{"message":"Accepted password for root"}""", true },   // match: any term
        { "message:pass*", """{"message":"Accepted password for root"}""", true },
        { "message:pass", """{"message":"Accepted password for root"}""", false },
        // arrays: any element
        { "process.args:-enc", """{"process":{"args":["powershell","-enc","x"]}}""", true },
        { "process.args:(-nop and -enc)", """{"process":{"args":["-nop","-enc"]}}""", true },
        { "process.args:(-nop and -w)", """{"process":{"args":["-nop","-enc"]}}""", false },
        // numbers as numbers
        { "destination.port:443", """{"destination":{"port":443}}""", true },
        { "destination.port:443", """{"destination":{"port":"443"}}""", true },
        { "destination.port:\"443\"", """{"destination":{"port":443}}""", true },
        { "destination.port:443.0", """{"destination":{"port":443}}""", true },
        { "destination.port >= 1024", """{"destination":{"port":8080}}""", true },
        { "destination.port < 1024", """{"destination":{"port":8080}}""", false },
        { "destination.port > 1024 and destination.port <= 8080", """{"destination":{"port":8080}}""", true },
        { "destination.port:(22 or 3389)", """{"destination":{"port":3389}}""", true },
        // a long or-list of one field's keywords is one set lookup: the same answers as each term alone
        { "process.name:(a.exe or b.exe or c.exe or d.exe or cmd.exe)", """{"process":{"name":"cmd.exe"}}""", true },
        { "process.name:(a.exe or b.exe or c.exe or d.exe or CMD.EXE)", """{"process":{"name":"cmd.exe"}}""", false },
        { "process.name:(a.exe or b.exe or c.exe or d.exe)", """{"process":{"name":["x.exe","d.exe"]}}""", true },
        { "process.name:(a.exe or b.exe or c.exe or d.exe)", """{"process":{"name":null}}""", false },
        { "process.name:(a.exe or b.exe or c.exe or d.exe)", """{"host":{"name":"a.exe"}}""", false },
        { "process.name:a.exe or host.name:h or process.name:b.exe or process.name:c.exe or process.name:d.exe", """{"host":{"name":"h"}}""", true },
        { "process.name:(a.exe or b.exe or c* or d.exe or e.exe)", """{"process":{"name":"cmd.exe"}}""", true },
        { "not process.name:(a.exe or b.exe or c.exe or d.exe)", """{"process":{"name":"e.exe"}}""", true },
        { "event.code:(1 or 2 or 3 or 4688)", """{"event":{"code":"4688"}}""", true },
        { "destination.port:(22 or 80 or 443 or 3389)", """{"destination":{"port":3389}}""", true },
        { "destination.port:(22 or 80 or 443 or 3389)", """{"destination":{"port":3390}}""", false },
        { "process.name.caseless:(a.exe or b.exe or c.exe or cmd.exe)", """{"process":{"name":"CMD.exe"}}""", true },
        // booleans
        { "process.code_signature.trusted:false", """{"process":{"code_signature":{"trusted":false}}}""", true },
        { "process.code_signature.trusted:true", """{"process":{"code_signature":{"trusted":false}}}""", false },
        // ip with CIDR, IPv6 too
        { "source.ip:10.0.0.0/8", """{"source":{"ip":"10.1.2.3"}}""", true },
        { "source.ip:10.0.0.0/8", """{"source":{"ip":"192.168.1.1"}}""", false },
        { "source.ip:\"fe80::/10\"", """{"source":{"ip":"fe80::1"}}""", true },
        { @"source.ip:fe80\:\:1", """{"source":{"ip":"FE80:0:0:0:0:0:0:1"}}""", true },
        { "not source.ip:(10.0.0.0/8 or 172.16.0.0/12 or 192.168.0.0/16)", """{"source":{"ip":"8.8.8.8"}}""", true },
        // dates: ISO strings and epoch millis, date math
        { "@timestamp >= \"2024-01-01\"", """{"@timestamp":"2024-05-01T00:00:00Z"}""", true },
        { "@timestamp < 1704067200000", """{"@timestamp":"2023-12-31T23:59:59Z"}""", true },
        { "@timestamp < now-1d", """{"@timestamp":"2020-01-01T00:00:00Z"}""", true },
        { "@timestamp > now", """{"@timestamp":"2020-01-01T00:00:00Z"}""", false },
        // exists, and not over a missing field
        { "process.name:*", """{"process":{"name":""}}""", true },
        { "process.name:*", """{"process":{"pid":1}}""", false },
        { "process:*", """{"process":{"pid":1}}""", true },
        { "not process.name:cmd.exe", """{"user":{"name":"bob"}}""", true },
        { "not process.name:*", """{"user":{"name":"bob"}}""", true },
        // boolean operators, precedence, upper case
        { "process.name:a or process.name:b and user.name:c", """{"process":{"name":"a"}}""", true },
        { "(process.name:a or process.name:b) and user.name:c", """{"process":{"name":"a"}}""", false },
        { "process.name:a OR user.name:c", """{"user":{"name":"c"}}""", true },
        { "NOT process.name:a AND user.name:c", """{"process":{"name":"b"},"user":{"name":"c"}}""", true },
        { "process.name:(a or b) and not user.name:(c or d)", """{"process":{"name":"b"},"user":{"name":"e"}}""", true },
        // nested: the conditions hold within one object
        { "deltas:{ action:ADD and role:\"roles/target\" }", """{"deltas":[{"action":"ADD","role":"roles/target"},{"action":"REMOVE","role":"roles/other"}]}""", true },
        { "deltas:{ action:ADD and role:\"roles/other\" }", """{"deltas":[{"action":"ADD","role":"roles/target"},{"action":"REMOVE","role":"roles/other"}]}""", false },
        // wildcard field names expand against ECS
        { "process.hash.*:abc", """{"process":{"hash":{"sha256":"abc"}}}""", true },
        { "process.hash.*:abc", """{"process":{"hash":{"sha256":"abd"}}}""", false },
        // free text searches every field
        { "\"Accepted password\"", """{"message":"Accepted password for root"}""", true },
        { "mimikatz", """{"process":{"args":["x","mimikatz"]}}""", true },
        { "mimikatz", """{"process":{"args":["x"]}}""", false },
        // unknown fields compare by the value's JSON kind
        { "custom.count:1", """{"custom":{"count":1.0}}""", true },
        { "custom.name:Bob", """{"custom":{"name":"bob"}}""", false },
        { "custom.count > 5", """{"custom":{"count":10}}""", true },
        // multi-fields read their parent's value: .caseless (lower-case normaliser), .text (analysed)
        { "process.name.caseless:cmd.exe", """{"process":{"name":"CMD.EXE"}}""", true },
        { "process.name.caseless:c*", """{"process":{"name":"CMD.EXE"}}""", true },
        { "process.name.caseless:*", """{"process":{"name":"CMD.EXE"}}""", true },
        { "user.name.text:smith", """{"user":{"name":"John Smith"}}""", true },
        // the empty query matches everything
        { "  ", """{"a":1}""", true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesAsElasticsearchWould(string query, string json, bool expected)
    {
        KueryHarness.CompileAll(Cases.Select(row => (string)row[0]));
        Assert.Equal(expected, KueryHarness.Matches(query, json));
    }

    [Fact]
    public void An_or_list_of_four_or_more_keywords_of_one_field_is_one_set_and_a_shorter_one_is_not()
    {
        var members = KueryCompiler.Compile("process.name:(a.exe or b.exe or c.exe or d.exe or e*) or host.name:(x or y)", CatalogFieldTypes.Instance).Members!;
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(members, "KueryKeywordSet M"));
        Assert.Contains("KueryKeywordSet M0 = new(false, \"a.exe\", \"b.exe\", \"c.exe\", \"d.exe\")", members);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(members, @"KueryMatch\.Keyword\(").Count);
    }
}
