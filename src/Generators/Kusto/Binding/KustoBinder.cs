using System.Collections.Generic;
using System.Collections.Immutable;
using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Kusto.Symbols;
using AzureRules.Generators.Kusto.Syntax;
using AzureRules.Generators.Model;

namespace AzureRules.Generators.Kusto.Binding;

/// <summary>
/// Resolves the names of a parsed Kusto query (tables, columns, let-bound values and functions, stored
/// functions, built-in functions), infers expression types and computes each operator's output schema, so
/// the rule compiler knows the columns a query returns. Reports only what is certainly wrong: a name that
/// resolves nowhere while the columns in scope are fully known, a call with an impossible argument count,
/// an argument whose type can never convert. Anything the binder cannot know stays silent.
/// The layers: this file walks statements and tabular expressions; KustoBinder.Operators.cs gives each
/// query operator its output schema (join, summarize, … in their own files); KustoBinder.Expressions.cs and
/// KustoBinder.Calls.cs type scalar expressions and function calls.
/// </summary>
internal sealed partial class KustoBinder
{
    private readonly KustoGlobals _globals;
    private readonly List<QueryDiagnostic> _diagnostics = new();
    private readonly HashSet<(string, int)> _reported = new();
    private readonly KustoSemanticModel _model = new();
    private readonly Dictionary<string, TableSchema> _sourceSchemas = new(System.StringComparer.Ordinal);
    private int _suppress;
    /// <summary>The instance being bound: 0 for the query, a new one for each expansion of a let-bound function's body.</summary>
    private int _instance;
    private int _instanceCount;

    private KustoBinder(KustoGlobals globals) => _globals = globals;

    /// <summary>Binds <paramref name="tree"/> against the tables and functions of <paramref name="globals"/>.</summary>
    public static KustoBoundResult Bind(KustoSyntaxTree tree, KustoGlobals globals)
    {
        var binder = new KustoBinder(globals);
        TableSchema? output;
        var complete = true;
        try
        {
            output = binder.BindBlock(tree.Root, new Scope(WorkspaceScope(globals))).Table;
        }
        catch (System.Exception) when (!System.Diagnostics.Debugger.IsAttached)
        {
            // the generator must never throw; a binder bug costs the check and the execution, not the build
            output = TableSchema.Unknown;
            complete = false;
        }
        return new KustoBoundResult(output, binder._diagnostics.ToImmutableArray()) { Model = binder._model, IsComplete = complete };
    }

    /// <summary>
    /// The workspace functions as let-bound functions of a scope around the query's: a query's own let of the
    /// same name shadows one, and their bodies call each other through it.
    /// </summary>
    private static Scope? WorkspaceScope(KustoGlobals globals)
    {
        if (globals.WorkspaceFunctions.Count == 0) return null;
        var scope = new Scope(null);
        foreach (var function in globals.WorkspaceFunctions)
            scope.Declare(new LocalFunction(function.Name, function.Definition, scope) { WorkspacePath = function.Path, WorkspaceText = function.Text });
        return scope;
    }

    /// <summary>Binds the statements of a query or function body; the value is the last expression statement's.</summary>
    private BoundValue BindBlock(QueryBlock block, Scope scope)
    {
        var result = BoundValue.Unknown;
        foreach (var statement in block.Statements)
        {
            switch (statement)
            {
                case LetStatement let:
                    BindLet(let, scope);
                    break;
                case DeclareQueryParametersStatement declare:
                    foreach (var p in declare.Parameters)
                        Declare(scope, p, new LocalValue(p.Name.Name, ParameterValue(p, null)));
                    break;
                case ExpressionStatement expression:
                    result = BindAny(expression.Expression, scope, RowContext.None);
                    // the query's result: every column of it reaches the alert
                    if (_instance == 0 && result.Table is { } table) _model.Reads.ReadAll(table);
                    break;
            }
        }
        return result;
    }

    private void BindLet(LetStatement let, Scope scope)
    {
        if (let.Value is FunctionDefinition definition)
        {
            // Bind the body once with the declared parameter types, so errors inside are reported even if
            // the function is never called; calls re-bind it silently with the actual argument schemas.
            BindFunctionBody(definition, scope, arguments: null, call: null);
            Declare(scope, let, new LocalFunction(let.Name.Name, definition, scope));
            return;
        }
        Declare(scope, let, new LocalValue(let.Name.Name, BindAny(let.Value, scope, RowContext.None)));
    }

    private void Declare(Scope scope, SyntaxNode declaration, LocalSymbol symbol)
    {
        scope.Declare(symbol);
        _model.AddDeclaration(_instance, declaration, symbol);
    }

    /// <summary>
    /// Binds a function's body in a new instance: once where it is defined (<paramref name="arguments"/> null,
    /// to report errors inside even if it is never called), and again for each <paramref name="call"/>
    /// with the arguments' values, which is the binding the emitter expands there.
    /// </summary>
    private BoundValue BindFunctionBody(FunctionDefinition definition, Scope definitionScope, IReadOnlyList<BoundValue?>? arguments, SyntaxNode? call)
    {
        var caller = _instance;
        var body = ++_instanceCount;
        if (call is not null) _model.AddCall(caller, call, body);
        _instance = body;
        var bodyScope = new Scope(definitionScope);
        for (var i = 0; i < definition.Parameters.Count; i++)
        {
            var parameter = definition.Parameters[i];
            var argument = arguments is not null && i < arguments.Count ? arguments[i] : null;
            Declare(bodyScope, parameter, new LocalValue(parameter.Name.Name, ParameterValue(parameter, argument)));
        }
        if (arguments is not null) _suppress++;
        try { return BindBlock(definition.Body, bodyScope); }
        finally
        {
            if (arguments is not null) _suppress--;
            _instance = caller;
        }
    }

    /// <summary>The value a parameter stands for: its declared type, or for an open tabular parameter <c>T:(*)</c> the argument's schema.</summary>
    private BoundValue ParameterValue(Syntax.FunctionParameter parameter, BoundValue? argument)
    {
        switch (parameter.Type)
        {
            case SchemaExpression schema:
                if (argument is { Table: { } actual }) return BoundValue.Of(schema.IsOpen ? actual : DeclaredSchema(schema).Columns.IsEmpty ? actual : DeclaredSchema(schema).AsOpen());
                return BoundValue.Of(schema.IsOpen ? TableSchema.Unknown : DeclaredSchema(schema).AsOpen());
            case TypeExpression type:
                return BoundValue.Of(ScalarTypes.TryParse(type.Name, out var scalar) ? scalar : ScalarType.Unknown);
            default:
                return argument ?? BoundValue.Unknown;
        }
    }

    private static TableSchema DeclaredSchema(SchemaExpression schema)
    {
        var columns = new List<ColumnSymbol>();
        foreach (var column in schema.Columns)
            columns.Add(new ColumnSymbol(column.Name.Name, column.Type is { } t && ScalarTypes.TryParse(t.Name, out var type) ? type : ScalarType.String));
        return TableSchema.Of(columns, schema.IsOpen);
    }

    /// <summary>Binds an expression that may be tabular or scalar (a let's value, a statement, an argument).</summary>
    private BoundValue BindAny(Expression expression, Scope scope, RowContext row)
    {
        BoundValue value;
        if (IsTabularSyntax(expression, scope)) value = BoundValue.Of(BindTabular(expression, scope));
        else if (expression is FunctionCallExpression call) value = BindCall(call, scope, row, allowAggregates: false);
        else if (expression is NameReference name) value = BindName(name, scope, row);
        else return BoundValue.Of(BindScalar(expression, scope, row));
        _model.AddValue(_instance, expression, value);
        return value;
    }

    /// <summary>Whether the expression is a table by its shape or its name (a pipe, an operator, a table name).</summary>
    private bool IsTabularSyntax(Expression expression, Scope scope) => expression switch
    {
        PipeExpression or QueryOperator => true,
        ParenthesizedExpression p => IsTabularSyntax(p.Expression, scope),
        NameReference name => scope.Find(name.Name) switch
        {
            LocalValue value => value.Value.IsTabular,
            LocalFunction => false, // a parameterless function named without parentheses: BindName calls it
            _ => _globals.FindTable(name.Name) is not null || _globals.FindFunction(name.Name) is not null,
        },
        WildcardName => true,
        _ => false,
    };

    /// <summary>Binds a tabular expression and returns its schema.</summary>
    private TableSchema BindTabular(Expression expression, Scope scope)
    {
        var schema = BindTabularCore(expression, scope);
        _model.AddValue(_instance, expression, BoundValue.Of(schema));
        return schema;
    }

    private TableSchema BindTabularCore(Expression expression, Scope scope)
    {
        switch (expression)
        {
            case PipeExpression pipe:
            {
                var schema = pipe.Source is null ? TableSchema.Unknown : BindTabular(pipe.Source, scope);
                foreach (var op in pipe.Operators) schema = BindOperator(op, schema, scope);
                return schema;
            }
            case ParenthesizedExpression parenthesized:
                return BindTabular(parenthesized.Expression, scope);
            case UnionOperator union:
                return Union(TableSchema.Empty, union, scope, hasInput: false);
            case QueryOperator op:
                return BindOperator(op, TableSchema.Unknown, scope);
            case NameReference name:
                return ResolveTabularName(name, scope);
            case WildcardName wildcard:
                return UnionSchema(ExpandWildcard(wildcard.Pattern), withSource: null);
            case FunctionCallExpression call:
                return BindCall(call, scope, RowContext.None, allowAggregates: false).Table ?? TableSchema.Unknown;
            default:
                BindScalar(expression, scope, RowContext.None);
                return TableSchema.Unknown;
        }
    }

    private TableSchema ResolveTabularName(NameReference name, Scope scope)
    {
        var local = scope.Find(name.Name);
        if (local is not null) _model.AddReference(_instance, name, local);
        switch (local)
        {
            case LocalValue { Value.Table: { } table }:
                return table;
            case LocalValue:
                return TableSchema.Unknown;
            case LocalFunction function:
                return CallLocalFunction(function, new List<BoundValue?>(), name);
        }
        if (_globals.FindTable(name.Name) is { } global) return Read(global);
        if (_globals.FindFunction(name.Name) is { } stored) return stored.Result;
        Report(DiagnosticDescriptors.KustoUnknownTable, name.Span, name.Name);
        return TableSchema.Unknown;
    }

    /// <summary>
    /// A workspace table read by the query: recorded in the model, and its schema with each column's
    /// origin, carrying the table's rows (<see cref="TableSchema.Carries"/>).
    /// </summary>
    private TableSchema Read(TableSymbol table)
    {
        _model.AddTable(table);
        return SourceSchema(table);
    }

    private TableSchema SourceSchema(TableSymbol table)
    {
        if (_sourceSchemas.TryGetValue(table.Name, out var schema)) return schema;
        var columns = new List<ColumnSymbol>(table.Schema.Columns.Count);
        foreach (var column in table.Schema.Columns)
            columns.Add(column with { Origins = ImmutableArray.Create(new ColumnOrigin(table.Name, column.Name)) });
        // a new schema, not `with`: that would copy the name index of the original columns
        schema = new TableSchema(columns.ToImmutableArray(), table.Schema.IsOpen) { IsPartial = table.Schema.IsPartial, Carries = ImmutableArray.Create(table.Name) };
        _sourceSchemas[table.Name] = schema;
        return schema;
    }

    private IEnumerable<TableSchema> ExpandWildcard(string pattern)
    {
        var regex = new System.Text.RegularExpressions.Regex(
            "^" + System.Text.RegularExpressions.Regex.Escape(pattern).Replace("\\*", ".*") + "$");
        var any = false;
        foreach (var table in _globals.Tables)
        {
            if (!regex.IsMatch(table.Name)) continue;
            any = true;
            yield return SourceSchema(table);
        }
        // a wildcard over tables nobody publishes may still match in a real workspace
        if (!any) yield return TableSchema.Unknown;
    }

    /// <summary>A column name missing from <paramref name="schema"/>: silent if it is open, a warning if partial, else an error.</summary>
    private void ReportMissingColumn(TableSchema schema, TextRange span, string name)
    {
        _model.Reads.ReadName(name);
        if (schema.IsOpen) return;
        Report(schema.IsPartial ? DiagnosticDescriptors.KustoColumnNotInPublishedSchema : DiagnosticDescriptors.KustoUnknownColumn, span, name);
    }

    private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, TextRange span, params string[] arguments)
    {
        if (_suppress > 0 || !_reported.Add((descriptor.Id, span.Start))) return;
        _diagnostics.Add(QueryDiagnostic.Create(descriptor, span.Start, span.Length, arguments));
    }
}
