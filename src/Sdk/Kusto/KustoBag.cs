namespace AzureRules.Sdk.Kusto;

/// <summary>
/// A dynamic property bag: keys in insertion order, looked up by ordinal name. Event columns hold one bag
/// per row (InitiatedBy, TargetResources' items, Authorization), millions of them in a hunting query's
/// store, so a bag is two arrays: a few keys are found by scanning them (names read from JSON are pooled,
/// so most comparisons are one reference check), and an index is built only for a large bag.
/// </summary>
public sealed class KustoBag
{
    /// <summary>Up to this many keys a scan beats a hash lookup and costs no memory.</summary>
    private const int ScanLimit = 8;

    private string[] _keys = [];
    private KustoValue[] _values = [];
    private int _count;
    private Dictionary<string, int>? _index;

    public int Count => _count;
    public IReadOnlyList<string> Keys => new ArraySegment<string>(_keys, 0, _count);

    public KustoValue this[string key]
    {
        get => TryGet(key, out var value) ? value : KustoValue.Null;
        set
        {
            var at = IndexOf(key);
            if (at >= 0)
            {
                _values[at] = value;
                return;
            }
            if (_count == _keys.Length)
            {
                var capacity = _count == 0 ? 4 : _count * 2;
                Array.Resize(ref _keys, capacity);
                Array.Resize(ref _values, capacity);
            }
            _keys[_count] = key;
            _values[_count] = value;
            _index?.Add(key, _count);
            _count++;
            if (_index is null && _count > ScanLimit)
            {
                _index = new Dictionary<string, int>(_count, StringComparer.Ordinal);
                for (var i = 0; i < _count; i++) _index[_keys[i]] = i;
            }
        }
    }

    public bool TryGet(string key, out KustoValue value)
    {
        var at = IndexOf(key);
        value = at >= 0 ? _values[at] : KustoValue.Null;
        return at >= 0;
    }

    public IEnumerable<KeyValuePair<string, KustoValue>> Properties
    {
        get
        {
            for (var i = 0; i < _count; i++) yield return new(_keys[i], _values[i]);
        }
    }

    /// <summary>Gives back the spare room of a bag that is complete (read from JSON), for bags kept long.</summary>
    internal void TrimExcess()
    {
        if (_count == _keys.Length) return;
        Array.Resize(ref _keys, _count);
        Array.Resize(ref _values, _count);
    }

    private int IndexOf(string key)
    {
        if (_index is not null) return _index.TryGetValue(key, out var at) ? at : -1;
        for (var i = 0; i < _count; i++)
        {
            var k = _keys[i];
            if (ReferenceEquals(k, key) || string.Equals(k, key, StringComparison.Ordinal)) return i;
        }
        return -1;
    }
}
