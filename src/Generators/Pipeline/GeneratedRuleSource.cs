using System;
using System.Collections.Generic;
using AzureRules.Generators.Emit;
using AzureRules.Generators.Model;
using Microsoft.CodeAnalysis.CSharp;

namespace AzureRules.Generators.Pipeline;

/// <summary>
/// One rule's generated class, with the distinct string literals it holds: what the class adds to the
/// assembly's user-string heap (<see cref="UserStringBudget"/>). Emitted once per rule and cached.
/// </summary>
internal sealed record GeneratedRuleSource(NamedRule Rule, string Source, EquatableArray<string> Literals)
{
    public static GeneratedRuleSource Emit(NamedRule rule)
    {
        var source = RuleEmitter.Emit(rule.Rule, rule.Namespace, rule.ClassName);
        return new GeneratedRuleSource(rule, source, StringLiterals(source));
    }

    /// <summary>
    /// The values of the string literals in C# source, each once, read with the C# lexer (so escapes
    /// and every literal form count as the compiler counts them). UTF-8 literals (<c>"…"u8</c>) are data,
    /// not user strings; an interpolated string counts with its whole text, an upper bound.
    /// </summary>
    public static EquatableArray<string> StringLiterals(string source)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var literals = new List<string>();
        foreach (var token in SyntaxFactory.ParseTokens(source))
        {
            var value = token.Kind() switch
            {
                SyntaxKind.StringLiteralToken or SyntaxKind.SingleLineRawStringLiteralToken or SyntaxKind.MultiLineRawStringLiteralToken => token.ValueText,
                SyntaxKind.InterpolatedStringToken => token.Text,
                _ => null,
            };
            if (value is not null && seen.Add(value)) literals.Add(value);
        }
        return literals.ToEquatableArray();
    }
}
