using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using AzureRules.Generators.Elastic;
using AzureRules.Generators.Emit;
using AzureRules.Generators.Esql.Binding;
using AzureRules.Generators.Esql.Syntax;

namespace AzureRules.Generators.Esql.Emit;

/// <summary>
/// Writes an ES|QL query as the members of an <c>EsqlDetection</c>: an <c>Execute</c> method that runs the
/// pipeline command by command through <c>AzureRules.Sdk.Esql.EsqlOperators</c>, each expression a lambda
/// that resolves its columns once per table and then reads rows by position. Constants that cost
/// something to build (LIKE patterns, DISSECT/GROK patterns, time spans, embedded KQL) are static fields.
/// Functions are called through the runtime method their catalog entry names. Assumes the binder found
/// no error; a construct the runtime lacks throws <see cref="EsqlNotExecutableException"/>.
/// </summary>
internal sealed partial class EsqlEmitter
{
    internal const string Sdk = "global::AzureRules.Sdk.Esql.";
    public const string BaseClass = Sdk + "EsqlDetection";
    private const string Ops = Sdk + "EsqlOperators.";

    private readonly List<string> _statics = new();
    private readonly Dictionary<string, string> _staticByInitializer = new(StringComparer.Ordinal);
    private readonly List<string> _nestedClasses = new();
    private readonly StringBuilder _body = new();
    // the types earlier commands gave the columns they made, for StaticType
    private readonly Dictionary<string, EsqlType> _columnTypes = new(StringComparer.Ordinal);
    private readonly EsqlQuery _query;

    private EsqlEmitter(EsqlQuery query) => _query = query;

    public static string EmitMembers(EsqlQuery query)
    {
        var emitter = new EsqlEmitter(query);
        return emitter.Emit();
    }

    private string Emit()
    {
        var indices = new List<string>();
        var aggregating = false;
        var hasLimit = false;
        // where the commands that read only the documents end (see EsqlEmitter.DocumentsOnly)
        int? documentPartEnd = null;
        foreach (var command in _query.Commands)
        {
            if (documentPartEnd is null && !DependsOnDocumentsOnly(command)) documentPartEnd = _body.Length;
            switch (command)
            {
                case EsqlFrom from:
                    indices.AddRange(from.Indices.Select(i => i.Name));
                    Line($"t = {Ops}{(ReadsOnlyNamedFields() ? "FromNamedFields" : "From")}(source, {StringArray(from.Indices.Select(i => i.Name))}, {StringArray(from.Metadata.Select(m => m.Name))}{KnownFields()});");
                    break;
                case EsqlRow row:
                    Line($"t = {Ops}Row({Fields(row.Fields)});");
                    break;
                case EsqlWhere where:
                    Line($"t = {Ops}Where(t, {Lambda(where.Condition)});");
                    break;
                case EsqlEval eval:
                    Line($"t = {Ops}Eval(t, {Fields(eval.Fields)});");
                    break;
                case EsqlStats stats:
                    Line(Stats(stats));
                    aggregating |= !stats.IsInline;
                    break;
                case EsqlProject project:
                    Line($"t = {Ops}{(project.IsDrop ? "Drop" : "Keep")}(t, {string.Join(", ", project.Patterns.Select(p => CSharpLiteral.String(p.Name)))});");
                    break;
                case EsqlRename rename:
                    foreach (var (old, @new) in rename.Renames)
                    {
                        if (_columnTypes.TryGetValue(old.Name, out var renamedType)) _columnTypes[@new.Name] = renamedType;
                        _columnTypes.Remove(old.Name);
                    }
                    Line($"t = {Ops}Rename(t, {string.Join(", ", rename.Renames.Select(r => $"({CSharpLiteral.String(r.Old.Name)}, {CSharpLiteral.String(r.New.Name)})"))});");
                    break;
                case EsqlSort sort:
                    Line($"t = {Ops}Sort(t, {string.Join(", ", sort.Orders.Select(Order))});");
                    break;
                case EsqlLimit limit:
                    hasLimit = true;
                    Line($"t = {Ops}Limit(t, {LimitCount(limit)});");
                    break;
                case EsqlExtract extract:
                    Line(Extract(extract));
                    break;
                case EsqlMvExpand expand:
                    Line($"t = {Ops}MvExpand(t, {CSharpLiteral.String(expand.Field.Name)});");
                    break;
                case EsqlEnrich enrich:
                    Line(Enrich(enrich));
                    break;
                case EsqlLookupJoin join:
                    Line(LookupJoin(join));
                    break;
                case EsqlCompletion completion:
                    // not a gap to close locally: each row's prompt goes to a model behind an inference endpoint
                    throw new EsqlNotExecutableException(
                        $"COMPLETION sends each row's prompt to an LLM inference endpoint{InferenceId(completion)}; no local runtime can answer it, so the rule cannot run here");
                default:
                    throw new EsqlNotExecutableException($"the runtime cannot run ES|QL's {command.Keyword} command yet");
            }
        }
        var split = documentPartEnd ?? _body.Length;
        // Elasticsearch caps a result at 1000 rows without a LIMIT, and at 10000 with one
        Line($"return {Ops}Limit(t, {(hasLimit ? "10000" : Ops + "DefaultLimit")});");

        var members = new StringBuilder();
        foreach (var field in _statics) members.Append(field).Append('\n');
        foreach (var nested in _nestedClasses) members.Append(nested).Append('\n');
        if (_statics.Count > 0 || _nestedClasses.Count > 0) members.Append('\n');
        members.Append($"public override string QueryText => Query;\n");
        members.Append($"public override bool IsAggregating => {CSharpLiteral.Bool(aggregating)};\n");
        members.Append($"public override global::System.Collections.Generic.IReadOnlyList<string> SourceIndices {{ get; }} = {StringArray(indices)};\n");
        members.Append('\n');
        var body = _body.ToString();
        members.Append($"protected override {Sdk}EsqlTable RunDocumentCommands({Sdk}EsqlSource source)\n{{\n");
        members.Append($"    {Sdk}EsqlTable t = null!;\n");
        members.Append(body, 0, split);
        members.Append("    return t;\n}\n\n");
        members.Append($"protected override {Sdk}EsqlTable RunRemainingCommands({Sdk}EsqlSource source, {Sdk}EsqlTable t)\n{{\n");
        members.Append(body, split, body.Length - split);
        members.Append("}\n");
        return members.ToString();
    }

    private void Line(string line) => _body.Append("    ").Append(line).Append('\n');

    private static string StringArray(IEnumerable<string> items) => "[" + string.Join(", ", items.Select(CSharpLiteral.String)) + "]";

    /// <summary>
    /// The index fields the query names whose type the ECS catalog knows: FROM gives them that type,
    /// as a mapping would (so <c>@timestamp</c> is a date even when no event in the window has it).
    /// </summary>
    private string KnownFields()
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        // a name is an index field where it is read before any earlier command creates it (a rule may
        // read host.id in STATS and create a host.id column with EVAL after it)
        var created = new HashSet<string>(StringComparer.Ordinal);
        foreach (var command in _query.Commands)
        {
            if (command is EsqlEval eval)
            {
                // EVAL's fields see the ones before them: EVAL a = 1, b = a reads no index field a
                foreach (var field in eval.Fields)
                {
                    Read(read => { CollectNames(field.Expression, read); CollectNames(field.Filter, read); });
                    created.Add(field.ColumnName);
                }
                continue;
            }
            Read(read => CollectNames(command, read));
            created.UnionWith(CreatedNames(command));
        }
        void Read(Action<ISet<string>> collect)
        {
            var read = new SortedSet<string>(StringComparer.Ordinal);
            collect(read);
            read.ExceptWith(created);
            names.UnionWith(read);
        }
        var known = new List<string>();
        foreach (var name in names)
        {
            if (name.IndexOf('*') >= 0) continue;
            var type = ElasticFieldCatalog.TryGetField(name, out var fieldType) ? RuntimeType(EsqlTypes.FromElastic(fieldType)) : null;
            known.Add($"({CSharpLiteral.String(name)}, {type ?? Sdk + "EsqlDataType.Null"})");
        }
        return known.Count == 0 ? "" : ", " + string.Join(", ", known);
    }

    /// <summary>
    /// True when no field the query does not name can reach its result: a STATS (not INLINE) or a KEEP
    /// of plain names comes before anything that could pass other fields along (a wildcard, ENRICH,
    /// LOOKUP JOIN, or a command this check does not know). FROM then loads only the named fields, as
    /// Elasticsearch loads only the fields a plan needs: a rule that re-runs over a 7-day window every
    /// five minutes does not rebuild every field of every event each time.
    /// </summary>
    private bool ReadsOnlyNamedFields()
    {
        foreach (var command in _query.Commands)
        {
            switch (command)
            {
                case EsqlStats { IsInline: false }:
                    return true;
                case EsqlProject { IsDrop: false } keep when keep.Patterns.All(p => !p.IsPattern):
                    return true;
                case EsqlProject { IsDrop: true }:
                case EsqlRename rename when rename.Renames.All(r => !r.Old.IsPattern):
                case EsqlFrom or EsqlWhere or EsqlEval or EsqlSort or EsqlLimit or EsqlExtract or EsqlMvExpand:
                    continue;
                default:
                    return false;
            }
        }
        return false;
    }

    /// <summary>The columns one command creates (not index fields).</summary>
    private static IEnumerable<string> CreatedNames(EsqlCommand command)
    {
        switch (command)
        {
            case EsqlEval eval: foreach (var f in eval.Fields) yield return f.ColumnName; break;
            case EsqlRow row: foreach (var f in row.Fields) yield return f.ColumnName; break;
            case EsqlStats stats:
                foreach (var f in stats.Aggregates) yield return f.ColumnName;
                foreach (var f in stats.Groups) if (f.Name is not null) yield return f.ColumnName;
                break;
            case EsqlRename rename: foreach (var (_, @new) in rename.Renames) yield return @new.Name; break;
            case EsqlExtract extract:
                foreach (var pattern in extract.Patterns)
                {
                    var columns = extract.IsGrok ? ExtractionPatterns.GrokColumns(pattern.Value) : ExtractionPatterns.DissectColumns(pattern.Value);
                    foreach (var (name, _) in columns) yield return name;
                }
                break;
            case EsqlEnrich { With: { } with }: foreach (var (n, f) in with) yield return (n ?? f).Name; break;
        }
    }

    /// <summary>The column names an expression reads.</summary>
    private static void CollectNames(EsqlExpression? expression, ISet<string> names)
    {
        switch (expression)
        {
            case EsqlColumnReference c: names.Add(c.Name.Name); break;
            case EsqlFunctionCall f: foreach (var a in f.Arguments) CollectNames(a, names); break;
            case EsqlUnary u: CollectNames(u.Operand, names); break;
            case EsqlBinary b: CollectNames(b.Left, names); CollectNames(b.Right, names); break;
            case EsqlIn i: CollectNames(i.Value, names); foreach (var x in i.List) CollectNames(x, names); break;
            case EsqlPatternMatch p: CollectNames(p.Value, names); break;
            case EsqlIsNull n: CollectNames(n.Value, names); break;
            case EsqlCast c: CollectNames(c.Value, names); break;
        }
    }

    /// <summary>The column names a command reads.</summary>
    private static void CollectNames(EsqlCommand command, ISet<string> names)
    {
        void Fields(IEnumerable<EsqlField> fields)
        {
            foreach (var f in fields) { CollectNames(f.Expression, names); CollectNames(f.Filter, names); }
        }
        switch (command)
        {
            case EsqlWhere w: CollectNames(w.Condition, names); break;
            case EsqlEval e: Fields(e.Fields); break;
            case EsqlStats s: Fields(s.Aggregates); Fields(s.Groups); break;
            case EsqlSort s: foreach (var o in s.Orders) CollectNames(o.Expression, names); break;
            case EsqlExtract x: CollectNames(x.Input, names); break;
            case EsqlMvExpand m: names.Add(m.Field.Name); break;
            case EsqlProject p: foreach (var n in p.Patterns) if (!n.IsPattern) names.Add(n.Name); break;
            case EsqlRename r: foreach (var (old, _) in r.Renames) names.Add(old.Name); break;
        }
    }

    private string Fields(IEnumerable<EsqlField> fields)
    {
        var emitted = new List<string>();
        foreach (var field in fields)
        {
            emitted.Add(Field(field.ColumnName, field.Expression));
            _columnTypes[field.ColumnName] = StaticType(field.Expression);
        }
        return string.Join(", ", emitted);
    }

    private string Field(string name, EsqlExpression expression)
    {
        var copy = TypeSource(expression) is { } source ? ", CopyOf: " + CSharpLiteral.String(source) : "";
        var type = RuntimeType(StaticType(expression)) is { } t ? ", Type: " + t : "";
        return $"new {Sdk}EsqlField({CSharpLiteral.String(name)}, {Lambda(expression)}{type}{copy})";
    }

    /// <summary>
    /// The column whose type the expression's value has whatever the rows hold: the column itself, or
    /// the column of arithmetic with a null literal (<c>salary + null</c> is a null integer when salary is
    /// an integer, a type the compiler cannot know without the index mapping).
    /// </summary>
    private static string? TypeSource(EsqlExpression expression) => expression switch
    {
        EsqlColumnReference reference => reference.Name.Name,
        EsqlBinary { IsArithmetic: true, Right: EsqlLiteral { Kind: EsqlLiteralKind.Null } } binary => TypeSource(binary.Left),
        EsqlBinary { IsArithmetic: true, Left: EsqlLiteral { Kind: EsqlLiteralKind.Null } } binary => TypeSource(binary.Right),
        _ => null,
    };

    private string Order(EsqlOrder order)
    {
        var nulls = order.Nulls switch
        {
            EsqlNullsOrder.First => ", NullsFirst: true",
            EsqlNullsOrder.Last => ", NullsFirst: false",
            _ => "",
        };
        return $"new {Ops}Order({Lambda(order.Expression)}{(order.Descending ? ", Descending: true" : "")}{nulls})";
    }

    private static string LimitCount(EsqlLimit limit)
    {
        if (limit.Count is EsqlLiteral { Kind: EsqlLiteralKind.Integer } literal && int.TryParse(literal.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            return count.ToString(CultureInfo.InvariantCulture);
        throw new EsqlNotExecutableException("LIMIT takes an integer constant");
    }

    private string Extract(EsqlExtract extract)
    {
        if (extract.IsGrok)
        {
            if (extract.Patterns.Count != 1) throw new EsqlNotExecutableException("GROK with several patterns is not supported yet");
            var grok = Static("EsqlGrokPattern", $"new {Sdk}EsqlGrokPattern({CSharpLiteral.String(extract.Patterns[0].Value)})");
            return $"t = {Ops}Grok(t, {Lambda(extract.Input)}, {grok});";
        }
        var separator = extract.Options.FirstOrDefault()?.Expression is EsqlLiteral { Kind: EsqlLiteralKind.String } s ? s.Value : "";
        var dissect = Static("EsqlDissectPattern", $"new {Sdk}EsqlDissectPattern({CSharpLiteral.String(extract.Patterns[0].Value)}, {CSharpLiteral.String(separator)})");
        return $"t = {Ops}Dissect(t, {Lambda(extract.Input)}, {dissect});";
    }

    /// <summary>" (inference_id x)" when COMPLETION's WITH map names its endpoint.</summary>
    private static string InferenceId(EsqlCompletion completion)
        => completion.Options is EsqlMap map && map.Entries.FirstOrDefault(e => e.Key == "inference_id").Value is EsqlLiteral { Kind: EsqlLiteralKind.String } id
            ? $" ({id.Value})"
            : "";

    private string Enrich(EsqlEnrich enrich)
    {
        var with = enrich.With is null ? "" : ", " + string.Join(", ", enrich.With.Select(w => $"({CSharpLiteral.String((w.New ?? w.Field).Name)}, {CSharpLiteral.String(w.Field.Name)})"));
        var on = enrich.On is null ? "null" : CSharpLiteral.String(enrich.On.Name);
        return $"t = {Ops}Enrich(source, t, {CSharpLiteral.String(enrich.Policy.Name)}, {on}{with});";
    }

    private string LookupJoin(EsqlLookupJoin join)
    {
        var fields = new List<string>();
        foreach (var condition in join.On)
        {
            if (condition is not EsqlColumnReference column)
                throw new EsqlNotExecutableException("LOOKUP JOIN with a join condition other than field names is not supported yet");
            fields.Add(CSharpLiteral.String(column.Name.Name));
        }
        return $"t = {Ops}LookupJoin(source, t, {CSharpLiteral.String(join.Index.Name)}, {string.Join(", ", fields)});";
    }

    /// <summary>A static field for a constant that is costly to build; equal constants share one field.</summary>
    private string Static(string type, string initializer)
    {
        if (_staticByInitializer.TryGetValue(initializer, out var existing)) return existing;
        var name = "Constant" + _statics.Count.ToString(CultureInfo.InvariantCulture);
        if (type == "object")
        {
            // a value from the query text (a time span) is built on first use: a bad one fails the run, not the rule's loading
            _statics.Add($"private static readonly global::System.Lazy<object> {name} = new(() => {initializer});");
            name += ".Value";
        }
        else _statics.Add($"private static readonly {Sdk}{type} {name} = {initializer};");
        _staticByInitializer[initializer] = name;
        return name;
    }

    internal static string? RuntimeType(EsqlType type) => type switch
    {
        EsqlType.Boolean => Sdk + "EsqlDataType.Boolean",
        EsqlType.Integer => Sdk + "EsqlDataType.Integer",
        EsqlType.Long => Sdk + "EsqlDataType.Long",
        EsqlType.Double => Sdk + "EsqlDataType.Double",
        EsqlType.Keyword => Sdk + "EsqlDataType.Keyword",
        EsqlType.Text => Sdk + "EsqlDataType.Text",
        EsqlType.Date => Sdk + "EsqlDataType.Date",
        EsqlType.Ip => Sdk + "EsqlDataType.Ip",
        EsqlType.Version => Sdk + "EsqlDataType.Version",
        EsqlType.Null => Sdk + "EsqlDataType.Null",
        EsqlType.GeoPoint => Sdk + "EsqlDataType.GeoPoint",
        _ => null,
    };
}

/// <summary>A construct the runtime cannot run yet: the rule compiles and says so instead of running.</summary>
internal sealed class EsqlNotExecutableException : Exception
{
    public EsqlNotExecutableException(string reason) : base(reason) { }
}
