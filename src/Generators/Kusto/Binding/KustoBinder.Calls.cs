using System.Collections.Generic;
using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Kusto.Symbols;
using AzureRules.Generators.Kusto.Syntax;

namespace AzureRules.Generators.Kusto.Binding;

// Function calls: let-bound functions, Kusto's built-ins (Symbols/BuiltinFunctions.cs), stored functions.
internal sealed partial class KustoBinder
{
    private BoundValue BindCall(FunctionCallExpression call, Scope scope, RowContext row, bool allowAggregates)
    {
        var name = call.Name.Name;
        if (scope.Find(name) is LocalFunction function)
        {
            _model.AddReference(_instance, call, function);
            return BindLocalCall(call, function, scope, row);
        }
        if (BindSpecialForm(call, scope, row) is { } special) return special;
        if (BuiltinFunctions.Find(name) is { } builtin) return BoundValue.Of(BindBuiltinCall(call, builtin, scope, row, allowAggregates));

        var arguments = BindArguments(call, scope, row);
        if (_globals.FindFunction(name) is { } stored)
        {
            if (PositionalCount(call) > stored.Parameters.Count)
                Report(DiagnosticDescriptors.KustoWrongArgumentCount, call.Name.Span, name, CountText(stored.RequiredCount, stored.Parameters.Count), arguments.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return BoundValue.Of(stored.Result);
        }
        // Sentinel's CI publishes ASIM parsers as tables; a workspace serves them as functions with optional parameters
        if (_globals.FindTable(name) is { } table) return BoundValue.Of(table.Schema);
        if (scope.Find(name) is LocalValue value) return value.Value;
        _model.MarkUnresolved(_instance, call);
        Report(DiagnosticDescriptors.KustoUnknownFunction, call.Name.Span, name);
        return BoundValue.Unknown;
    }

    private List<BoundValue> BindArguments(FunctionCallExpression call, Scope scope, RowContext row)
    {
        var values = new List<BoundValue>();
        foreach (var argument in call.Arguments)
        {
            var expression = argument is NamedExpression named ? named.Value : argument;
            if (expression is StarExpression) _model.Reads.ReadAll(row.Row);
            values.Add(expression is StarExpression ? BoundValue.Unknown : BindAny(expression, scope, row));
        }
        return values;
    }

    private static int PositionalCount(FunctionCallExpression call)
    {
        var count = 0;
        foreach (var argument in call.Arguments) if (argument is not NamedExpression) count++;
        return count;
    }

    private static bool HasNamedArguments(FunctionCallExpression call) => PositionalCount(call) != call.Arguments.Count;

    private static string CountText(int min, int max)
        => max == int.MaxValue ? $"at least {min}" : min == max ? min.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{min} to {max}";

    private BoundValue BindLocalCall(FunctionCallExpression call, LocalFunction function, Scope scope, RowContext row)
    {
        var arguments = BindArguments(call, scope, row);
        var max = function.Definition.Parameters.Count;
        if (!HasNamedArguments(call) && (arguments.Count < function.RequiredCount || arguments.Count > max))
            Report(DiagnosticDescriptors.KustoWrongArgumentCount, call.Name.Span, function.Name, CountText(function.RequiredCount, max), arguments.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return CallLocalFunctionValue(function, ByParameter(function, call.Arguments, arguments, skip: 0), call);
    }

    /// <summary>The bound arguments in parameter order (named arguments to their parameter); null where the default applies.</summary>
    private static List<BoundValue?> ByParameter(LocalFunction function, IReadOnlyList<Expression> syntax, List<BoundValue> values, int skip)
    {
        var match = FunctionArguments.Match(function.Definition.Parameters, syntax, skip);
        var result = new List<BoundValue?>(match.Length);
        for (var p = 0; p < match.Length; p++)
            result.Add(p < skip ? values[p] : match[p] >= 0 ? values[match[p] + skip] : null);
        return result;
    }

    private TableSchema CallLocalFunction(LocalFunction function, List<BoundValue?> arguments, SyntaxNode call)
        => CallLocalFunctionValue(function, arguments, call).Table ?? TableSchema.Unknown;

    private int _callDepth;

    /// <summary>Binds a let-bound function's body for one call; <paramref name="call"/> is the node the emitter expands it at.</summary>
    private BoundValue CallLocalFunctionValue(LocalFunction function, List<BoundValue?> arguments, SyntaxNode call)
    {
        if (_callDepth > 16) return BoundValue.Unknown; // recursion is not allowed in Kusto; do not loop on it
        _callDepth++;
        try { return BindFunctionBody(function.Definition, function.Scope, arguments, call); }
        finally { _callDepth--; }
    }

    /// <summary>Calls whose meaning depends on their arguments' syntax rather than on a signature.</summary>
    private BoundValue? BindSpecialForm(FunctionCallExpression call, Scope scope, RowContext row)
    {
        var arguments = call.Arguments;
        switch (call.Name.Name)
        {
            case "materialize" when arguments.Count == 1:
                return BoundValue.Of(BindTabular(arguments[0], scope));
            case "toscalar" when arguments.Count == 1:
            {
                var value = BindAny(arguments[0], scope, row);
                if (value.Table is { } table) return BoundValue.Of(table.Columns.Count > 0 ? table.Columns[0].Type : ScalarType.Unknown);
                return BoundValue.Of(value.Scalar);
            }
            case "table" when arguments.Count >= 1:
                if (arguments[0] is LiteralExpression { Value: string tableName })
                {
                    if (scope.Find(tableName) is LocalValue { Value.Table: { } local } symbol)
                    {
                        _model.AddReference(_instance, call, symbol);
                        return BoundValue.Of(local);
                    }
                    if (_globals.FindTable(tableName) is { } global) return BoundValue.Of(Read(global));
                }
                else
                {
                    BindScalar(arguments[0], scope, RowContext.None); // a computed name: read at run time
                    _model.Reads.ReadUnknown();
                }
                return BoundValue.Of(TableSchema.Unknown);
            case "column_ifexists" or "columnifexists" when arguments.Count == 2:
            {
                var fallback = BindScalar(arguments[1], scope, row);
                if (arguments[0] is not LiteralExpression { Value: string columnName })
                {
                    _model.Reads.ReadAll(row.Row); // a computed name may be any column
                    return BoundValue.Of(fallback);
                }
                if (row.Find(columnName) is { } column)
                {
                    _model.Reads.Read(column);
                    return BoundValue.Of(column.Type);
                }
                _model.Reads.ReadName(columnName);
                return BoundValue.Of(fallback);
            }
            case "typeof" when arguments.Count == 1 && arguments[0] is NameReference typeName && ScalarTypes.TryParse(typeName.Name, out _)
                                                     && row.Row.Find(typeName.Name) is null:
                return BoundValue.Of(ScalarType.String);
            case "not" when arguments.Count == 1:
                if (BuiltinFunctions.Find("not") is { } not) _model.AddFunction(_instance, call, not);
                BindScalar(arguments[0], scope, row);
                return BoundValue.Of(ScalarType.Bool);
            case "datetime" or "timespan" or "dynamic" or "guid" or "bool" or "int" or "long" or "real" or "double" or "decimal" or "string" when scope.Find(call.Name.Name) is null:
                ScalarTypes.TryParse(call.Name.Name, out var literalType);
                return BoundValue.Of(literalType);
        }
        return null;
    }

    private ScalarType BindBuiltinCall(FunctionCallExpression call, FunctionSignature signature, Scope scope, RowContext row, bool allowAggregates)
    {
        _model.AddFunction(_instance, call, signature);
        if (signature.ReplacedBy is { } replacement)
            Report(DiagnosticDescriptors.KustoDeprecatedFunction, call.Name.Span, signature.Name, replacement);
        if (signature.IsAggregate && !allowAggregates && _aggregatesAllowed == 0)
            Report(DiagnosticDescriptors.KustoAggregateOutsideSummarize, call.Name.Span, signature.Name);

        if (signature.Name == "pack_all") _model.Reads.ReadAll(row.Row); // a bag of the whole row
        var types = new List<ScalarType>();
        foreach (var argument in call.Arguments)
        {
            var expression = argument is NamedExpression named ? named.Value : argument;
            if (expression is StarExpression) _model.Reads.ReadAll(row.Row);
            types.Add(expression is StarExpression ? ScalarType.Unknown
                : IsTabularSyntax(expression, scope) ? Tabular(expression, scope)
                : BindScalar(expression, scope, row));
        }

        var count = call.Arguments.Count;
        if (count < signature.MinArguments || count > signature.MaxArguments)
        {
            Report(DiagnosticDescriptors.KustoWrongArgumentCount, call.Name.Span, signature.Name,
                CountText(signature.MinArguments, signature.MaxArguments), count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        else
        {
            for (var i = 0; i < count; i++)
            {
                if (signature.ParameterAt(i, count) is not { } parameter) continue;
                if (!Accepts(parameter.Kind, types[i]))
                    Report(DiagnosticDescriptors.KustoWrongArgumentType, call.Arguments[i].Span, signature.Name,
                        (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), KindText(parameter.Kind), types[i].Name());
            }
        }
        return ResultType(signature, types);
    }

    private ScalarType Tabular(Expression expression, Scope scope)
    {
        BindTabular(expression, scope);
        return ScalarType.Unknown;
    }

    /// <summary>
    /// Whether an argument of <paramref name="type"/> can never be what the parameter needs. Dynamic and
    /// unknown values pass (they convert at run time); only impossible pairs such as a datetime where a
    /// string is required fail.
    /// </summary>
    private static bool Accepts(ParameterKind kind, ScalarType type)
    {
        if (type.IsOpen()) return true;
        return kind switch
        {
            ParameterKind.String => type is ScalarType.String or ScalarType.Guid,
            ParameterKind.Number => type.IsNumeric() || type == ScalarType.Bool,
            ParameterKind.Integer => type.IsNumeric() || type == ScalarType.Bool,
            ParameterKind.DateTime => type == ScalarType.DateTime,
            ParameterKind.TimeSpan => type is ScalarType.TimeSpan || type.IsNumeric(),
            ParameterKind.Bool => type is ScalarType.Bool || type.IsNumeric(),
            _ => true,
        };
    }

    private static string KindText(ParameterKind kind) => kind switch
    {
        ParameterKind.Number => "a number",
        ParameterKind.Integer => "an integer",
        ParameterKind.DateTime => "a datetime",
        ParameterKind.TimeSpan => "a timespan",
        ParameterKind.Bool => "a bool",
        ParameterKind.String => "a string",
        ParameterKind.Dynamic => "dynamic",
        _ => "a scalar",
    };

    private static ScalarType ResultType(FunctionSignature signature, List<ScalarType> arguments)
    {
        switch (signature.Rule)
        {
            case ResultRule.Argument:
                return signature.ResultArgument < arguments.Count ? arguments[signature.ResultArgument] : ScalarType.Unknown;
            case ResultRule.WiderNumeric:
            {
                var result = ScalarType.Unknown;
                foreach (var t in arguments) result = ScalarTypes.WiderNumeric(result, t);
                return result == ScalarType.Unknown ? ScalarType.Long : result;
            }
            case ResultRule.FirstKnown:
            {
                // iff/case: the branch values, not the conditions
                var start = signature.Name is "iff" or "iif" or "case" ? 1 : 0;
                for (var i = start; i < arguments.Count; i++)
                    if (arguments[i] != ScalarType.Unknown && (signature.Name != "case" || i % 2 == 1 || i == arguments.Count - 1)) return arguments[i];
                return ScalarType.Unknown;
            }
            default:
                return signature.ResultType;
        }
    }
}
