using AzureRules.Generators.Diagnostics;

namespace AzureRules.Generators.Pipeline;

/// <summary>
/// The limits a rule must stay within, checked here once for every command that compiles rules
/// (`validate`, `run`, `dotnet build`), so what validates also compiles: generated classes carry a
/// rule's text as C# string literals (an assembly holds at most 16 MB of them, CS8103), and deeply
/// nested expressions would exhaust the stack of the compiler that binds them.
/// </summary>
internal static class RuleLimits
{
    /// <summary>The largest rule file, in characters: 20 times the largest rule in the Elastic and Sentinel corpora.</summary>
    public const int MaxFileLength = 1024 * 1024;

    /// <summary>How deeply expressions may nest (parentheses, function calls, not/unary operators) in any query language.</summary>
    public const int MaxExpressionDepth = 200;

    public static RuleDiagnostic? CheckFile(string path, string text)
        => text.Length > MaxFileLength
            ? RuleDiagnostic.Create(DiagnosticDescriptors.LimitExceeded, SourceSpan.At(path, SourcePosition.Start),
                $"the rule file has {text.Length} characters; the limit is {MaxFileLength} (generated classes carry the rule's text, and an assembly holds at most 16 MB of string literals)")
            : null;
}
