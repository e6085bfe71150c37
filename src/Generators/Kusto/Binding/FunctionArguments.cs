using System.Collections.Generic;
using AzureRules.Generators.Kusto.Syntax;

namespace AzureRules.Generators.Kusto.Binding;

/// <summary>
/// Which argument of a call goes to which parameter of a user-defined function, as Kusto matches them:
/// positional arguments fill the parameters in order, a named argument (<c>f(domain_has_any=list)</c>)
/// goes to the parameter of that name, and a parameter left without one takes its default. The binder
/// and the emitter both match through here, so they agree on every call.
/// </summary>
internal static class FunctionArguments
{
    /// <summary>
    /// For each parameter, the index in <paramref name="arguments"/> of its argument, or -1 when it has none.
    /// <paramref name="skip"/> parameters are already given (an <c>invoke</c>'s piped table).
    /// </summary>
    public static int[] Match(IReadOnlyList<FunctionParameter> parameters, IReadOnlyList<Expression> arguments, int skip = 0)
    {
        var result = new int[parameters.Count];
        for (var i = 0; i < result.Length; i++) result[i] = -1;
        var next = skip;
        for (var a = 0; a < arguments.Count; a++)
        {
            if (arguments[a] is NamedExpression named)
            {
                for (var p = 0; p < parameters.Count; p++)
                    if (parameters[p].Name.Name == named.Name.Name) { result[p] = a; break; }
                continue;
            }
            while (next < parameters.Count && result[next] >= 0) next++;
            if (next < parameters.Count) result[next++] = a;
        }
        return result;
    }

    /// <summary>The argument expression itself, without the name of a named argument.</summary>
    public static Expression Value(Expression argument) => argument is NamedExpression named ? named.Value : argument;
}
