using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Emit;
using AzureRules.Generators.Model;
using AzureRules.Generators.Pipeline;
using AzureRules.Generators.Versioning;

namespace AzureRules.Generators.Project;

/// <summary>
/// The checks that need the project files: each rule's content hash against the version lock, and the
/// validation exceptions (an excepted diagnostic is not reported; an exception that no longer matches
/// anything is).
/// </summary>
internal static class ProjectChecks
{
    /// <summary>A file's diagnostics with the excepted ones left out, plus its rules' version lock diagnostics.</summary>
    public static EquatableArray<RuleDiagnostic> FileDiagnostics(CompiledFile file, ProjectSettings settings)
    {
        if (settings.Lock.IsEmpty && settings.Exceptions.IsEmpty) return file.Diagnostics;
        var excepted = new HashSet<RuleDiagnostic>();
        var result = ImmutableArray.CreateBuilder<RuleDiagnostic>();
        foreach (var rule in file.Rules)
        {
            foreach (var diagnostic in rule.Diagnostics)
                if (ExceptionFor(settings, rule, diagnostic.Id) is not null) excepted.Add(diagnostic);
        }
        result.AddRange(file.Diagnostics.Where(d => !excepted.Contains(d)));
        foreach (var rule in file.Rules)
        {
            if (CheckLock(rule, settings) is { } diagnostic && ExceptionFor(settings, rule, diagnostic.Id) is null) result.Add(diagnostic);
        }
        return result.ToImmutable();
    }

    /// <summary>Problems in the project files, and exceptions that except nothing any more.</summary>
    public static EquatableArray<RuleDiagnostic> ProjectDiagnostics(ImmutableArray<CompiledFile> files, ProjectSettings settings)
    {
        var result = ImmutableArray.CreateBuilder<RuleDiagnostic>();
        result.AddRange(settings.Diagnostics);
        var rules = files.SelectMany(f => f.Rules).ToList();
        foreach (var exception in settings.Exceptions)
        {
            var matching = rules.Where(r => Matches(exception, r)).ToList();
            if (matching.Count == 0)
                result.Add(RuleDiagnostic.Create(DiagnosticDescriptors.ExceptionForUnknownRule, exception.Span, exception.RuleId));
            else if (!matching.Any(r => r.Diagnostics.Any(d => d.Id == exception.DiagnosticId) || CheckLock(r, settings)?.Id == exception.DiagnosticId))
                result.Add(RuleDiagnostic.Create(DiagnosticDescriptors.StaleException, exception.Span, exception.RuleId, exception.DiagnosticId));
        }
        return result.ToImmutable();
    }

    private static ValidationException? ExceptionFor(ProjectSettings settings, CompiledRule rule, string diagnosticId)
        => settings.Exceptions.FirstOrDefault(e => e.DiagnosticId == diagnosticId && Matches(e, rule));

    private static bool Matches(ValidationException exception, CompiledRule rule)
        => string.Equals(exception.RuleId, rule.RuleId, StringComparison.OrdinalIgnoreCase)
            || string.Equals(exception.RuleId, rule.Rule.Id?.Value, StringComparison.OrdinalIgnoreCase);

    /// <summary>AR0901 when the content changed and the file's version did not; AR0902 when the file has no version (the lock keeps it).</summary>
    private static RuleDiagnostic? CheckLock(CompiledRule rule, ProjectSettings settings)
    {
        var entry = settings.Lock.FirstOrDefault(e => string.Equals(e.RuleId, rule.RuleId, StringComparison.OrdinalIgnoreCase)
            || string.Equals(e.RuleId, rule.Rule.Id?.Value, StringComparison.OrdinalIgnoreCase));
        if (entry is null) return null;
        var hash = RuleContentHash.Compute(rule.Rule);
        if (string.Equals(hash, entry.Sha256, StringComparison.OrdinalIgnoreCase)) return null;
        var shortHash = entry.Sha256.Length > 12 ? entry.Sha256.Substring(0, 12) : entry.Sha256;
        if (rule.Rule.VersionText is { } version)
        {
            return version.Value == entry.Version
                ? RuleDiagnostic.Create(DiagnosticDescriptors.VersionNotBumped, version.Span, entry.Version, shortHash)
                : null; // bumped: the lock is updated by 'azrules lock'
        }
        return RuleDiagnostic.Create(DiagnosticDescriptors.LockedVersionNotBumped, rule.Rule.Id?.Span ?? rule.Rule.Name.Span,
            entry.Version, shortHash, VersionLock.Next(entry.Version));
    }
}
