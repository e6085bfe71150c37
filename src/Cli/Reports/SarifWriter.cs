using System.Text.Json;
using Microsoft.CodeAnalysis;

namespace AzureRules.Cli.Reports;

/// <summary>
/// Writes rule diagnostics as SARIF 2.1.0 (what GitHub code scanning and other tools read): one run
/// whose <c>tool.driver.rules</c> describes every AR id (name, short and full description, help URI,
/// default level) and whose results point at the rule file's region. Written with System.Text.Json
/// against the 2.1.0 schema's required shape (version, runs[].tool.driver.name, results[].message).
/// </summary>
internal static class SarifWriter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    public static void Write(Stream stream, IReadOnlyList<Diagnostic> diagnostics, string baseDirectory)
    {
        var rules = DiagnosticCatalog.All;
        var index = rules.Select((r, i) => (r.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("$schema", SchemaUri);
        json.WriteString("version", "2.1.0");
        json.WriteStartArray("runs");
        json.WriteStartObject();

        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "azrules");
        json.WriteString("semanticVersion", DiagnosticCatalog.Version);
        if (DiagnosticCatalog.RepositoryUrl.Length > 0) json.WriteString("informationUri", DiagnosticCatalog.RepositoryUrl);
        json.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            json.WriteStartObject();
            json.WriteString("id", rule.Id);
            json.WriteString("name", rule.Name);
            Message(json, "shortDescription", rule.Descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Message(json, "fullDescription", rule.Descriptor.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture));
            json.WriteString("helpUri", rule.HelpUri);
            json.WriteStartObject("defaultConfiguration");
            json.WriteString("level", Level(rule.Descriptor.DefaultSeverity));
            json.WriteEndObject();
            json.WriteStartObject("properties");
            json.WriteString("category", rule.Descriptor.Category);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteString("columnKind", "utf16CodeUnits");
        json.WriteStartArray("results");
        foreach (var diagnostic in diagnostics)
        {
            json.WriteStartObject();
            json.WriteString("ruleId", diagnostic.Id);
            if (index.TryGetValue(diagnostic.Id, out var ruleIndex)) json.WriteNumber("ruleIndex", ruleIndex);
            json.WriteString("level", Level(diagnostic.Severity));
            Message(json, "message", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
            var span = diagnostic.Location.GetLineSpan();
            if (span.IsValid && !string.IsNullOrEmpty(span.Path))
            {
                json.WriteStartArray("locations");
                json.WriteStartObject();
                json.WriteStartObject("physicalLocation");
                json.WriteStartObject("artifactLocation");
                json.WriteString("uri", ArtifactUri(span.Path, baseDirectory));
                json.WriteEndObject();
                json.WriteStartObject("region");
                json.WriteNumber("startLine", span.StartLinePosition.Line + 1);
                json.WriteNumber("startColumn", span.StartLinePosition.Character + 1);
                if (span.EndLinePosition > span.StartLinePosition)
                {
                    json.WriteNumber("endLine", span.EndLinePosition.Line + 1);
                    json.WriteNumber("endColumn", span.EndLinePosition.Character + 1);
                }
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Message(Utf8JsonWriter json, string name, string text)
    {
        json.WriteStartObject(name);
        json.WriteString("text", text);
        json.WriteEndObject();
    }

    public static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "note",
    };

    /// <summary>A path under the base directory as a relative URI (what code scanning maps to the repository), else a file URI.</summary>
    public static string ArtifactUri(string path, string baseDirectory)
    {
        var full = Path.GetFullPath(path);
        var relative = Path.GetRelativePath(Path.GetFullPath(baseDirectory), full);
        if (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative))
            return string.Join('/', relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Select(Uri.EscapeDataString));
        return new Uri(full).AbsoluteUri;
    }
}
