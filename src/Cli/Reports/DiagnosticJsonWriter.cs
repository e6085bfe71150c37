using System.Text.Json;
using Microsoft.CodeAnalysis;

namespace AzureRules.Cli.Reports;

/// <summary><c>validate --format json</c>: one JSON document with every diagnostic (id, severity, message, file, 1-based span).</summary>
internal static class DiagnosticJsonWriter
{
    public static void Write(Stream stream, IReadOnlyList<Diagnostic> diagnostics, int files)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteNumber("files", files);
        json.WriteNumber("errors", diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error));
        json.WriteNumber("warnings", diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning));
        json.WriteStartArray("diagnostics");
        foreach (var diagnostic in diagnostics)
        {
            var span = diagnostic.Location.GetLineSpan();
            json.WriteStartObject();
            json.WriteString("id", diagnostic.Id);
            json.WriteString("severity", diagnostic.Severity.ToString().ToLowerInvariant());
            json.WriteString("message", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
            if (span.IsValid)
            {
                json.WriteString("file", span.Path);
                json.WriteNumber("line", span.StartLinePosition.Line + 1);
                json.WriteNumber("column", span.StartLinePosition.Character + 1);
                json.WriteNumber("endLine", span.EndLinePosition.Line + 1);
                json.WriteNumber("endColumn", span.EndLinePosition.Character + 1);
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
