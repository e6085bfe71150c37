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
/// One segment of a field path. Children are keyed by their UTF-8 bytes, so the event reader resolves
/// a property name straight from the JSON line without copying it to UTF-16. The child map is replaced
/// copy-on-write, so readers on other threads walk the trie without locks while rules are still loading.
/// </summary>
internal sealed class FieldNode
{
    private Utf8ChildMap _children = Utf8ChildMap.Empty;

    public int Slot { get; set; } = -1;
    public bool HasChildren => _children.Count > 0;

    public FieldNode? Child(ReadOnlySpan<byte> utf8Segment) => _children.Find(utf8Segment);

    /// <summary>The node of a property name that may hold dots (<c>"event.dataset"</c>): one trie step per segment.</summary>
    public FieldNode? Descendant(ReadOnlySpan<byte> utf8Name)
    {
        var current = this;
        while (true)
        {
            var dot = utf8Name.IndexOf((byte)'.');
            if (dot < 0) return current.Child(utf8Name);
            current = current.Child(utf8Name[..dot]);
            if (current is null) return null;
            utf8Name = utf8Name[(dot + 1)..];
        }
    }

    public FieldNode GetOrAddChild(string segment)
    {
        var key = System.Text.Encoding.UTF8.GetBytes(segment);
        if (_children.Find(key) is { } child) return child;
        child = new FieldNode();
        _children = _children.With(key, child);
        return child;
    }
}

/// <summary>
/// An immutable map from UTF-8 names to trie nodes: a few children are scanned, more are hashed (open
/// addressing). The keys come from rules, never from events, so an event's names cannot crowd a
/// bucket: a cheap unseeded hash is enough, and a lookup costs at most the longest probe run.
/// </summary>
internal sealed class Utf8ChildMap
{
    public static readonly Utf8ChildMap Empty = new([], [], []);
    private const int ScanLimit = 8;

    private readonly byte[][] _keys;
    private readonly FieldNode[] _nodes;
    private readonly int[] _buckets; // index + 1 into _keys; 0 is empty; length a power of two (none while scanned)

    private Utf8ChildMap(byte[][] keys, FieldNode[] nodes, int[] buckets)
    {
        _keys = keys;
        _nodes = nodes;
        _buckets = buckets;
    }

    public int Count => _keys.Length;

    public FieldNode? Find(ReadOnlySpan<byte> key)
    {
        var keys = _keys;
        if (keys.Length <= ScanLimit)
        {
            for (var k = 0; k < keys.Length; k++)
                if (keys[k].Length == key.Length && key.SequenceEqual(keys[k])) return _nodes[k];
            return null;
        }
        var mask = _buckets.Length - 1;
        for (var i = Hash(key) & mask; ; i = (i + 1) & mask)
        {
            var entry = _buckets[i];
            if (entry == 0) return null;
            if (key.SequenceEqual(keys[entry - 1])) return _nodes[entry - 1];
        }
    }

    public Utf8ChildMap With(byte[] key, FieldNode node)
    {
        byte[][] keys = [.. _keys, key];
        FieldNode[] nodes = [.. _nodes, node];
        if (keys.Length <= ScanLimit) return new Utf8ChildMap(keys, nodes, []);
        var buckets = new int[(int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)keys.Length * 2)];
        var mask = buckets.Length - 1;
        for (var k = 0; k < keys.Length; k++)
        {
            var i = Hash(keys[k]) & mask;
            while (buckets[i] != 0) i = (i + 1) & mask;
            buckets[i] = k + 1;
        }
        return new Utf8ChildMap(keys, nodes, buckets);
    }

    // FNV-1a: field names are short
    private static int Hash(ReadOnlySpan<byte> key)
    {
        var hash = 2166136261u;
        foreach (var b in key) hash = (hash ^ b) * 16777619u;
        return (int)(hash & int.MaxValue);
    }
}
