using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text.RegularExpressions;
using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Kusto.Symbols;
using AzureRules.Generators.Model;

namespace AzureRules.Generators.Sentinel;

/// <summary>
/// Sentinel shapes an alert from the query's result row: entity mappings and custom details name result
/// columns, and alertDetailsOverride templates insert them as <c>{{Column}}</c>. Sentinel rejects a rule
/// whose mapping names a column the query does not return, so the compiler checks them against the output
/// schema the Kusto binder computed. An open schema (bag_unpack, pivot, …) may return any column, and a
/// partial one (from an incomplete published schema) may lack some: then nothing is reported.
/// </summary>
internal static class OutputColumnChecks
{
    private static readonly Regex Placeholder = new(@"\{\{\s*([^{}\s]+)\s*\}\}", RegexOptions.CultureInvariant);

    public static EquatableArray<RuleDiagnostic> Check(RuleDefinition rule, TableSchema? output)
    {
        if (output is null || output.IsOpen || output.IsPartial) return EquatableArray<RuleDiagnostic>.Empty;
        var result = ImmutableArray.CreateBuilder<RuleDiagnostic>();

        foreach (var entity in rule.EntityMappings)
        {
            foreach (var field in entity.Fields)
            {
                if (!output.Contains(field.ColumnName.Value))
                    result.Add(RuleDiagnostic.Create(DiagnosticDescriptors.EntityColumnNotInOutput, field.ColumnName.Span,
                        entity.EntityType.Value, field.Identifier.Value, field.ColumnName.Value));
            }
        }

        foreach (var detail in rule.CustomDetails)
        {
            if (!output.Contains(detail.ColumnName.Value))
                result.Add(RuleDiagnostic.Create(DiagnosticDescriptors.CustomDetailColumnNotInOutput, detail.ColumnName.Span,
                    detail.Key.Value, detail.ColumnName.Value));
        }

        foreach (var alertDetail in rule.AlertDetailsOverride)
        {
            var template = alertDetail.Template;
            foreach (Match match in Placeholder.Matches(template.Value))
            {
                var column = match.Groups[1].Value;
                if (output.Contains(column)) continue;
                result.Add(RuleDiagnostic.Create(DiagnosticDescriptors.AlertDetailPlaceholderNotInOutput,
                    PlaceholderSpan(template, match.Index, match.Length), alertDetail.Property, column));
            }
        }
        return result.ToImmutable();
    }

    /// <summary>
    /// The placeholder's own place when the template stands verbatim on one line of the file (a plain or
    /// quoted YAML scalar); otherwise the whole template.
    /// </summary>
    private static SourceSpan PlaceholderSpan(Located<string> template, int index, int length)
    {
        var span = template.Span;
        var quoted = span.Length == template.Value.Length + 2 ? 1 : 0;
        if ((span.Length != template.Value.Length && quoted == 0) || span.Start.Line != span.End.Line || template.Value.IndexOf('\n') >= 0)
            return span;
        var start = new SourcePosition(span.Start.Offset + quoted + index, span.Start.Line, span.Start.Column + quoted + index);
        var end = new SourcePosition(start.Offset + length, start.Line, start.Column + length);
        return new SourceSpan(span.FilePath, start, end);
    }
}
