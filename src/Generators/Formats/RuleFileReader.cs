using AzureRules.Generators.Diagnostics;

namespace AzureRules.Generators.Formats;

/// <summary>Picks the reader for a rule file by its extension and content.</summary>
internal static class RuleFileReader
{
    public static RuleFile Read(string path, string text)
        => RuleFile.Failed(path, RuleDiagnostic.Create(DiagnosticDescriptors.UnrecognizedFormat,
            SourceSpan.At(path, SourcePosition.Start), "no reader is registered yet"));
}
