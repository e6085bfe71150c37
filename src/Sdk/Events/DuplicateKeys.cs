namespace AzureRules.Sdk.Events;

/// <summary>
/// Finds a key written twice in one JSON object while an event line is read, without allocating:
/// each key is remembered as its object's number and a slice of its UTF-8 bytes (of the line itself,
/// or of a scratch buffer when the key had escapes). Small objects, nearly all of them, are checked by
/// scanning the keys read since the object opened; once a scan would pass <see cref="ScanLimit"/> keys
/// the line switches to one open-addressing table for all its keys, hashed with <see cref="HashCode"/>
/// (seeded per process, so an attacker cannot pick keys that collide): a line with a million keys
/// costs a million probes, not a million squared.
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
    private bool _hashed;
    private const int ScanLimit = 24;
    private byte[] _scratch = new byte[256];
    private int _scratchUsed;

    /// <summary>Forgets the previous line's keys (in constant time: the table's generation moves on).</summary>
    public void Reset()
    {
        _count = 0;
        _scratchUsed = 0;
        _hashed = false;
        if (++_generation == int.MaxValue)
        {
            Array.Clear(_bucketGeneration);
            _generation = 1;
        }
    }

    /// <summary>
    /// Adds the key of object number <paramref name="objectNumber"/>, opened when <paramref name="objectStart"/>
    /// keys had been added; false when that object already had it. <paramref name="start"/> is where
    /// <paramref name="key"/> sits in <paramref name="line"/>, or −1 when the key was unescaped elsewhere
    /// (it is then copied).
    /// </summary>
    public bool Add(int objectNumber, int objectStart, ReadOnlySpan<byte> key, ReadOnlySpan<byte> line, int start)
    {
        if (!_hashed && _count - objectStart > ScanLimit) SwitchToTable(line);
        int hash = 0, bucket = 0;
        if (_hashed)
        {
            hash = Hash(objectNumber, key);
            var mask = _buckets.Length - 1;
            for (bucket = hash & mask; _bucketGeneration[bucket] == _generation; bucket = (bucket + 1) & mask)
            {
                ref var entry = ref _entries[_buckets[bucket] - 1];
                if (entry.Hash == hash && entry.Object == objectNumber && key.SequenceEqual(KeyOf(entry, line))) return false;
            }
        }
        else
        {
            for (var i = objectStart; i < _count; i++)
            {
                ref var entry = ref _entries[i];
                if (entry.Object == objectNumber && entry.Length == key.Length && key.SequenceEqual(KeyOf(entry, line))) return false;
            }
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
        if (_hashed)
        {
            _buckets[bucket] = _count;
            _bucketGeneration[bucket] = _generation;
            if (_count * 2 > _buckets.Length) Grow();
        }
        return true;
    }

    /// <summary>The number of keys added so far: an object opening now records it as its start.</summary>
    public int Count => _count;

    private static int Hash(int objectNumber, ReadOnlySpan<byte> key)
    {
        var hashCode = new HashCode();
        hashCode.Add(objectNumber);
        hashCode.AddBytes(key);
        return hashCode.ToHashCode();
    }

    private void SwitchToTable(ReadOnlySpan<byte> line)
    {
        _hashed = true;
        for (var k = 0; k < _count; k++) _entries[k].Hash = Hash(_entries[k].Object, KeyOf(_entries[k], line));
        while (_count * 2 > _buckets.Length)
        {
            _buckets = new int[_buckets.Length * 2];
            _bucketGeneration = new int[_buckets.Length];
        }
        Rehash();
    }

    private ReadOnlySpan<byte> KeyOf(in Entry entry, ReadOnlySpan<byte> line)
        => entry.InScratch ? _scratch.AsSpan(entry.Start, entry.Length) : line.Slice(entry.Start, entry.Length);

    private void Grow()
    {
        _buckets = new int[_buckets.Length * 2];
        _bucketGeneration = new int[_buckets.Length];
        Rehash();
    }

    private void Rehash()
    {
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
