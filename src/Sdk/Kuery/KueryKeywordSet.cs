namespace AzureRules.Sdk.Kuery;

/// <summary>
/// The exact keyword values of one field that an <c>or</c> lists (<c>process.name : ("a.exe" or "b.exe" or …)</c>),
/// hashed once when the rule loads: a value matches when the set holds it, as it would match one of
/// the listed <see cref="KueryMatch.Keyword"/> terms (or <see cref="KueryMatch.KeywordIgnoreCase"/> ones).
/// </summary>
public sealed class KueryKeywordSet(bool ignoreCase, params string[] values)
{
    private readonly HashSet<string> _values = new(values, ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);

    public bool Contains(string value) => _values.Contains(value);
}
