using System.Collections.Generic;

namespace AzureRules.Generators.Kusto.Emit;

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
