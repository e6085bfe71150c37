using System.Collections.Generic;

namespace AzureRules.Generators.Kusto.Symbols;

/// <summary>What a parameter accepts. Only a few kinds are ever checked against an argument's type.</summary>
internal enum ParameterKind
{
    Any,        // any scalar, tabular names, or expressions such as *
    Scalar,
    String,
    Number,
    Integer,
    Bool,
    DateTime,
    TimeSpan,
    Dynamic,
}

internal enum ParameterArity { One, Optional, ZeroOrMore, OneOrMore }

internal readonly record struct SignatureParameter(ParameterKind Kind, ParameterArity Arity);

/// <summary>How a call's result type follows from its arguments.</summary>
internal enum ResultRule
{
    Fixed,           // ResultType
    Argument,        // the type of argument ResultArgument (0-based)
    WiderNumeric,    // the widest numeric type among the arguments (abs, max_of, …)
    FirstKnown,      // the first argument whose type is known (coalesce, iff's branches, case's values)
    ArithmeticBin,   // bin/floor: the type of the first argument
}

/// <summary>
/// One built-in scalar or aggregate function: its parameters, result, and for aggregates the prefix of the
/// column name summarize gives an unnamed aggregate (<c>dcount(User)</c> becomes <c>dcount_User</c>).
/// </summary>
internal sealed record FunctionSignature(
    string Name,
    IReadOnlyList<SignatureParameter> Parameters,
    ResultRule Rule,
    ScalarType ResultType,
    int ResultArgument,
    bool IsAggregate,
    string? ResultNamePrefix,
    string? ReplacedBy)
{
    /// <summary>The runtime class key (String, Math, …) that implements this scalar function, or null when the runtime lacks it.</summary>
    public string? RuntimeClass { get; init; }

    /// <summary>The runtime accumulator factory (KustoAccumulators.X) of an aggregate, or null when the runtime lacks it.</summary>
    public string? AccumulatorFactory { get; init; }

    /// <summary>
    /// Whether an aggregate returns columns of its own arguments (arg_max(T, A, B), take_any(A, B)): its
    /// last parameter takes any number of expressions, each a column of the result.
    /// </summary>
    public bool ReturnsArguments => IsAggregate && Parameters.Count > 0
        && Parameters[Parameters.Count - 1] is { Kind: ParameterKind.Any, Arity: ParameterArity.OneOrMore };

    /// <summary>Whether an unnamed aggregate's column is named after its first argument (dcount_User); a predicate (countif) is not.</summary>
    public bool NamesArgument => Parameters.Count == 0 || Parameters[0].Kind != ParameterKind.Bool;

    /// <summary>The catalog name the runtime method carries: an alias keeps its target's name.</summary>
    public string RuntimeName { get; init; } = Name;

    public int MinArguments
    {
        get
        {
            var count = 0;
            foreach (var p in Parameters) if (p.Arity is ParameterArity.One or ParameterArity.OneOrMore) count++;
            return count;
        }
    }

    /// <summary>The most arguments accepted, or <see cref="int.MaxValue"/> when the last parameter repeats.</summary>
    public int MaxArguments
    {
        get
        {
            var count = 0;
            foreach (var p in Parameters)
            {
                if (p.Arity is ParameterArity.ZeroOrMore or ParameterArity.OneOrMore) return int.MaxValue;
                count++;
            }
            return count;
        }
    }

    /// <summary>The parameter an argument at <paramref name="index"/> binds to (repeating parameters absorb the rest).</summary>
    public SignatureParameter? ParameterAt(int index, int argumentCount)
    {
        if (Parameters.Count == 0) return null;
        if (index < Parameters.Count) return Parameters[index];
        var last = Parameters[Parameters.Count - 1];
        return last.Arity is ParameterArity.ZeroOrMore or ParameterArity.OneOrMore ? last : null;
    }
}
