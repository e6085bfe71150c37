using System.Collections.Generic;
using System.Runtime.CompilerServices;
using AzureRules.Generators.Kusto.Symbols;
using AzureRules.Generators.Kusto.Syntax;

namespace AzureRules.Generators.Kusto.Binding;

/// <summary>
/// What the binder found about each node of a query, the one model the emitter reads (as Kusto.Language's
/// SemanticModel annotates its syntax): the symbol each name resolves to, the value (scalar type or table
/// schema) of each expression, the catalog entry of each built-in call, each join's normalised kind and
/// keys, the workspace tables the query reads, and for each call of a let-bound function the binding of
/// its body made for that call.
/// A let-bound function is expanded at every call, so one syntax node can mean different things in
/// different calls; facts are therefore keyed by an <em>instance</em> as well as the node: instance 0 is
/// the query itself, and every call of a let-bound function gets a new instance for its body
/// (<see cref="CallInstance"/>). Nodes are keyed by reference, never by value: two equal-looking nodes
/// at different places are different nodes.
/// </summary>
internal sealed class KustoSemanticModel
{
    private readonly Dictionary<NodeKey, LocalSymbol> _references = new();
    private readonly Dictionary<NodeKey, LocalSymbol> _declarations = new();
    private readonly Dictionary<NodeKey, int> _calls = new();
    private readonly Dictionary<NodeKey, BoundValue> _values = new();
    private readonly Dictionary<NodeKey, FunctionSignature> _functions = new();
    private readonly Dictionary<NodeKey, BoundJoin> _joins = new();
    private readonly HashSet<NodeKey> _unresolved = new();
    private readonly SortedDictionary<string, TableSymbol> _tables = new(System.StringComparer.Ordinal);

    /// <summary>The columns of those tables the query reads (what the rule needs stored of them).</summary>
    public ColumnReads Reads { get; } = new();

    /// <summary>The workspace tables the query reads, by name (what the rule needs stored, with its types).</summary>
    public IReadOnlyCollection<TableSymbol> Tables => _tables.Values;

    /// <summary>The let-bound value, parameter or function a name (or <c>table("name")</c>) refers to; null for a column or a workspace table.</summary>
    public LocalSymbol? ReferenceOf(int instance, SyntaxNode name) => _references.TryGetValue(new(instance, name), out var s) ? s : null;

    /// <summary>The symbol a let statement or a function parameter declares in <paramref name="instance"/>.</summary>
    public LocalSymbol? DeclarationOf(int instance, SyntaxNode declaration) => _declarations.TryGetValue(new(instance, declaration), out var s) ? s : null;

    /// <summary>The instance holding the body of a let-bound function as bound for this call, or null when the binder did not expand it.</summary>
    public int? CallInstance(int instance, SyntaxNode call) => _calls.TryGetValue(new(instance, call), out var i) ? i : null;

    /// <summary>The value of an expression: its scalar type, or its schema when it is a table.</summary>
    public BoundValue? ValueOf(int instance, Expression expression) => _values.TryGetValue(new(instance, expression), out var v) ? v : null;

    /// <summary>Whether the binder found <paramref name="expression"/> to be a table.</summary>
    public bool IsTabular(int instance, Expression expression) => ValueOf(instance, expression) is { IsTabular: true };

    /// <summary>The catalog entry of a built-in function call.</summary>
    public FunctionSignature? FunctionOf(int instance, FunctionCallExpression call) => _functions.TryGetValue(new(instance, call), out var f) ? f : null;

    /// <summary>A join's or lookup's kind and keys.</summary>
    public BoundJoin? JoinOf(int instance, QueryOperator join) => _joins.TryGetValue(new(instance, join), out var j) ? j : null;

    /// <summary>
    /// Whether a call names a function the workspace does not have at all (neither built in, saved, nor
    /// let-bound): a fuzzy union drops the leg it is in, as Kusto does when a leg does not resolve.
    /// </summary>
    public bool IsUnresolved(int instance, SyntaxNode call) => _unresolved.Contains(new(instance, call));

    internal void MarkUnresolved(int instance, SyntaxNode call) => _unresolved.Add(new(instance, call));
    internal void AddReference(int instance, SyntaxNode name, LocalSymbol symbol) => _references[new(instance, name)] = symbol;
    internal void AddDeclaration(int instance, SyntaxNode declaration, LocalSymbol symbol) => _declarations[new(instance, declaration)] = symbol;
    internal void AddCall(int instance, SyntaxNode call, int bodyInstance) => _calls[new(instance, call)] = bodyInstance;
    internal void AddValue(int instance, Expression expression, BoundValue value) => _values[new(instance, expression)] = value;
    internal void AddFunction(int instance, FunctionCallExpression call, FunctionSignature signature) => _functions[new(instance, call)] = signature;
    internal void AddJoin(int instance, QueryOperator join, BoundJoin bound) => _joins[new(instance, join)] = bound;
    internal void AddTable(TableSymbol table) => _tables[table.Name] = table;

    /// <summary>A node in one instance, compared by reference.</summary>
    private readonly struct NodeKey(int instance, SyntaxNode node) : System.IEquatable<NodeKey>
    {
        private readonly int _instance = instance;
        private readonly SyntaxNode _node = node;
        public bool Equals(NodeKey other) => _instance == other._instance && ReferenceEquals(_node, other._node);
        public override bool Equals(object? obj) => obj is NodeKey other && Equals(other);
        public override int GetHashCode() => RuntimeHelpers.GetHashCode(_node) * 31 + _instance;
    }
}
