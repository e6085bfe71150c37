using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using AzureRules.Generators.Elastic;
using AzureRules.Generators.Kuery.Binding;
using AzureRules.Generators.Kuery.Syntax;

namespace AzureRules.Generators.Kuery.Translation;

/// <summary>
/// KQL to an EQL condition, as detection-rules' kql2eql does it: <c>field:value</c> is
/// <c>field == 'value'</c> (numbers and booleans bare), a wildcard value is <c>field : "pat*"</c>,
/// <c>field:*</c> is <c>field != null</c>, a negated comparison flips its operator, a list of plain values
/// is <c>field in (…)</c>, an ip field's CIDR block is <c>cidrMatch(field, '…')</c>. Free text and nested
/// queries have no EQL equivalent and give an error result. With field types, values are typed by the
/// field (a long field takes <c>"1"</c> as 1, a keyword field takes 1 as '1') and checked against it.
/// </summary>
internal static class KueryToEql
{
    public static TranslationResult Translate(KueryNode query, IKueryFieldTypes? types = null)
    {
        try
        {
            return TranslationResult.Success(new Writer(types).Expression(KqlGrouping.Group(query), negate: false));
        }
        catch (UntranslatableException e)
        {
            return TranslationResult.Failure(e.Message);
        }
    }

    private sealed class UntranslatableException(string message) : Exception(message);

    private sealed class Writer(IKueryFieldTypes? types)
    {
        public string Expression(KqlExpression expression, bool negate)
        {
            switch (expression)
            {
                case KqlBoolean boolean:
                    var joined = string.Join(boolean.IsAnd ? " and " : " or ", boolean.Operands.Select(Operand));
                    return negate ? "not (" + joined + ")" : joined;
                case KqlNot not:
                    return Expression(not.Operand, !negate);
                case KqlField field:
                    return Value(field.Field, field.Value, negate);
                case KqlRange range:
                    var comparison = $"{Field(range.Field)} {KueryFormatter.Operator(range.Operator)} {Scalar(range.Field, range.Value)}";
                    return negate ? "not (" + comparison + ")" : comparison;
                case KqlNested:
                    throw new UntranslatableException("Unable to convert nested query to EQL");
                default:
                    throw new UntranslatableException("Unable to convert free text search to EQL");
            }
        }

        // an operand of and/or that prints as and/or itself is parenthesised (a list printed as `in` is not)
        private string Operand(KqlExpression operand)
        {
            var text = Expression(operand, negate: false);
            var compound = operand is KqlBoolean || operand is KqlField { Value: KqlValueBoolean list } field && !IsInList(field.Field, list);
            return compound ? "(" + text + ")" : text;
        }

        /// <summary>A list of plain values (no wildcard, no CIDR block) prints as <c>field in (…)</c>.</summary>
        private bool IsInList(string field, KqlValueBoolean list)
            => !list.IsAnd && list.Operands.All(o => o is KqlValueLiteral { Literal: { HasWildcard: false } literal } && !IsCidr(field, literal));

        private string Value(string field, KqlValue value, bool negate)
        {
            switch (value)
            {
                case KqlValueLiteral { Literal: var literal }:
                    return Comparison(field, literal, negate);
                case KqlValueNot not:
                    return Value(field, not.Operand, !negate);
                case KqlValueBoolean list when IsInList(field, list):
                    var values = string.Join(", ", list.Operands.Select(o => Scalar(field, ((KqlValueLiteral)o).Literal)));
                    return $"{Field(field)} {(negate ? "not in" : "in")} ({values})";
                default:
                    var boolean = (KqlValueBoolean)value;
                    var joined = string.Join(boolean.IsAnd ? " and " : " or ", boolean.Operands.Select(o =>
                        o is KqlValueBoolean ? "(" + Value(field, o, false) + ")" : Value(field, o, false)));
                    return negate ? "not (" + joined + ")" : joined;
            }
        }

        private string Comparison(string field, KueryLiteral literal, bool negate)
        {
            if (literal.IsLoneWildcard) return Field(field) + (negate ? " == null" : " != null");
            string text;
            if (literal.HasWildcard) text = $"{Field(field)} : {Quote(EqlWildcard(literal.Pattern), '"')}";
            else if (IsCidr(field, literal)) text = $"cidrMatch({Field(field)}, {Quote(literal.Text, '\'')})";
            else return $"{Field(field)} {(negate ? "!=" : "==")} {Scalar(field, literal)}";
            return negate ? "not " + text : text;
        }

        /// <summary>The pattern as an EQL wildcard string, which has no way to write a literal <c>*</c>.</summary>
        private static string EqlWildcard(string pattern)
        {
            var text = new StringBuilder();
            for (var i = 0; i < pattern.Length; i++)
            {
                var c = pattern[i];
                if (c == '\\' && i + 1 < pattern.Length)
                {
                    c = pattern[++i];
                    if (c == '*') throw new UntranslatableException("EQL wildcards cannot hold a literal '*'");
                }
                text.Append(c);
            }
            return text.ToString();
        }

        private bool IsCidr(string field, KueryLiteral literal)
            => types?.TypeOf(field) == ElasticFieldType.Ip && literal.Text.IndexOf('/') >= 0 && IsAddress(literal.Text);

        /// <summary>
        /// An address or CIDR block written in full: .NET also reads "1" or "1.2" as IPv4 addresses,
        /// which Elasticsearch's ip type (and detection-rules) reject.
        /// </summary>
        private static bool IsAddress(string text)
        {
            var slash = text.IndexOf('/');
            var address = slash < 0 ? text : text.Substring(0, slash);
            return KueryValues.IsIpOrCidr(text) && (address.IndexOf(':') >= 0 || address.Split('.').Length == 4);
        }

        /// <summary>A value as an EQL literal, typed by the field when its type is known.</summary>
        private string Scalar(string field, KueryLiteral literal)
        {
            var text = literal.Text;
            switch (types?.TypeOf(field))
            {
                case ElasticFieldType.Long or ElasticFieldType.Double:
                    return KueryValues.IsNumber(text) ? text.Trim() : throw Mismatch(field, "number");
                case ElasticFieldType.Boolean:
                    return text is "true" or "false" ? text : throw Mismatch(field, "boolean");
                case ElasticFieldType.Ip:
                    return IsAddress(text) ? Quote(text, '\'') : throw Mismatch(field, "ip");
                case ElasticFieldType.Object:
                    throw Mismatch(field, "nested");
                case ElasticFieldType.Text:
                    throw new UntranslatableException($"EQL cannot compare the text field {field}");
                case ElasticFieldType.Keyword or ElasticFieldType.Date:
                    return Quote(text, '\'');
            }
            if (!literal.Quoted && (KueryValues.IsNumber(text) && text.Trim() == text || text is "true" or "false")) return text;
            return Quote(text, '\'');
        }

        private static UntranslatableException Mismatch(string field, string type)
            => new($"Value doesn't match {field}'s type: {type}");
    }

    private static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "and", "or", "not", "in", "like", "regex", "where", "by", "with", "sequence", "sample", "until", "maxspan",
        "true", "false", "null", "any", "join", "of",
    };

    /// <summary>A field path in EQL: each dot-separated part that is not a plain identifier goes in backticks.</summary>
    private static string Field(string name)
        => string.Join(".", name.Split('.').Select(part =>
            part.Length > 0 && (char.IsLetter(part[0]) || part[0] is '_' or '@') && part.All(c => char.IsLetterOrDigit(c) || c is '_' or '@') && !Keywords.Contains(part)
                ? part
                : "`" + part.Replace("`", "``") + "`"));

    private static string Quote(string text, char quote)
    {
        var builder = new StringBuilder().Append(quote);
        foreach (var c in text)
        {
            if (c == '\\' || c == quote) builder.Append('\\');
            builder.Append(c);
        }
        return builder.Append(quote).ToString();
    }
}
