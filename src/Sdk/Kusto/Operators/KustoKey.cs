namespace AzureRules.Sdk.Kusto.Operators;

/// <summary>A composite key (join keys, summarize by, distinct): values compared with <see cref="KustoValue.Equals(KustoValue)"/>.</summary>
internal readonly struct KustoKey : IEquatable<KustoKey>
{
    private readonly KustoValue[] _values;
    private readonly int _hash;

    public KustoKey(KustoValue[] values)
    {
        _values = values;
        var hash = new HashCode();
        foreach (var value in values) hash.Add(value);
        _hash = hash.ToHashCode();
    }

    public KustoValue[] Values => _values;

    public bool HasNull => _values.Any(v => v.IsNull);

    public bool Equals(KustoKey other)
    {
        if (_hash != other._hash || _values.Length != other._values.Length) return false;
        for (var i = 0; i < _values.Length; i++)
        {
            if (!_values[i].Equals(other._values[i])) return false;
        }
        return true;
    }

    public override bool Equals(object? obj) => obj is KustoKey other && Equals(other);
    public override int GetHashCode() => _hash;

    public static KustoKey Of(KustoValue[] row, int[] slots)
    {
        var values = new KustoValue[slots.Length];
        for (var i = 0; i < slots.Length; i++) values[i] = row.Col(slots[i]);
        return new KustoKey(values);
    }
}
