using System.Collections.Generic;
using System.Linq;
using System.Text;
using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Kusto.Binding;
using AzureRules.Generators.Model;
using AzureRules.Generators.Kusto.Syntax;
using DiagnosticDescriptor = Microsoft.CodeAnalysis.DiagnosticDescriptor;
using static AzureRules.Generators.Kusto.Emit.KustoRuntimeNames;

namespace AzureRules.Generators.Kusto.Emit;

/// <summary>
/// Emits the body of <c>KustoDetection.Execute</c> from the bound query: the syntax tree walked with the
/// binder's <see cref="KustoSemanticModel"/>, which says what every name refers to, which expressions are
/// tables, which catalog entry a call is and how a join is keyed; the emitter resolves no name itself.
/// Each statement and each tabular operator becomes one C# statement calling the runtime's operator, with
/// the operator's expressions compiled into binders (column slots resolved once per operator execution,
/// then a lambda per row). Constants are static fields of the class (<see cref="KustoConstants"/>).
/// Constructs the runtime cannot execute are reported (AR0350-AR0353) and emitted as placeholders, so
/// one pass reports all of them.
/// </summary>
internal sealed partial class KustoQueryEmitter
{
    private const int MaxInlineDepth = 16;

    private readonly KustoSyntaxTree _tree;
    private readonly KustoSemanticModel _model;
    private readonly KustoConstants _constants = new();
    /// <summary>The C# each let-bound value and parameter stands for, by the binder's symbol.</summary>
    private readonly Dictionary<LocalSymbol, EmittedLocal> _locals = new(ReferenceComparer<LocalSymbol>.Instance);
    private StringBuilder _body = new();
    /// <summary>The workspace tables the emitted code reads by name; unknown when one is read by a computed name.</summary>
    private readonly SortedSet<string> _readTables = new(System.StringComparer.Ordinal);
    private bool _readsComputedTable;
    private readonly List<QueryDiagnostic> _unsupported = [];
    private int _counter;
    private int _inlineDepth;
    /// <summary>The binder's instance being emitted: 0 for the query, another inside an expanded let-bound function.</summary>
    private int _instance;

    private KustoQueryEmitter(KustoSyntaxTree tree, KustoSemanticModel model)
    {
        _tree = tree;
        _model = model;
        _text = tree.Text;
    }

    /// <summary>The class members (Execute and the constants it reads), and the constructs that cannot be executed (empty when it can run).</summary>
    public static (string Members, IReadOnlyList<QueryDiagnostic> Unsupported) Emit(KustoSyntaxTree tree, KustoSemanticModel model)
    {
        var emitter = new KustoQueryEmitter(tree, model);
        var result = emitter.EmitBlock(tree.Root);
        var members = new StringBuilder();
        members.Append($"public override {Table} Execute({Context} context)\n{{\n");
        members.Append($"    var __now = {Value}.From(context.Now);\n");
        members.Append(emitter._body);
        members.Append($"    return {result}.Materialized();\n}}\n");
        emitter._constants.AppendFields(members);
        emitter.AppendReadTables(members);
        return (members.ToString(), emitter._unsupported);
    }

    /// <summary>
    /// <c>ReadTables</c>: exactly the tables the emitted code reads, so the engine stores no other table for
    /// this rule; left unset (every table) when the query names a table by a computed string.
    /// </summary>
    private void AppendReadTables(StringBuilder members)
    {
        if (_readsComputedTable) return;
        const string Set = "global::System.Collections.Generic.IReadOnlySet<string>";
        var names = string.Join(", ", _readTables.Select(CSharpLiteralAlias.String));
        members.Append($"\npublic override {Set}? ReadTables => ReadTableNames;\n\n");
        members.Append($"private static readonly {Set} ReadTableNames = new global::System.Collections.Generic.HashSet<string>(global::System.StringComparer.Ordinal) {{ {names} }};\n");
    }

    internal string NewName(string prefix) => prefix + (++_counter).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private void Statement(string text) => _body.Append("    ").Append(text).Append('\n');

    /// <summary>Declares a local holding a table and returns its name.</summary>
    private string TableLocal(string expression)
    {
        var local = NewName("t");
        Statement($"var {local} = {expression};");
        return local;
    }

    /// <summary>
    /// Reports a construct the runtime cannot execute. Inside a workspace function's body (whose text is not the
    /// rule's) it is reported at the rule's call of that function, naming the function.
    /// </summary>
    private void Unsupported(SyntaxNode node, DiagnosticDescriptor descriptor, string argument)
    {
        if (_model.IsUnresolved(_instance, node)) _unresolvedCalls++;
        if (_workspaceCall is { } call)
        {
            node = call.Node;
            argument += $" (in workspace function {call.Name}, {System.IO.Path.GetFileName(call.Path)})";
        }
        _unsupported.Add(QueryDiagnostic.Create(descriptor, node.Span.Start, node.Span.Length, argument));
    }

    /// <summary>How many calls of functions the workspace does not have were met (a fuzzy union drops their legs).</summary>
    private int _unresolvedCalls;

    /// <summary>The rule's outermost call of a workspace function being expanded, if any.</summary>
    private (SyntaxNode Node, string Name, string Path)? _workspaceCall;

    /// <summary>The text the nodes being emitted are spans of: the query's, or a workspace function's.</summary>
    private string _text;

    /// <summary>Enters the expansion of <paramref name="function"/>; returns what <see cref="LeaveWorkspace"/> restores.</summary>
    private ((SyntaxNode Node, string Name, string Path)? Call, string Text) EnterWorkspace(LocalFunction function, SyntaxNode callNode)
    {
        var saved = (_workspaceCall, _text);
        if (function.WorkspacePath is { } path)
        {
            _workspaceCall ??= (callNode, function.Name, path);
            _text = function.WorkspaceText ?? _text;
        }
        return saved;
    }

    private void LeaveWorkspace(((SyntaxNode Node, string Name, string Path)? Call, string Text) saved)
        => (_workspaceCall, _text) = saved;

    private string UnsupportedTable(SyntaxNode node, DiagnosticDescriptor descriptor, string argument)
    {
        Unsupported(node, descriptor, argument);
        return $"{Table}.Empty";
    }

    private string UnsupportedScalar(SyntaxNode node, DiagnosticDescriptor descriptor, string argument)
    {
        Unsupported(node, descriptor, argument);
        return $"{Value}.Null";
    }

    // ---- statements -------------------------------------------------------------------------------

    /// <summary>Emits a block's statements; returns the C# expression of its first tabular result.</summary>
    private string EmitBlock(QueryBlock block)
    {
        string? result = null;
        foreach (var statement in block.Statements)
        {
            switch (statement)
            {
                case LetStatement let:
                    EmitLet(let);
                    break;
                case SetStatement:
                    break; // request properties do not change results
                case DeclareQueryParametersStatement declare:
                    EmitQueryParameters(declare);
                    break;
                case ExpressionStatement { Expression: var expression }:
                    if (!IsTabular(expression))
                    {
                        Unsupported(expression, DiagnosticDescriptors.KustoUnsupportedConstruct, "A query whose result is a scalar expression");
                        break;
                    }
                    var table = Tabular(expression);
                    result ??= table;
                    break;
                default:
                    Unsupported(statement, DiagnosticDescriptors.KustoUnsupportedConstruct, "This statement");
                    break;
            }
        }
        if (result is null && _unsupported.Count == 0)
            Unsupported(block, DiagnosticDescriptors.KustoUnsupportedConstruct, "A query without a tabular expression");
        return result ?? $"{Table}.Empty";
    }

    /// <summary>A let: a table becomes a local, a scalar a local computed once; a function is expanded where it is called.</summary>
    private void EmitLet(LetStatement let)
    {
        if (let.Value is FunctionDefinition) return;
        if (_model.DeclarationOf(_instance, let) is not { } symbol)
        {
            Unsupported(let, DiagnosticDescriptors.KustoUnsupportedConstruct, "A let the binder did not bind");
            return;
        }
        if (IsTabular(let.Value))
        {
            _locals[symbol] = new EmittedLocal(Tabular(let.Value), IsTable: true);
            return;
        }
        var local = NewName("v");
        Statement($"var {local} = {Scalar(let.Value, row: null)};");
        _locals[symbol] = new EmittedLocal(local, IsTable: false);
    }

    /// <summary>
    /// <c>declare query_parameters(name:type = default, …)</c>: a rule runs without a client to pass values, so
    /// each parameter takes its default, as a let would; one without a default cannot run.
    /// </summary>
    private void EmitQueryParameters(DeclareQueryParametersStatement declare)
    {
        foreach (var parameter in declare.Parameters)
        {
            if (parameter.Default is null || parameter.Type is SchemaExpression || _model.DeclarationOf(_instance, parameter) is not { } symbol)
            {
                Unsupported(parameter, DiagnosticDescriptors.KustoUnsupportedConstruct, $"The query parameter '{parameter.Name.Name}' without a default value");
                continue;
            }
            var local = NewName("v");
            var value = Scalar(parameter.Default, row: null);
            // the default converts to the declared type (a string default of a timespan parameter is that timespan)
            if (parameter.Type is TypeExpression type) value = $"{Convert}.To({KustoLiterals.TypeOf(type.Name)}, {value})";
            Statement($"var {local} = {value};");
            _locals[symbol] = new EmittedLocal(local, IsTable: false);
        }
    }

    /// <summary>Whether the binder found an expression to be a table (pipes, tabular operators, tables, functions returning one).</summary>
    private bool IsTabular(Expression expression) => expression switch
    {
        PipeExpression or QueryOperator => true,
        ParenthesizedExpression p => IsTabular(p.Expression),
        _ => _model.IsTabular(_instance, expression),
    };

    /// <summary>
    /// Emits a contextual subquery (mv-apply's <c>on (…)</c>) as a local <c>Func&lt;KustoTable, KustoTable&gt;</c>
    /// whose parameter is the subquery's input; returns the local's name.
    /// </summary>
    private string SubqueryFunction(Expression subquery)
    {
        while (subquery is ParenthesizedExpression p) subquery = p.Expression;
        var saved = _body;
        _body = new StringBuilder();
        var input = NewName("t");
        string result;
        if (subquery is PipeExpression { Source: null } pipe)
        {
            result = input;
            foreach (var op in pipe.Operators) result = Operator(op, result);
        }
        else if (subquery is QueryOperator op)
        {
            result = Operator(op, input);
        }
        else
        {
            result = UnsupportedTable(subquery, DiagnosticDescriptors.KustoUnsupportedConstruct, "This subquery");
        }
        var inner = _body.ToString();
        _body = saved;
        var local = NewName("f");
        Statement($"global::System.Func<{Table}, {Table}> {local} = {input} =>");
        Statement("{");
        foreach (var line in inner.Split('\n')) if (line.Length > 0) Statement(line);
        Statement($"    return {result};");
        Statement("};");
        return local;
    }

    // ---- let-bound functions ----------------------------------------------------------------------

    /// <summary>
    /// Prepares the expansion of a let-bound function at <paramref name="call"/>: the body instance the
    /// binder bound for this call, with each parameter's symbol mapped to the argument's C# (a scalar
    /// argument is inlined where the body uses it; a tabular one is a local). Null when it cannot be expanded.
    /// </summary>
    private int? EnterCall(LocalFunction function, SyntaxNode callNode, FunctionCallExpression call, RowScope? row, string? pipedTable)
    {
        if (_inlineDepth >= MaxInlineDepth || _model.CallInstance(_instance, callNode) is not { } body)
        {
            Unsupported(call, DiagnosticDescriptors.KustoUnsupportedConstruct, "Recursive or deeply nested function calls");
            return null;
        }
        var parameters = function.Definition.Parameters;
        var piped = pipedTable is not null && parameters.Count > 0 && parameters[0].Type is SchemaExpression;
        var match = FunctionArguments.Match(parameters, call.Arguments, skip: piped ? 1 : 0);
        for (var p = 0; p < parameters.Count; p++)
        {
            var parameter = parameters[p];
            if (_model.DeclarationOf(body, parameter) is not { } symbol)
            {
                Unsupported(call, DiagnosticDescriptors.KustoUnsupportedConstruct, "A function call the binder did not bind");
                return null;
            }
            if (p == 0 && piped)
            {
                _locals[symbol] = new EmittedLocal(pipedTable!, IsTable: true);
                continue;
            }
            var isDefault = match[p] < 0;
            var argument = isDefault ? parameter.Default : FunctionArguments.Value(call.Arguments[match[p]]);
            if (argument is null)
            {
                Unsupported(call, DiagnosticDescriptors.KustoUnsupportedConstruct, $"A call without a value for parameter '{parameter.Name.Name}'");
                return null;
            }
            // an argument is bound where the call is, a default value inside the function
            var argumentInstance = isDefault ? body : _instance;
            var saved = _instance;
            _instance = argumentInstance;
            try
            {
                _locals[symbol] = parameter.Type is SchemaExpression
                    ? new EmittedLocal(Tabular(argument), IsTable: true)
                    : new EmittedLocal("(" + Scalar(argument, row) + ")", IsTable: false);
            }
            finally { _instance = saved; }
        }
        return body;
    }

    private string InlineTabularFunction(LocalFunction function, SyntaxNode callNode, FunctionCallExpression call, string? pipedTable = null)
    {
        if (EnterCall(function, callNode, call, row: null, pipedTable) is not { } body) return $"{Table}.Empty";
        var caller = _instance;
        var workspace = EnterWorkspace(function, callNode);
        _instance = body;
        _inlineDepth++;
        try { return EmitBlock(function.Definition.Body); }
        finally
        {
            _inlineDepth--;
            _instance = caller;
            LeaveWorkspace(workspace);
        }
    }

    private string InlineScalarFunction(LocalFunction function, SyntaxNode callNode, FunctionCallExpression call, RowScope? row)
    {
        if (EnterCall(function, callNode, call, row, pipedTable: null) is not { } body) return $"{Value}.Null";
        var caller = _instance;
        var workspace = EnterWorkspace(function, callNode);
        _instance = body;
        _inlineDepth++;
        try
        {
            string? result = null;
            foreach (var statement in function.Definition.Body.Statements)
            {
                switch (statement)
                {
                    case LetStatement { Value: FunctionDefinition }:
                        break;
                    case LetStatement let when _model.DeclarationOf(_instance, let) is { } symbol:
                        // inside a per-row expression a let is inlined where it is used
                        _locals[symbol] = new EmittedLocal("(" + Scalar(let.Value, row) + ")", IsTable: false);
                        break;
                    case ExpressionStatement e:
                        result ??= Scalar(e.Expression, row);
                        break;
                }
            }
            return result ?? UnsupportedScalar(call, DiagnosticDescriptors.KustoUnsupportedConstruct, "A function without a result");
        }
        finally
        {
            _inlineDepth--;
            _instance = caller;
            LeaveWorkspace(workspace);
        }
    }

    /// <summary>What a let-bound value or parameter is in the emitted code: a table local, or a scalar's C# expression.</summary>
    private sealed record EmittedLocal(string CSharp, bool IsTable);
}
