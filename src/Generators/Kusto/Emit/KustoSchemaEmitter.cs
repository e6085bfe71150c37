using System.Collections.Generic;
using System.Text;
using AzureRules.Generators.Kusto.Symbols;
using static AzureRules.Generators.Kusto.Emit.KustoRuntimeNames;

namespace AzureRules.Generators.Kusto.Emit;

/// <summary>
/// The schemas a rule class carries, as code: the workspace tables its query reads (the binder's
/// <c>Tables</c>, with Log Analytics' column types), the columns of its result, and the columns it reads
/// of each table (<c>ReadColumns</c>, what the engine stores). Built once per class in static fields;
/// nothing is parsed at run time.
/// </summary>
internal static class KustoSchemaEmitter
{
    private const string Columns = "global::System.Collections.Generic.IReadOnlyList<" + Column + ">";
    private const string Schemas = "global::System.Collections.Generic.IReadOnlyDictionary<string, " + Columns + ">";

    private const string Set = "global::System.Collections.Generic.IReadOnlySet<string>";

    /// <param name="columnsRead">The columns read of each table (a table read whole is absent); null when not known.</param>
    public static string Members(IEnumerable<TableSymbol> tables, TableSchema? output, IReadOnlyDictionary<string, SortedSet<string>>? columnsRead)
    {
        var text = new StringBuilder();
        text.Append($"public override {Schemas} TableSchemas => InputTables;\n\n");
        text.Append($"private static readonly {Schemas} InputTables = new global::System.Collections.Generic.Dictionary<string, {Columns}>(global::System.StringComparer.Ordinal)\n{{\n");
        foreach (var table in tables)
        {
            text.Append($"    [{CSharpLiteralAlias.String(table.Name)}] = new {Column}[]\n    {{\n");
            foreach (var column in table.Schema.Columns) text.Append("        ").Append(ColumnOf(column)).Append(",\n");
            text.Append("    },\n");
        }
        text.Append("};\n");
        if (columnsRead is not null) AppendColumnsRead(text, columnsRead);
        if (output is null || output.IsOpen) return text.ToString();
        text.Append($"\npublic override {Columns}? OutputSchema => OutputColumns;\n\n");
        text.Append($"private static readonly {Column}[] OutputColumns =\n{{\n");
        foreach (var column in output.Columns) text.Append("    ").Append(ColumnOf(column)).Append(",\n");
        text.Append("};\n");
        return text.ToString();
    }

    private static void AppendColumnsRead(StringBuilder text, IReadOnlyDictionary<string, SortedSet<string>> columnsRead)
    {
        const string Sets = "global::System.Collections.Generic.IReadOnlyDictionary<string, " + Set + ">";
        text.Append($"\npublic override {Sets}? ReadColumns => ColumnsRead;\n\n");
        text.Append($"private static readonly {Sets} ColumnsRead = new global::System.Collections.Generic.Dictionary<string, {Set}>(global::System.StringComparer.Ordinal)\n{{\n");
        foreach (var pair in columnsRead)
        {
            var names = string.Join(", ", System.Linq.Enumerable.Select(pair.Value, CSharpLiteralAlias.String));
            text.Append($"    [{CSharpLiteralAlias.String(pair.Key)}] = new global::System.Collections.Generic.HashSet<string>(global::System.StringComparer.Ordinal) {{ {names} }},\n");
        }
        text.Append("};\n");
    }

    /// <summary>A column as code; a type the binder could not infer is dynamic (what Kusto calls a value of any type).</summary>
    private static string ColumnOf(ColumnSymbol column)
        => $"new {Column}({CSharpLiteralAlias.String(column.Name)}, {TypeEnum}.{TypeName(column.Type)})";

    private static string TypeName(ScalarType type) => type switch
    {
        ScalarType.Bool => "Bool",
        ScalarType.Int => "Int",
        ScalarType.Long => "Long",
        ScalarType.Real => "Real",
        ScalarType.Decimal => "Decimal",
        ScalarType.String => "String",
        ScalarType.DateTime => "DateTime",
        ScalarType.TimeSpan => "TimeSpan",
        ScalarType.Guid => "Guid",
        _ => "Dynamic",
    };
}
