namespace AzureRules.Sdk.Events;

/// <summary>
/// Finds a key written twice in one JSON object while an event line is read, without allocating:
/// each key is remembered as its object's number and a slice of its UTF-8 bytes (of the line itself,
/// or of a scratch buffer when the key had escapes), in one open-addressing table for the whole line.
/// The hash is <see cref="HashCode"/>'s, seeded per process, so an attacker cannot pick keys that
/// collide; a line with a million keys costs a million probes, not a million squared.
/// </summary>
internal sealed class DuplicateKeys
{
    private struct Entry
    {
        public int Object;
        public int Hash;
        public int Start;
        public int Length;
        public bool InScratch;
    }

    private Entry[] _entries = new Entry[64];
    private int[] _buckets = new int[128]; // entry index + 1 of the current generation, else stale
    private int[] _bucketGeneration = new int[128];
    private int _generation = 1;
    private int _count;
    private byte[] _scratch = new byte[256];
    private int _scratchUsed;

    /// <summary>Forgets the previous line's keys (in constant time: the table's generation moves on).</summary>
    public void Reset()
    {
        _count = 0;
        _scratchUsed = 0;
        if (++_generation == int.MaxValue)
        {
            Array.Clear(_bucketGeneration);
            _generation = 1;
        }
    }

    /// <summary>
    /// Adds the key of object number <paramref name="objectNumber"/>; false when that object already had it.
    /// <paramref name="start"/> is where <paramref name="key"/> sits in <paramref name="line"/>, or −1 when
    /// the key was unescaped elsewhere (it is then copied).
    /// </summary>
    public bool Add(int objectNumber, ReadOnlySpan<byte> key, ReadOnlySpan<byte> line, int start)
    {
        var hashCode = new HashCode();
        hashCode.Add(objectNumber);
        hashCode.AddBytes(key);
        var hash = hashCode.ToHashCode();
        var mask = _buckets.Length - 1;
        var i = hash & mask;
        for (; _bucketGeneration[i] == _generation; i = (i + 1) & mask)
        {
            ref var entry = ref _entries[_buckets[i] - 1];
            if (entry.Hash == hash && entry.Object == objectNumber && key.SequenceEqual(KeyOf(entry, line))) return false;
        }

        if (_count == _entries.Length) Array.Resize(ref _entries, _count * 2);
        var added = new Entry { Object = objectNumber, Hash = hash, Length = key.Length, Start = start, InScratch = start < 0 };
        if (start < 0)
        {
            if (_scratch.Length - _scratchUsed < key.Length) Array.Resize(ref _scratch, Math.Max(_scratch.Length * 2, _scratchUsed + key.Length));
            key.CopyTo(_scratch.AsSpan(_scratchUsed));
            added.Start = _scratchUsed;
            _scratchUsed += key.Length;
        }
        _entries[_count++] = added;
        _buckets[i] = _count;
        _bucketGeneration[i] = _generation;
        if (_count * 2 > _buckets.Length) Grow();
        return true;
    }

    private ReadOnlySpan<byte> KeyOf(in Entry entry, ReadOnlySpan<byte> line)
        => entry.InScratch ? _scratch.AsSpan(entry.Start, entry.Length) : line.Slice(entry.Start, entry.Length);

    private void Grow()
    {
        _buckets = new int[_buckets.Length * 2];
        _bucketGeneration = new int[_buckets.Length];
        var mask = _buckets.Length - 1;
        for (var k = 0; k < _count; k++)
        {
            var i = _entries[k].Hash & mask;
            while (_bucketGeneration[i] == _generation) i = (i + 1) & mask;
            _buckets[i] = k + 1;
            _bucketGeneration[i] = _generation;
        }
    }
}
