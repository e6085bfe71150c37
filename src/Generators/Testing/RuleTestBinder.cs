using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Model;
using AzureRules.Generators.Pipeline;

namespace AzureRules.Generators.Testing;

/// <summary>An event file the build handed to the generator (a .jsonl or .csv AdditionalFile).</summary>
internal sealed record EventFileText(string Path, string Text);

/// <summary>A test case bound to its rule (by index into the assembly's rules) and its event files' texts.</summary>
internal sealed record BoundRuleTestCase(RuleTestCaseSyntax Syntax, int RuleIndex, string TestFile, int Line, EquatableArray<BoundRuleTestEvents> Events);

internal sealed record BoundRuleTestEvents(string Source, bool IsCsv, string Text);

/// <summary>
/// Binds test files to the assembly: the rule each file tests (by <c>rule:</c> name or id, else the
/// rule file the test file is named after) and the event files each case reads (relative to the test
/// file, among the event files the build handed in — a generator reads no disk).
/// </summary>
internal static class RuleTestBinder
{
    public static (ImmutableArray<BoundRuleTestCase> Cases, ImmutableArray<RuleDiagnostic> Diagnostics) Bind(
        ImmutableArray<RuleTestFileSyntax> files, RuleAssembly assembly, ImmutableArray<EventFileText> eventFiles, GeneratorOptions options)
    {
        var cases = ImmutableArray.CreateBuilder<BoundRuleTestCase>();
        var diagnostics = ImmutableArray.CreateBuilder<RuleDiagnostic>();
        var events = new Dictionary<string, EventFileText>(StringComparer.Ordinal);
        foreach (var file in eventFiles) events[Normalize(file.Path)] = file;

        foreach (var file in files.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            diagnostics.AddRange(file.Diagnostics);
            // a file that did not parse has said so; which rule it tests is moot
            if (file.Cases.IsEmpty && file.Diagnostics.Any(d => d.Id == DiagnosticDescriptors.MalformedTestFile.Id)) continue;
            var ruleIndex = FindRule(file, assembly, diagnostics);
            if (ruleIndex < 0) continue;
            var directory = Normalize(Path.GetDirectoryName(file.Path) ?? "");
            var testFile = options.RelativePath(file.Path);
            foreach (var testCase in file.Cases)
            {
                var bound = ImmutableArray.CreateBuilder<BoundRuleTestEvents>();
                var complete = true;
                foreach (var group in testCase.Events)
                {
                    if (group.File is not { } path)
                    {
                        bound.Add(new BoundRuleTestEvents(group.Source ?? "inline", false, group.InlineJsonLines ?? ""));
                        continue;
                    }
                    var full = Normalize(IsRooted(path.Value) ? path.Value : directory + "/" + path.Value);
                    if (!events.TryGetValue(full, out var text))
                    {
                        diagnostics.Add(RuleDiagnostic.Create(DiagnosticDescriptors.MissingEventFile, path.Span, path.Value, full));
                        complete = false;
                        continue;
                    }
                    var isCsv = full.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);
                    bound.Add(new BoundRuleTestEvents(path.Value.Replace('\\', '/'), isCsv, text.Text));
                }
                if (complete)
                    cases.Add(new BoundRuleTestCase(testCase, ruleIndex, testFile, testCase.Name.Span.Start.Line + 1, bound.ToImmutable()));
            }
        }
        return (cases.ToImmutable(), diagnostics.ToImmutable());
    }

    private static int FindRule(RuleTestFileSyntax file, RuleAssembly assembly, ImmutableArray<RuleDiagnostic>.Builder diagnostics)
    {
        var rules = assembly.Rules.Items;
        if (file.Rule is { } reference)
        {
            var wanted = reference.Value.Trim();
            for (var i = 0; i < rules.Length; i++)
            {
                var rule = rules[i].Rule;
                if (string.Equals(rule.Rule.Name.Value, wanted, StringComparison.OrdinalIgnoreCase)
                    || string.Equals(rule.RuleId, wanted, StringComparison.OrdinalIgnoreCase)
                    || string.Equals(rule.Rule.Id?.Value, wanted, StringComparison.OrdinalIgnoreCase))
                    return i;
            }
            diagnostics.Add(RuleDiagnostic.Create(DiagnosticDescriptors.UnknownTestRule, reference.Span,
                $"no rule of this project has the name or id '{wanted}'"));
            return -1;
        }
        // X.tests.yaml tests the rule in the file X.<extension> beside it
        var stem = Normalize(file.Path);
        stem = stem.Substring(0, stem.LastIndexOf(".tests.", StringComparison.OrdinalIgnoreCase));
        var found = new List<int>();
        for (var i = 0; i < rules.Length; i++)
        {
            var path = Normalize(rules[i].Rule.Rule.FilePath);
            var dot = path.LastIndexOf('.');
            if (dot > path.LastIndexOf('/') && string.Equals(path.Substring(0, dot), stem, StringComparison.Ordinal)) found.Add(i);
        }
        if (found.Count == 1) return found[0];
        var start = SourceSpan.At(file.Path, SourcePosition.Start);
        diagnostics.Add(RuleDiagnostic.Create(DiagnosticDescriptors.UnknownTestRule, start, found.Count == 0
            ? $"there is no 'rule:' field and no rule file named '{Path.GetFileName(stem)}.*' beside it"
            : $"'{Path.GetFileName(stem)}.*' holds {found.Count} rules: name one with 'rule:'"));
        return -1;
    }

    private static bool IsRooted(string path) => path.StartsWith("/", StringComparison.Ordinal) || (path.Length > 2 && path[1] == ':');

    /// <summary>Forward slashes, no '.' segments, '..' resolved: the one spelling used to compare paths.</summary>
    internal static string Normalize(string path)
    {
        var parts = new List<string>();
        var segments = path.Replace('\\', '/').Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            if (segment == "." || (segment.Length == 0 && i > 0)) continue;
            if (segment == ".." && parts.Count > 0 && parts[parts.Count - 1] != ".." && parts[parts.Count - 1].Length > 0) { parts.RemoveAt(parts.Count - 1); continue; }
            parts.Add(segment);
        }
        return string.Join("/", parts);
    }
}
