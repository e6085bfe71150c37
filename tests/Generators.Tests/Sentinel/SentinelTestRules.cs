using AzureRules.Generators.Formats;
using AzureRules.Generators.Formats.Sentinel;
using AzureRules.Generators.Model;
using Xunit;

namespace AzureRules.Generators.Tests.Sentinel;

/// <summary>A valid scheduled rule to vary in tests, and helpers to read one.</summary>
internal static class SentinelTestRules
{
    public const string RulePath = "Rules/sentinel/rule.yaml";

    /// <summary>Line numbers (1-based) are those of the file, so tests can name them.</summary>
    public static readonly string[] ScheduledLines =
    [
        "id: 0f1a9acc-9a6e-4630-9d7c-3b446b6635d1",          // 1
        "name: Sign-ins from a decoy account",              // 2
        "description: |",                                   // 3
        "  'Someone signed in with the decoy account.'",    // 4
        "severity: Medium",                                 // 5
        "requiredDataConnectors:",                          // 6
        "  - connectorId: AzureActiveDirectory",            // 7
        "    dataTypes:",                                   // 8
        "      - SigninLogs",                               // 9
        "queryFrequency: 1h",                               // 10
        "queryPeriod: 1d",                                  // 11
        "triggerOperator: gt",                              // 12
        "triggerThreshold: 0",                              // 13
        "tactics:",                                         // 14
        "  - InitialAccess",                                // 15
        "relevantTechniques:",                              // 16
        "  - T1078.004",                                    // 17
        "query: |",                                         // 18
        "  SigninLogs",                                     // 19
        "  | where UserPrincipalName =~ \"decoy@contoso.com\"", // 20
        "    | project TimeGenerated, UserPrincipalName, IPAddress", // 21
        "entityMappings:",                                  // 22
        "  - entityType: Account",                          // 23
        "    fieldMappings:",                               // 24
        "      - identifier: FullName",                     // 25
        "        columnName: UserPrincipalName",            // 26
        "  - entityType: IP",                               // 27
        "    fieldMappings:",                               // 28
        "      - identifier: Address",                      // 29
        "        columnName: IPAddress",                    // 30
        "version: 1.0.0",                                   // 31
        "kind: Scheduled",                                  // 32
    ];

    public static string Scheduled => string.Join("\n", ScheduledLines) + "\n";

    /// <summary>The scheduled rule with line <paramref name="line"/> (1-based) replaced by <paramref name="replacement"/> (which may hold several lines, or none).</summary>
    public static string ScheduledWith(int line, string? replacement)
    {
        var lines = ScheduledLines.ToList();
        lines.RemoveAt(line - 1);
        if (replacement is not null) lines.Insert(line - 1, replacement);
        return string.Join("\n", lines) + "\n";
    }

    public static string ScheduledPlus(string extraLines) => Scheduled + extraLines + "\n";

    public static RuleDefinition ReadOne(string text, string path = RulePath)
    {
        var file = SentinelYamlReader.Read(path, text);
        Assert.Empty(file.Diagnostics);
        var rule = Assert.Single(file.Rules);
        Assert.Empty(rule.Diagnostics);
        return rule;
    }

    /// <summary>Line and column as messages print them: 1-based.</summary>
    public static (int Line, int Column) At(Diagnostics.SourcePosition position) => (position.Line + 1, position.Column + 1);
}
