namespace AzureRules.Sdk.Eql.Join;

/// <summary>
/// The composite join key of an event for one step: one value per <c>by</c> key, rendered as text
/// (null for a missing optional field). Ordered as Elasticsearch's composite aggregation orders
/// sample buckets: part by part, null first, numbers by value, text ordinally.
/// </summary>
public sealed class EqlKey : IEquatable<EqlKey>, IComparable<EqlKey>
{
    public static readonly EqlKey None = new([]);

    private readonly string?[] _parts;
    private readonly int _hash;

    public EqlKey(string?[] parts)
    {
        _parts = parts;
        var hash = new HashCode();
        foreach (var part in parts) hash.Add(part, StringComparer.Ordinal);
        _hash = hash.ToHashCode();
    }

    public IReadOnlyList<string?> Parts => _parts;

    public bool Equals(EqlKey? other)
    {
        if (other is null || other._hash != _hash || other._parts.Length != _parts.Length) return false;
        for (var i = 0; i < _parts.Length; i++)
            if (!string.Equals(_parts[i], other._parts[i], StringComparison.Ordinal)) return false;
        return true;
    }

    public override bool Equals(object? obj) => obj is EqlKey key && Equals(key);
    public override int GetHashCode() => _hash;

    public int CompareTo(EqlKey? other)
    {
        if (other is null) return 1;
        for (var i = 0; i < Math.Min(_parts.Length, other._parts.Length); i++)
        {
            var c = ComparePart(_parts[i], other._parts[i]);
            if (c != 0) return c;
        }
        return _parts.Length.CompareTo(other._parts.Length);
    }

    private static int ComparePart(string? a, string? b)
    {
        if (a is null || b is null) return a is null ? (b is null ? 0 : -1) : 1;
        if (double.TryParse(a, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var x)
            && double.TryParse(b, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var y))
            return x.CompareTo(y);
        return string.CompareOrdinal(a, b);
    }

    public override string ToString() => string.Join(", ", _parts.Select(p => p ?? "null"));
}
