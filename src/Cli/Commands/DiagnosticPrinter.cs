using AzureRules.Sdk.Text;
using Microsoft.CodeAnalysis;

namespace AzureRules.Cli.Commands;

/// <summary>Prints diagnostics the way compilers do: <c>path(line,col): error AR0101: message</c>.</summary>
internal static class DiagnosticPrinter
{
    public static string Format(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        var severity = diagnostic.Severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            _ => "info",
        };
        var position = span.IsValid ? $"{span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1})" : "<unknown>";
        // paths and messages quote rule text: a terminal must not see its control characters
        return $"{ConsoleText.Escape(position)}: {severity} {diagnostic.Id}: {ConsoleText.Escape(diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture))}";
    }

    public static (int Errors, int Warnings) Print(IEnumerable<Diagnostic> diagnostics, TextWriter writer, bool includeInfo = false)
    {
        int errors = 0, warnings = 0;
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Severity == DiagnosticSeverity.Error) errors++;
            else if (diagnostic.Severity == DiagnosticSeverity.Warning) warnings++;
            else if (!includeInfo) continue;
            writer.WriteLine(Format(diagnostic));
        }
        return (errors, warnings);
    }
}
