namespace AzureRules.Cli.Tests.Workflow;

/// <summary>A small rule folder on disk: one Elastic rule, its test file (one passing case, one failing), an event file, and a stray file.</summary>
internal sealed class RuleRepository : IDisposable
{
    public RuleRepository()
    {
        Root = Directory.CreateTempSubdirectory("azrules-cli-").FullName;
        Write("Rules/regen.toml", """
            [metadata]
            creation_date = "2026/01/01"
            maturity = "production"
            updated_date = "2026/01/01"

            [rule]
            author = ["Test"]
            description = "A key regeneration."
            from = "now-10m"
            index = ["logs-*"]
            interval = "5m"
            language = "kuery"
            license = "Elastic License v2"
            name = "Key regenerated"
            risk_score = 21
            rule_id = "22222222-2222-2222-2222-222222222222"
            severity = "low"
            type = "query"

            query = '''
            event.action:regenerate and event.outcome:(success or ok) and azure.key.kind:storage
            '''
            """);
        Write("Rules/regen.tests.yaml", """
            cases:
              - name: fires
                events: [{ file: events/regen.jsonl }]
                expect: { events: [r-1] }
              - name: wrongly expects nothing
                events: [{ file: events/regen.jsonl }]
                expect: { alerts: 0 }
            """);
        Write("Rules/events/regen.jsonl", """{"@timestamp":"2026-01-01T10:01:00Z","_index":"logs-x","_id":"r-1","event":{"action":"regenerate","outcome":"success"},"azure":{"key":{"kind":"storage"}}}""");
        Write("Rules/notes.docx", "not a rule");
    }

    public string Root { get; }

    public string Write(string relative, string text)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
