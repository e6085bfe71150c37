using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Model;

namespace AzureRules.Generators.Pipeline;

/// <summary>
/// The assembly-wide limit on string literals, checked once for `validate`, `run` and `dotnet build`
/// alike (all three run this generator): a .NET assembly keeps every distinct string literal in its
/// user-string heap, addressed with 24 bits, so C# refuses more than 16 MB of them (CS8103, with no
/// file named). Rule classes carry rule text as literals; each rule file is within
/// <see cref="RuleLimits.MaxFileLength"/>, but many large rules together can pass the heap's size.
/// Rules are counted in assembly order (file path, then position); a rule whose new literals would
/// take the total past <see cref="Bytes"/> is error AR0002 on its name and its class is not generated,
/// so the build fails at that rule's file rather than inside the C# compiler.
/// </summary>
internal static class UserStringBudget
{
    /// <summary>The heap's limit (2^24 bytes) less 1 MiB left for the registry, the rule tests and the project's own code.</summary>
    public const int Bytes = (1 << 24) - (1 << 20);

    public static UserStringCheck Check(ImmutableArray<GeneratedRuleSource> rules)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var total = 0L;
        var excluded = new List<string>();
        var diagnostics = new List<RuleDiagnostic>();
        foreach (var rule in rules.OrderBy(r => r.Rule.Rule.Rule.FilePath, StringComparer.Ordinal).ThenBy(r => r.Rule.Rule.Rule.Name.Span.Start.Offset))
        {
            var added = 0L;
            foreach (var literal in rule.Literals) if (!seen.Contains(literal)) added += Cost(literal);
            if (total + added > Bytes)
            {
                excluded.Add(rule.Rule.ClassName);
                diagnostics.Add(RuleDiagnostic.Create(DiagnosticDescriptors.LimitExceeded, rule.Rule.Rule.Rule.Name.Span,
                    $"the rules before this one already carry {Megabytes(total)} MB of string literals and this rule adds {Megabytes(added)} MB, "
                    + $"past the {Megabytes(Bytes)} MB an assembly leaves them (C# holds at most 16 MB, CS8103): its class is not generated; "
                    + "put large rules in another project or shorten this one"));
                continue;
            }
            foreach (var literal in rule.Literals) seen.Add(literal);
            total += added;
        }
        return new UserStringCheck(excluded.ToEquatableArray(), diagnostics.ToEquatableArray());
    }

    /// <summary>A string's size in the heap: UTF-16 code units, a terminal flag byte and a compressed length prefix (ECMA-335 II.24.2.4).</summary>
    public static long Cost(string value)
    {
        var blob = 2L * value.Length + 1;
        return blob + (blob < 0x80 ? 1 : blob < 0x4000 ? 2 : 4);
    }

    private static string Megabytes(long bytes) => (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture);
}

/// <summary>The classes left out by the literal budget, and an AR0002 error on each of their rules.</summary>
internal sealed record UserStringCheck(EquatableArray<string> ExcludedClasses, EquatableArray<RuleDiagnostic> Diagnostics)
{
    public bool Includes(string className) => !ExcludedClasses.Items.Contains(className);

    public RuleAssembly Apply(RuleAssembly assembly)
        => ExcludedClasses.IsEmpty ? assembly : assembly with { Rules = assembly.Rules.Items.Where(r => Includes(r.ClassName)).ToEquatableArray() };
}
