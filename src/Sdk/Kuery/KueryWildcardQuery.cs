using AzureRules.Sdk.Eql;
using AzureRules.Sdk.Events;

namespace AzureRules.Sdk.Kuery;

/// <summary>
/// An Elasticsearch <c>wildcard</c> query from a Kibana filter (<c>*</c> any run, <c>?</c> one character,
/// over the whole keyword value), compiled once. The pattern arrives with its escapes removed; the
/// matching is EQL's wildcard, which has the same two metacharacters.
/// </summary>
public sealed class KueryWildcardQuery(string pattern, bool ignoreCase = false)
{
    private readonly EqlWildcard _wildcard = new(pattern, ignoreCase);

    /// <summary>True when any value of the field (array elements each) matches.</summary>
    public bool Matches(ReadOnlySpan<FieldValue> values)
    {
        foreach (var value in values)
        {
            if (value.AsString() is { } text && _wildcard.IsMatch(text)) return true;
        }
        return false;
    }
}
