using System.Text;

namespace AzureRules.Cli.Reports;

/// <summary>
/// docs/diagnostics.md: one section per AR id (the anchors SARIF's helpUri points at), written from
/// the compiler's descriptors so the page cannot drift from them (a test compares the two).
/// </summary>
internal static class DiagnosticsMarkdown
{
    public static string Write()
    {
        var text = new StringBuilder();
        text.Append("# AzureRules diagnostics\n\n");
        text.Append("Every diagnostic the rule compiler reports, by id: AR00xx compiler, AR01xx rule file formats, AR02xx MITRE ATT&CK,\n");
        text.Append("AR03xx Kusto, AR04xx Kibana KQL, AR05xx EQL, AR06xx ES|QL, AR07xx Sentinel rule checks, AR08xx Elastic rule checks,\n");
        text.Append("AR10xx rule test files. Tune a severity per id in a global analyzer config\n");
        text.Append("(`dotnet_diagnostic.AR0202.severity = error`), or with `azrules validate --nowarn`/`--warnaserror`.\n");
        text.Append("This page is written from the compiler's descriptors (`AZURERULES_UPDATE_DOCS=1 dotnet test tests/Cli.Tests --filter DiagnosticsDoc`).\n");
        foreach (var entry in DiagnosticCatalog.All)
        {
            var descriptor = entry.Descriptor;
            text.Append($"\n## {entry.Id}\n\n");
            text.Append($"**{entry.Name}** · default severity {descriptor.DefaultSeverity.ToString().ToLowerInvariant()} · {descriptor.Category}\n\n");
            text.Append($"{descriptor.Title}. Message: `{descriptor.MessageFormat}`\n");
        }
        return text.ToString();
    }
}
