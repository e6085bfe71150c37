namespace AzureRules.Sdk.Events;

/// <summary>
/// The process-wide table of field paths that loaded rules read, each with a slot number. A compiled
/// rule resolves its fields to slots once, when its class is initialised; the event reader then
/// materialises only those fields, by walking this trie while it reads the JSON, and the rule reads a
/// field by array index. Dotted keys (<c>"event.dataset": …</c>) and nested objects
/// (<c>"event": {"dataset": …}</c>) walk the same trie nodes, so they are the same field.
/// </summary>
public static class FieldTable
{
    private static readonly object Gate = new();
    private static readonly List<string> Paths = [];

    internal static FieldNode Root { get; } = new();

    /// <summary>How many slots exist; an event view sizes its index by this.</summary>
    public static int Count => Volatile.Read(ref _count);
    private static int _count;

    /// <summary>The slot of a dotted field path, creating it on first use.</summary>
    public static int Slot(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        lock (Gate)
        {
            var node = Root;
            foreach (var segment in path.Split('.'))
                node = node.GetOrAddChild(segment);
            if (node.Slot < 0)
            {
                Paths.Add(path);
                node.Slot = Paths.Count - 1;
                Volatile.Write(ref _count, Paths.Count);
            }
            return node.Slot;
        }
    }

    public static string PathOf(int slot)
    {
        lock (Gate) return Paths[slot];
    }
}

/// <summary>
/// One segment of a field path. Children are replaced copy-on-write, so readers on other threads
/// walk the trie without locks while rules are still being loaded.
/// </summary>
internal sealed class FieldNode
{
    private Dictionary<string, FieldNode> _children = new(StringComparer.Ordinal);
    private Dictionary<string, FieldNode>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public FieldNode() => _lookup = _children.GetAlternateLookup<ReadOnlySpan<char>>();

    public int Slot { get; set; } = -1;
    public bool HasChildren => _children.Count > 0;

    public FieldNode? Child(ReadOnlySpan<char> segment)
        => _lookup.TryGetValue(segment, out var child) ? child : null;

    public FieldNode GetOrAddChild(string segment)
    {
        if (_children.TryGetValue(segment, out var child)) return child;
        child = new FieldNode();
        var copy = new Dictionary<string, FieldNode>(_children, StringComparer.Ordinal) { [segment] = child };
        _lookup = copy.GetAlternateLookup<ReadOnlySpan<char>>();
        _children = copy;
        return child;
    }
}
