using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Formats.Json;
using AzureRules.Generators.Model;
using AzureRules.Generators.Versioning;

namespace AzureRules.Generators.Project;

/// <summary>A Sentinel custom table: its name (usually ending in _CL) and typed columns (Kusto type names).</summary>
internal sealed record CustomTable(string Name, EquatableArray<CustomColumn> Columns);

internal sealed record CustomColumn(string Name, string Type);

/// <summary>The fields of one Elastic index pattern and their mapping types (keyword, long, ip, …).</summary>
internal sealed record CustomIndexFields(string IndexPattern, EquatableArray<CustomColumn> Fields);

/// <summary>One validation exception: the rule, the diagnostic it may report, why, and where the entry is.</summary>
internal sealed record ValidationException(string RuleId, string DiagnosticId, string Reason, SourceSpan Span);

/// <summary>One project file after reading: what it declares and the problems in it.</summary>
internal sealed record ProjectFile(
    string Path,
    ProjectFileKind Kind,
    EquatableArray<LockEntry> Lock,
    EquatableArray<CustomTable> Tables,
    EquatableArray<CustomIndexFields> Fields,
    EquatableArray<ValidationException> Exceptions,
    EquatableArray<RuleDiagnostic> Diagnostics)
{
    /// <summary>The workspace functions a <see cref="ProjectFileKind.KustoFunction"/> file defines.</summary>
    public EquatableArray<WorkspaceFunction> Functions { get; init; } = EquatableArray<WorkspaceFunction>.Empty;

    public static ProjectFile Read(ProjectFileInput input, CancellationToken cancellationToken)
        => Read(input.Text.Path, input.Kind, input.Text.GetText(cancellationToken)?.ToString() ?? "");

    public static ProjectFile Read(string path, ProjectFileKind kind, string text)
    {
        var diagnostics = new List<RuleDiagnostic>();
        var empty = new ProjectFile(path, kind, EquatableArray<LockEntry>.Empty, EquatableArray<CustomTable>.Empty,
            EquatableArray<CustomIndexFields>.Empty, EquatableArray<ValidationException>.Empty, EquatableArray<RuleDiagnostic>.Empty);
        if (kind == ProjectFileKind.KustoFunction)
        {
            var functions = WorkspaceFunctionFile.Read(path, text, diagnostics);
            return empty with { Functions = functions, Diagnostics = diagnostics.ToEquatableArray() };
        }
        var parsed = JsonParser.Parse(text, out _);
        if (parsed.Error is { } error)
        {
            diagnostics.Add(RuleDiagnostic.Create(DiagnosticDescriptors.MalformedFile, SourceSpan.At(path, error.Position), "JSON", error.Message));
            return empty with { Diagnostics = diagnostics.ToEquatableArray() };
        }
        var root = parsed.Value!;
        return kind switch
        {
            ProjectFileKind.Lock => empty with { Lock = VersionLock.Read(path, root, diagnostics) },
            ProjectFileKind.SentinelTable => empty with { Tables = ReadTables(path, root, diagnostics) },
            ProjectFileKind.ElasticFields => empty with { Fields = ReadElasticFields(path, root, diagnostics) },
            ProjectFileKind.Exceptions => empty with { Exceptions = ReadExceptions(path, root, diagnostics) },
            _ => empty,
        } with { Diagnostics = diagnostics.ToEquatableArray() };
    }

    /// <summary>
    /// Azure-Sentinel's CustomTables format: <c>{ "Name": "X_CL", "Properties": [{ "name": …, "type": … }] }</c>;
    /// an array of such tables is accepted too.
    /// </summary>
    private static EquatableArray<CustomTable> ReadTables(string path, JsonNode root, List<RuleDiagnostic> diagnostics)
    {
        var tables = ImmutableArray.CreateBuilder<CustomTable>();
        var items = root is JsonArray array ? array.Items : new List<JsonNode> { root };
        foreach (var item in items)
        {
            if (item is not JsonObject table || table["Name"] is not JsonString name || table["Properties"] is not JsonArray properties)
            {
                Invalid(path, item, "Sentinel custom table", "expected { \"Name\": \"Table_CL\", \"Properties\": [{ \"name\": …, \"type\": … }] }", diagnostics);
                continue;
            }
            var columns = ImmutableArray.CreateBuilder<CustomColumn>();
            foreach (var property in properties.Items)
            {
                if (property is JsonObject column && column["name"] is JsonString columnName && column["type"] is JsonString type
                    && Kusto.Symbols.ScalarTypes.TryParse(type.Value, out _))
                    columns.Add(new CustomColumn(columnName.Value, type.Value));
                else
                    Invalid(path, property, $"column of {name.Value}", "expected { \"name\": …, \"type\": a Kusto type (string, datetime, int, long, real, bool, dynamic, guid, timespan) }", diagnostics);
            }
            tables.Add(new CustomTable(name.Value, columns.ToImmutable()));
        }
        return tables.ToImmutable();
    }

    /// <summary>detection-rules' custom schemas: <c>{ "logs-myapp-*": { "myapp.user": "keyword", … } }</c>.</summary>
    private static EquatableArray<CustomIndexFields> ReadElasticFields(string path, JsonNode root, List<RuleDiagnostic> diagnostics)
    {
        var result = ImmutableArray.CreateBuilder<CustomIndexFields>();
        if (root is not JsonObject indices)
        {
            Invalid(path, root, "Elastic field schema", "expected { \"index-pattern\": { \"field\": \"type\" } }", diagnostics);
            return result.ToImmutable();
        }
        foreach (var index in indices.Properties)
        {
            if (index.Value is not JsonObject fields)
            {
                Invalid(path, index.Value, $"fields of {index.Name}", "expected { \"field\": \"type\" }", diagnostics);
                continue;
            }
            var columns = ImmutableArray.CreateBuilder<CustomColumn>();
            foreach (var field in fields.Properties)
            {
                if (field.Value is JsonString type && Elastic.ElasticFieldCatalog.Classify(type.Value) != Elastic.ElasticFieldType.Unknown)
                    columns.Add(new CustomColumn(field.Name, type.Value));
                else
                    Invalid(path, field.Value, $"type of {field.Name}", "expected an Elasticsearch mapping type (keyword, text, long, double, date, boolean, ip, …)", diagnostics);
            }
            result.Add(new CustomIndexFields(index.Name, columns.ToImmutable()));
        }
        return result.ToImmutable();
    }

    /// <summary><c>[{ "ruleId": …, "diagnosticId": "AR0302", "reason": "…" }]</c>; a missing reason is an error.</summary>
    private static EquatableArray<ValidationException> ReadExceptions(string path, JsonNode root, List<RuleDiagnostic> diagnostics)
    {
        var result = ImmutableArray.CreateBuilder<ValidationException>();
        if (root is not JsonArray entries)
        {
            Invalid(path, root, "validation exceptions", "expected [{ \"ruleId\": …, \"diagnosticId\": …, \"reason\": … }]", diagnostics);
            return result.ToImmutable();
        }
        foreach (var entry in entries.Items)
        {
            var span = new SourceSpan(path, entry.Start, entry.End);
            if (entry is not JsonObject obj || obj["ruleId"] is not JsonString ruleId || obj["diagnosticId"] is not JsonString diagnosticId)
            {
                Invalid(path, entry, "validation exception", "expected { \"ruleId\": …, \"diagnosticId\": …, \"reason\": … }", diagnostics);
                continue;
            }
            var reason = (obj["reason"] as JsonString)?.Value?.Trim() ?? "";
            if (reason.Length == 0)
            {
                diagnostics.Add(RuleDiagnostic.Create(DiagnosticDescriptors.ExceptionWithoutReason, span, ruleId.Value, diagnosticId.Value));
                continue; // an exception without a reason excepts nothing
            }
            result.Add(new ValidationException(ruleId.Value.Trim(), diagnosticId.Value.Trim(), reason, span));
        }
        return result.ToImmutable();
    }

    private static void Invalid(string path, JsonNode node, string what, string expected, List<RuleDiagnostic> diagnostics)
        => diagnostics.Add(RuleDiagnostic.Create(DiagnosticDescriptors.InvalidProjectFile, new SourceSpan(path, node.Start, node.End), what, expected));
}
