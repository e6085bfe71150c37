using System;
using System.Collections.Generic;
using System.Globalization;
using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Elastic;
using AzureRules.Generators.Eql.Syntax;
using AzureRules.Generators.Formats.Common;

namespace AzureRules.Generators.Eql.Binding;

/// <summary>
/// Checks a parsed EQL query the way Elasticsearch's verifier would, as far as it can without the
/// index mapping: fields against ECS and the detection rules' non-ECS fields (AR0502), types of
/// known fields against constants (AR0503), sequence maxspan against the rule's look-back (AR0504),
/// functions and their arities (AR0505-AR0507), patterns (AR0508-AR0510), pipes (AR0511), join keys (AR0512).
/// </summary>
internal sealed class EqlChecker
{
    private readonly List<QueryDiagnostic> _diagnostics = new();
    private readonly HashSet<string> _reportedFields = new(StringComparer.Ordinal);

    // the catalog's fields, or the catalog's plus the project's custom schemas for the rule's indices
    private readonly Kuery.Binding.IKueryFieldTypes _fields;

    private EqlChecker(Kuery.Binding.IKueryFieldTypes fields) => _fields = fields;

    public static List<QueryDiagnostic> Check(EqlQuery query, TimeSpan? lookBack, Kuery.Binding.IKueryFieldTypes? fields = null)
    {
        var checker = new EqlChecker(fields ?? Kuery.Binding.CatalogFieldTypes.Instance);
        checker.CheckQuery(query, lookBack);
        return checker._diagnostics;
    }

    private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, int start, int length, params string[] arguments)
        => _diagnostics.Add(QueryDiagnostic.Create(descriptor, start, length, arguments));

    private void CheckQuery(EqlQuery query, TimeSpan? lookBack)
    {
        switch (query)
        {
            case EqlEventQuery e:
                CheckExpression(e.Filter.Condition);
                break;
            case EqlSequenceQuery s:
                foreach (var key in s.Keys) CheckExpression(key);
                CheckSteps(s.Steps, s.Until);
                if (s.MaxSpan is { } span && lookBack is { } window && span.Value > window)
                    Report(DiagnosticDescriptors.EqlMaxSpanExceedsLookBack, span.Start, span.End - span.Start, span.Text, Durations.Format(window));
                break;
            case EqlSampleQuery s:
                foreach (var key in s.Keys) CheckExpression(key);
                CheckSteps(s.Steps, null);
                break;
        }
        foreach (var pipe in query.Pipes) CheckPipe(pipe, query is EqlSampleQuery);
    }

    private void CheckSteps(IReadOnlyList<EqlStep> steps, EqlStep? until)
    {
        var expectedKeys = steps[0].Keys.Count;
        foreach (var step in until is null ? steps : new List<EqlStep>(steps) { until })
        {
            CheckExpression(step.Filter.Condition);
            foreach (var key in step.Keys) CheckExpression(key);
            if (step.Keys.Count != expectedKeys)
                Report(DiagnosticDescriptors.EqlJoinKeyMismatch, step.Filter.Start, step.Filter.End - step.Filter.Start,
                    expectedKeys.ToString(CultureInfo.InvariantCulture), step.Keys.Count.ToString(CultureInfo.InvariantCulture));
        }
    }

    private void CheckPipe(EqlPipe pipe, bool isSample)
    {
        switch (pipe.Name)
        {
            case "head":
            case "tail":
                if (pipe.Arguments.Count > 1 || (pipe.Arguments.Count == 1 && !(pipe.Arguments[0] is EqlLiteral { Kind: EqlLiteralKind.Integer } n && !n.Text.StartsWith("-", StringComparison.Ordinal))))
                    Report(DiagnosticDescriptors.EqlInvalidPipe, pipe.Start, pipe.End - pipe.Start, $"'| {pipe.Name}' takes one non-negative integer");
                break;
            default:
                Report(DiagnosticDescriptors.EqlInvalidPipe, pipe.Start, pipe.End - pipe.Start,
                    $"Elasticsearch EQL has no '| {pipe.Name}' pipe: only head and tail" + (isSample ? "" : ""));
                break;
        }
    }

    private void CheckExpression(EqlExpression expression)
    {
        switch (expression)
        {
            case EqlField field:
                CheckField(field);
                break;
            case EqlUnary unary:
                CheckExpression(unary.Operand);
                break;
            case EqlBinary binary:
                CheckExpression(binary.Left);
                CheckExpression(binary.Right);
                if (binary.IsComparison)
                {
                    CheckComparisonTypes(binary.Left, binary.Right);
                    CheckComparisonTypes(binary.Right, binary.Left);
                }
                break;
            case EqlPredicate predicate:
                CheckPredicate(predicate);
                break;
            case EqlCall call:
                CheckCall(call);
                break;
        }
    }

    private void CheckField(EqlField field)
    {
        if (field.IsOptional || _fields.TypeOf(field.Name) is not null) return;
        // one warning per field and query is enough
        if (_reportedFields.Add(field.Name))
            Report(DiagnosticDescriptors.EqlUnknownField, field.Start, field.Length, field.Name);
    }

    private static bool IsNumeric(ElasticFieldType type) => type is ElasticFieldType.Long or ElasticFieldType.Double;

    private void CheckComparisonTypes(EqlExpression side, EqlExpression other)
    {
        if (side is not EqlField field || other is not EqlLiteral literal || literal.Kind == EqlLiteralKind.Null) return;
        var type = _fields.TypeOf(field.Name) ?? ElasticFieldType.Unknown;
        if (IsNumeric(type) && literal.Kind == EqlLiteralKind.String && !double.TryParse(literal.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            Report(DiagnosticDescriptors.EqlTypeMismatch, literal.Start, literal.Length, $"Field '{field.Name}' is numeric and cannot be compared with the string \"{literal.Text}\"");
        else if (type == ElasticFieldType.Date && literal.Kind == EqlLiteralKind.String && !EqlLiterals.TryParseDate(literal.Text, out _))
            Report(DiagnosticDescriptors.EqlTypeMismatch, literal.Start, literal.Length, $"Field '{field.Name}' is a date and \"{literal.Text}\" is not a date");
        else if (type == ElasticFieldType.Boolean && literal.Kind is EqlLiteralKind.Integer or EqlLiteralKind.Decimal or EqlLiteralKind.String
                 && !(literal.Kind == EqlLiteralKind.String && literal.Text is "true" or "false"))
            Report(DiagnosticDescriptors.EqlTypeMismatch, literal.Start, literal.Length, $"Field '{field.Name}' is a boolean and cannot be compared with {literal.Text}");
        else if (type is ElasticFieldType.Keyword or ElasticFieldType.Text or ElasticFieldType.Ip && literal.IsNumber)
            Report(DiagnosticDescriptors.EqlTypeMismatch, literal.Start, literal.Length, $"Field '{field.Name}' is a string and cannot be compared with the number {literal.Text}");
    }

    private void CheckPredicate(EqlPredicate predicate)
    {
        CheckExpression(predicate.Value);
        foreach (var pattern in predicate.Patterns) CheckExpression(pattern);
        var operatorName = predicate.Kind switch
        {
            EqlPredicateKind.Colon => ":",
            EqlPredicateKind.Like => "like",
            EqlPredicateKind.Regex => "regex",
            _ => "in",
        };
        if (predicate.Kind != EqlPredicateKind.In)
        {
            if (predicate.Value is EqlField field && (IsNumeric(ElasticFieldCatalog.TypeOf(field.Name)) || ElasticFieldCatalog.TypeOf(field.Name) == ElasticFieldType.Boolean))
                Report(DiagnosticDescriptors.EqlTypeMismatch, field.Start, field.Length, $"The first argument of '{operatorName}' must be a string, and field '{field.Name}' is {ElasticFieldCatalog.TypeOf(field.Name).ToString().ToLowerInvariant()}");
            foreach (var pattern in predicate.Patterns)
            {
                if (pattern is not EqlLiteral { Kind: EqlLiteralKind.String } text)
                {
                    Report(DiagnosticDescriptors.EqlConstantRequired, pattern.Start, pattern.Length, $"The pattern of '{operatorName}' must be a string constant");
                    continue;
                }
                if (predicate.Kind == EqlPredicateKind.Regex && EqlLiterals.ValidateRegex(text.Text) is { } problem)
                    Report(DiagnosticDescriptors.EqlInvalidRegex, text.Start, text.Length, problem);
            }
        }
        else
        {
            foreach (var pattern in predicate.Patterns)
            {
                if (pattern is not EqlLiteral) continue;
                CheckComparisonTypes(predicate.Value, pattern);
            }
        }
    }

    private void CheckCall(EqlCall call)
    {
        foreach (var argument in call.Arguments) CheckExpression(argument);
        var function = EqlFunction.Find(call.Name);
        if (function is null)
        {
            Report(DiagnosticDescriptors.EqlUnknownFunction, call.Start, call.NameEnd - call.Start, call.Name);
            return;
        }
        if (call.CaseInsensitive && !function.HasCaseInsensitiveVariant)
            Report(DiagnosticDescriptors.EqlNoCaseInsensitiveVariant, call.Start, call.NameEnd - call.Start + 1, function.Name);
        if (call.Arguments.Count < function.MinArguments || call.Arguments.Count > function.MaxArguments)
            Report(DiagnosticDescriptors.EqlWrongArity, call.Start, call.Length, function.Name, function.ArityText, call.Arguments.Count.ToString(CultureInfo.InvariantCulture));
        if (function.Name == "cidrMatch")
        {
            for (var i = 1; i < call.Arguments.Count; i++)
            {
                var argument = call.Arguments[i];
                if (argument is not EqlLiteral { Kind: EqlLiteralKind.String } block)
                    Report(DiagnosticDescriptors.EqlConstantRequired, argument.Start, argument.Length, "A CIDR block of cidrMatch");
                else if (!EqlLiterals.IsValidCidr(block.Text))
                    Report(DiagnosticDescriptors.EqlInvalidCidr, block.Start, block.Length, block.Text);
            }
        }
    }
}
