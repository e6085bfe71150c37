using System.Collections.Generic;
using AzureRules.Generators.Kusto.Syntax;

namespace AzureRules.Generators.Kusto.Emit;

/// <summary>What a name bound by let, as, or a function parameter stands for in emitted code.</summary>
internal abstract record KustoBinding;

/// <summary>A scalar: <see cref="CSharp"/> is the C# expression (a local, or an inlined argument) of its value.</summary>
internal sealed record ScalarBinding(string CSharp) : KustoBinding;

/// <summary>A table: <see cref="Local"/> is the C# local holding it.</summary>
internal sealed record TabularBinding(string Local) : KustoBinding;

/// <summary>A user function (let f = (a:string) { … }); calls are inlined with the arguments bound.</summary>
internal sealed record FunctionBinding(FunctionDefinition Definition, KustoScope Closure) : KustoBinding;

/// <summary>Names visible at a point of the query, innermost first (Kusto names are case-sensitive).</summary>
internal sealed class KustoScope(KustoScope? parent)
{
    private readonly Dictionary<string, KustoBinding> _bindings = new(System.StringComparer.Ordinal);

    public void Bind(string name, KustoBinding binding) => _bindings[name] = binding;

    public KustoBinding? Find(string name)
    {
        for (var scope = this; scope is not null; scope = scope.Parent)
        {
            if (scope._bindings.TryGetValue(name, out var binding)) return binding;
        }
        return null;
    }

    public KustoScope? Parent { get; } = parent;
}

/// <summary>
/// The columns one compiled binder reads: each name gets a slot local, resolved once against the
/// operator's input schema, and row-independent values (in-sets) are computed once in the prelude.
/// </summary>
internal sealed class RowScope
{
    private readonly Dictionary<string, string> _slots = new(System.StringComparer.Ordinal);
    private readonly List<string> _prelude = [];

    public string Slot(string column, KustoQueryEmitter emitter)
    {
        if (!_slots.TryGetValue(column, out var local))
        {
            local = emitter.NewName("c");
            _slots[column] = local;
            _prelude.Add($"var {local} = s.Slot({CSharpLiteralAlias.String(column)});");
        }
        return local;
    }

    public void AddPrelude(string statement) => _prelude.Add(statement);

    public string Prelude => string.Join(" ", _prelude);
}
