using System.Collections.Generic;
using System.Linq;
using System.Text;
using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Kusto.Syntax;
using DiagnosticDescriptor = Microsoft.CodeAnalysis.DiagnosticDescriptor;
using static AzureRules.Generators.Kusto.Emit.KustoRuntimeNames;

namespace AzureRules.Generators.Kusto.Emit;

/// <summary>
/// Emits the body of <c>KustoDetection.Execute</c> from a parsed query: each statement and each
/// tabular operator becomes one C# statement calling the runtime's operator, with the operator's
/// expressions compiled into binders (column slots resolved once per operator execution, then a
/// lambda per row). Constructs the runtime cannot execute are reported (AR0350-AR0353) and emitted
/// as placeholders, so one pass reports all of them.
/// </summary>
internal sealed partial class KustoQueryEmitter
{
    private const int MaxInlineDepth = 16;

    private readonly KustoSyntaxTree _tree;
    private StringBuilder _body = new();
    private readonly List<QueryDiagnostic> _unsupported = [];
    private int _counter;
    private int _inlineDepth;

    private KustoQueryEmitter(KustoSyntaxTree tree) => _tree = tree;

    /// <summary>The method's members, and the constructs that cannot be executed (empty when it can run).</summary>
    public static (string Members, IReadOnlyList<QueryDiagnostic> Unsupported) Emit(KustoSyntaxTree tree)
    {
        var emitter = new KustoQueryEmitter(tree);
        var result = emitter.EmitBlock(tree.Root, new KustoScope(null));
        var members = new StringBuilder();
        members.Append($"public override {Table} Execute({Context} context)\n{{\n");
        members.Append($"    var __now = {Value}.From(context.Now);\n");
        members.Append(emitter._body);
        members.Append($"    return {result};\n}}\n");
        return (members.ToString(), emitter._unsupported);
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

    private void Unsupported(SyntaxNode node, DiagnosticDescriptor descriptor, string argument)
        => _unsupported.Add(QueryDiagnostic.Create(descriptor, node.Span.Start, node.Span.Length, argument));

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
    private string EmitBlock(QueryBlock block, KustoScope scope)
    {
        string? result = null;
        foreach (var statement in block.Statements)
        {
            switch (statement)
            {
                case LetStatement let:
                    Bind(let, scope);
                    break;
                case SetStatement:
                    break; // request properties do not change results
                case ExpressionStatement { Expression: var expression }:
                    if (!IsTabular(expression, scope))
                    {
                        Unsupported(expression, DiagnosticDescriptors.KustoUnsupportedConstruct, "A query whose result is a scalar expression");
                        break;
                    }
                    var table = Tabular(expression, scope);
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

    private void Bind(LetStatement let, KustoScope scope)
    {
        var name = let.Name.Name;
        switch (let.Value)
        {
            case FunctionDefinition function:
                scope.Bind(name, new FunctionBinding(function, scope));
                break;
            case var value when IsTabular(value, scope):
                scope.Bind(name, new TabularBinding(Tabular(value, scope)));
                break;
            case var value:
                var local = NewName("v");
                Statement($"var {local} = {Scalar(value, scope, row: null)};");
                scope.Bind(name, new ScalarBinding(local));
                break;
        }
    }

    /// <summary>Whether an expression is a table (pipes, tabular operators, table names) rather than a scalar.</summary>
    private bool IsTabular(Expression expression, KustoScope scope) => expression switch
    {
        PipeExpression or QueryOperator => true,
        ParenthesizedExpression p => IsTabular(p.Expression, scope),
        NameReference n => scope.Find(n.Name) switch
        {
            ScalarBinding => false,
            FunctionBinding f => ReturnsTable(f),
            _ => true,
        },
        FunctionCallExpression call => call.Name.Name switch
        {
            "materialize" or "table" or "view" => true,
            _ => scope.Find(call.Name.Name) is FunctionBinding f && ReturnsTable(f),
        },
        _ => false,
    };

    private bool ReturnsTable(FunctionBinding function)
    {
        var scope = new KustoScope(function.Closure);
        foreach (var parameter in function.Definition.Parameters)
            scope.Bind(parameter.Name.Name, parameter.Type is SchemaExpression ? new TabularBinding("") : new ScalarBinding(""));
        var last = function.Definition.Body.Statements.OfType<ExpressionStatement>().LastOrDefault();
        foreach (var let in function.Definition.Body.Statements.OfType<LetStatement>())
            scope.Bind(let.Name.Name, let.Value is FunctionDefinition f ? new FunctionBinding(f, scope) : IsTabular(let.Value, scope) ? new TabularBinding("") : new ScalarBinding(""));
        return last is not null && IsTabular(last.Expression, scope);
    }

    /// <summary>
    /// Emits a contextual subquery (mv-apply's <c>on (…)</c>) as a local <c>Func&lt;KustoTable, KustoTable&gt;</c>
    /// whose parameter is the subquery's input; returns the local's name.
    /// </summary>
    private string SubqueryFunction(Expression subquery, KustoScope scope)
    {
        while (subquery is ParenthesizedExpression p) subquery = p.Expression;
        var saved = _body;
        _body = new StringBuilder();
        var input = NewName("t");
        string result;
        if (subquery is PipeExpression { Source: null } pipe)
        {
            result = input;
            foreach (var op in pipe.Operators) result = Operator(op, result, scope);
        }
        else if (subquery is QueryOperator op)
        {
            result = Operator(op, input, scope);
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

    // ---- user functions ---------------------------------------------------------------------------

    /// <summary>
    /// Binds a user function's parameters to the call's arguments in a scope inside the function's
    /// closure. Scalar arguments are bound to their C# expression (inlined where the body uses them).
    /// </summary>
    private KustoScope? CallScope(FunctionBinding function, FunctionCallExpression call, KustoScope callerScope, RowScope? row, string? pipedTable)
    {
        if (_inlineDepth >= MaxInlineDepth)
        {
            Unsupported(call, DiagnosticDescriptors.KustoUnsupportedConstruct, "Recursive or deeply nested function calls");
            return null;
        }
        var scope = new KustoScope(function.Closure);
        var parameters = function.Definition.Parameters;
        var arguments = call.Arguments.Items;
        var a = 0;
        for (var p = 0; p < parameters.Count; p++)
        {
            var parameter = parameters[p];
            if (p == 0 && pipedTable is not null && parameter.Type is SchemaExpression)
            {
                scope.Bind(parameter.Name.Name, new TabularBinding(pipedTable));
                continue;
            }
            Expression? argument = a < arguments.Length ? arguments[a++] : parameter.Default;
            if (argument is NamedExpression named) argument = named.Value;
            if (argument is null)
            {
                Unsupported(call, DiagnosticDescriptors.KustoUnsupportedConstruct, $"A call without a value for parameter '{parameter.Name.Name}'");
                return null;
            }
            if (parameter.Type is SchemaExpression)
                scope.Bind(parameter.Name.Name, new TabularBinding(Tabular(argument, callerScope)));
            else
                scope.Bind(parameter.Name.Name, new ScalarBinding("(" + Scalar(argument, callerScope, row) + ")"));
        }
        return scope;
    }

    private string InlineTabularFunction(FunctionBinding function, FunctionCallExpression call, KustoScope callerScope, string? pipedTable = null)
    {
        var scope = CallScope(function, call, callerScope, row: null, pipedTable);
        if (scope is null) return $"{Table}.Empty";
        _inlineDepth++;
        try { return EmitBlock(function.Definition.Body, scope); }
        finally { _inlineDepth--; }
    }

    private string InlineScalarFunction(FunctionBinding function, FunctionCallExpression call, KustoScope callerScope, RowScope? row)
    {
        var scope = CallScope(function, call, callerScope, row, pipedTable: null);
        if (scope is null) return $"{Value}.Null";
        _inlineDepth++;
        try
        {
            string? result = null;
            foreach (var statement in function.Definition.Body.Statements)
            {
                switch (statement)
                {
                    case LetStatement { Value: FunctionDefinition f } let:
                        scope.Bind(let.Name.Name, new FunctionBinding(f, scope));
                        break;
                    case LetStatement let:
                        // inside a per-row expression a let is inlined where it is used
                        scope.Bind(let.Name.Name, new ScalarBinding("(" + Scalar(let.Value, scope, row) + ")"));
                        break;
                    case ExpressionStatement e:
                        result ??= Scalar(e.Expression, scope, row);
                        break;
                }
            }
            return result ?? UnsupportedScalar(call, DiagnosticDescriptors.KustoUnsupportedConstruct, "A function without a result");
        }
        finally { _inlineDepth--; }
    }
}
