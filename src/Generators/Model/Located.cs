using AzureRules.Generators.Diagnostics;

namespace AzureRules.Generators.Model;

/// <summary>A value read from a rule file together with where it was written, for diagnostics.</summary>
internal readonly record struct Located<T>(T Value, SourceSpan Span)
{
    public override string ToString() => Value?.ToString() ?? "";
}
