using System;
using System.Collections.Generic;

namespace AzureRules.Generators.Eql.Binding;

/// <summary>One function of Elasticsearch EQL's library, with its arity and whether it has a <c>~</c> form.</summary>
internal sealed record EqlFunction(string Name, int MinArguments, int MaxArguments, bool HasCaseInsensitiveVariant, bool ReturnsString)
{
    public const int Unlimited = int.MaxValue;

    public string ArityText => MaxArguments == Unlimited ? $"at least {MinArguments}"
        : MinArguments == MaxArguments ? MinArguments.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : $"{MinArguments} to {MaxArguments}";

    private static readonly Dictionary<string, EqlFunction> ByName = Create(
        new("add", 2, 2, false, false),
        new("between", 3, 4, true, true),
        new("cidrMatch", 2, Unlimited, false, false),
        new("concat", 1, Unlimited, false, true),
        new("divide", 2, 2, false, false),
        new("endsWith", 2, 2, true, false),
        new("indexOf", 2, 3, true, false),
        new("length", 1, 1, false, false),
        new("modulo", 2, 2, false, false),
        new("multiply", 2, 2, false, false),
        new("number", 1, 2, false, false),
        new("startsWith", 2, 2, true, false),
        new("string", 1, 1, false, true),
        new("stringContains", 2, 2, true, false),
        new("substring", 2, 3, false, true),
        new("subtract", 2, 2, false, false));

    /// <summary>Function names are case-insensitive (<c>startswith~</c> is <c>startsWith~</c>).</summary>
    public static EqlFunction? Find(string name) => ByName.TryGetValue(name, out var f) ? f : null;

    private static Dictionary<string, EqlFunction> Create(params EqlFunction[] functions)
    {
        var result = new Dictionary<string, EqlFunction>(StringComparer.OrdinalIgnoreCase);
        foreach (var f in functions) result[f.Name] = f;
        return result;
    }
}
