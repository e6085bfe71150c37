namespace AzureRules.Sdk.Kusto;

/// <summary>A dynamic property bag: keys in insertion order, looked up by ordinal name.</summary>
public sealed class KustoBag
{
    private readonly List<string> _keys = [];
    private readonly Dictionary<string, KustoValue> _values = new(StringComparer.Ordinal);

    public int Count => _keys.Count;
    public IReadOnlyList<string> Keys => _keys;

    public KustoValue this[string key]
    {
        get => _values.TryGetValue(key, out var value) ? value : KustoValue.Null;
        set
        {
            if (!_values.ContainsKey(key)) _keys.Add(key);
            _values[key] = value;
        }
    }

    public bool TryGet(string key, out KustoValue value) => _values.TryGetValue(key, out value);

    public IEnumerable<KeyValuePair<string, KustoValue>> Properties
    {
        get
        {
            foreach (var key in _keys) yield return new(key, _values[key]);
        }
    }
}
