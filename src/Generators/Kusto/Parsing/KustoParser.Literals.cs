using System;
using System.Collections.Immutable;
using System.Globalization;
using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Kusto.Syntax;

namespace AzureRules.Generators.Kusto.Parsing;

internal sealed partial class KustoParser
{
    /// <summary>A string literal; adjacent literals (<c>"a" 'b'</c>) are one string, as in Kusto.</summary>
    private LiteralExpression ParseStringLiteral()
    {
        var first = Advance();
        var value = (string)first.Value!;
        while (Current.Kind == TokenKind.StringLiteral)
            value += (string)Advance().Value!;
        return new LiteralExpression(RangeFrom(first.Start), LiteralKind.String, value);
    }

    private void ReportInvalidLiteral(int start, int length, string kind, string text)
        => _diagnostics.Add(QueryDiagnostic.Create(DiagnosticDescriptors.KustoInvalidLiteral, start, length, kind, text));

    /// <summary><c>datetime(...)</c>, <c>timespan(...)</c>/<c>time(...)</c>, <c>guid(...)</c>: the lexer hands
    /// over the text between the parentheses as one raw token.</summary>
    private Expression ParseRawLiteral()
    {
        var keyword = Advance();
        Advance(); // (
        var raw = Current.Kind == TokenKind.RawText ? Advance() : default;
        var text = raw.Text ?? "";
        Expect(TokenKind.CloseParen, "')'");
        var span = RangeFrom(keyword.Start);
        text = Unquote(text.Trim());
        var isNull = text == "null";
        switch (keyword.Text)
        {
            case "datetime" or "date" when text is "now" or "today":
                // datetime(now) is the current time, as now() is
                return new FunctionCallExpression(span, new NameReference(raw.Kind == TokenKind.RawText ? new TextRange(raw.Start, raw.End) : span, text), ImmutableArray<Expression>.Empty);
            case "datetime" or "date":
                if (isNull) return new LiteralExpression(span, LiteralKind.DateTime, null);
                if (LiteralParser.TryParseDateTime(text, out var dateTime)) return new LiteralExpression(span, LiteralKind.DateTime, dateTime);
                ReportInvalidLiteral(span.Start, span.Length, "datetime", text);
                return new LiteralExpression(span, LiteralKind.DateTime, null);
            case "guid":
                if (isNull) return new LiteralExpression(span, LiteralKind.Guid, null);
                if (Guid.TryParse(text.Trim(), out var guid)) return new LiteralExpression(span, LiteralKind.Guid, guid);
                ReportInvalidLiteral(span.Start, span.Length, "guid", text);
                return new LiteralExpression(span, LiteralKind.Guid, null);
            default:
                if (isNull) return new LiteralExpression(span, LiteralKind.TimeSpan, null);
                if (LiteralParser.TryParseTimeSpanText(text, out var timeSpan)) return new LiteralExpression(span, LiteralKind.TimeSpan, timeSpan);
                ReportInvalidLiteral(span.Start, span.Length, "timespan", text);
                return new LiteralExpression(span, LiteralKind.TimeSpan, null);
        }
    }

    private static string Unquote(string text)
        => text.Length >= 2 && (text[0] == '"' || text[0] == '\'') && text[text.Length - 1] == text[0] ? text.Substring(1, text.Length - 2) : text;

    /// <summary><c>long(5)</c>, <c>int(null)</c>, <c>real(1.5)</c>, <c>real(nan)</c>, <c>decimal(1.5)</c>, <c>bool(true)</c>.</summary>
    private Expression ParseTypedLiteral()
    {
        var keyword = Advance();
        Advance(); // (
        var negative = TryEat(TokenKind.Minus);
        if (!negative) TryEat(TokenKind.Plus);
        var token = Current;
        if (token.Kind != TokenKind.CloseParen) Advance();
        Expect(TokenKind.CloseParen, "')'");
        var span = RangeFrom(keyword.Start);
        var kind = keyword.Text switch
        {
            "int" => LiteralKind.Int,
            "long" => LiteralKind.Long,
            "real" or "double" => LiteralKind.Real,
            "decimal" => LiteralKind.Decimal,
            "string" => LiteralKind.String,
            _ => LiteralKind.Bool,
        };
        if (token.Is("null")) return new LiteralExpression(span, kind, null);
        object? value = null;
        var sign = negative ? -1 : 1;
        switch (kind)
        {
            case LiteralKind.Int when token.Value is long l && (token.Text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? l <= uint.MaxValue : l * sign >= int.MinValue && l * sign <= int.MaxValue):
                value = unchecked((int)(l * sign)); // int(0xf090013d) wraps, as in Kusto
                break;
            case LiteralKind.Long when token.Value is long l:
                value = l * sign;
                break;
            case LiteralKind.Real when token.Value is long or double:
                value = Convert.ToDouble(token.Value, CultureInfo.InvariantCulture) * sign;
                break;
            case LiteralKind.Real when token.Kind == TokenKind.Identifier:
                value = token.Text switch { "nan" => double.NaN, "inf" => sign * double.PositiveInfinity, _ => null };
                break;
            case LiteralKind.Decimal when token.Kind is TokenKind.LongLiteral or TokenKind.RealLiteral
                                          && decimal.TryParse(token.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var m):
                value = m * sign;
                break;
            case LiteralKind.Bool when token.Kind == TokenKind.Identifier:
                value = token.Text.ToLowerInvariant() switch { "true" => true, "false" => false, _ => null };
                break;
            case LiteralKind.Bool when token.Value is long l:
                value = l != 0;
                break;
            case LiteralKind.String when token.Kind == TokenKind.StringLiteral:
                value = token.Value;
                break;
        }
        if (value is null) ReportInvalidLiteral(span.Start, span.Length, keyword.Text, token.Text);
        return new LiteralExpression(span, kind, value);
    }

    /// <summary><c>dynamic(json)</c>: arrays, property bags, strings, numbers, booleans, null.</summary>
    private Expression ParseDynamicLiteral()
    {
        var start = Advance().Start; // dynamic
        Advance(); // (
        var value = ParseDynamicValue();
        Expect(TokenKind.CloseParen, "')'");
        return new DynamicExpression(RangeFrom(start), value);
    }

    private Expression ParseDynamicValue()
    {
        if (!EnterNesting()) return Missing();
        try
        {
            var start = Current.Start;
            if (TryEat(TokenKind.OpenBracket))
            {
                var elements = ImmutableArray.CreateBuilder<Expression>();
                if (Current.Kind != TokenKind.CloseBracket)
                {
                    do
                    {
                        if (Current.Kind == TokenKind.CloseBracket) break; // trailing comma
                        elements.Add(ParseDynamicValue());
                    }
                    while (TryEat(TokenKind.Comma));
                }
                Expect(TokenKind.CloseBracket, "']'");
                return new DynamicArray(RangeFrom(start), elements.ToImmutable());
            }
            if (TryEat(TokenKind.OpenBrace))
            {
                var properties = ImmutableArray.CreateBuilder<DynamicProperty>();
                if (Current.Kind != TokenKind.CloseBrace)
                {
                    do
                    {
                        if (Current.Kind == TokenKind.CloseBrace) break;
                        var propertyStart = Current.Start;
                        var key = Current;
                        string name;
                        if (key.Kind == TokenKind.StringLiteral) { Advance(); name = (string)key.Value!; }
                        else if (key.Kind == TokenKind.Identifier) { Advance(); name = key.Text; }
                        else { ReportExpected("a property name"); name = ""; }
                        var value = Expect(TokenKind.Colon, "':'") ? ParseDynamicValue() : Missing();
                        properties.Add(new DynamicProperty(RangeFrom(propertyStart), name, value));
                    }
                    while (TryEat(TokenKind.Comma));
                }
                Expect(TokenKind.CloseBrace, "'}'");
                return new DynamicObject(RangeFrom(start), properties.ToImmutable());
            }
            if (IsKeyword("null"))
            {
                var token = Advance();
                return new LiteralExpression(new TextRange(token.Start, token.End), LiteralKind.Null, null);
            }
            return ParseUnary();
        }
        finally
        {
            LeaveNesting();
        }
    }

    /// <summary><c>datatable (schema) [values]</c>; a trailing comma after the last value is allowed.</summary>
    private QueryOperator ParseDataTable()
    {
        var start = Advance().Start; // datatable
        var parameters = ParseOperatorParameters(static _ => false);
        var schema = ParseSchema();
        var values = ImmutableArray.CreateBuilder<Expression>();
        if (Expect(TokenKind.OpenBracket, "'['"))
        {
            while (Current.Kind != TokenKind.CloseBracket && !AtEnd)
            {
                var before = _index;
                values.Add(ParseOr());
                if (!TryEat(TokenKind.Comma)) break;
                if (_index == before) break;
            }
            Expect(TokenKind.CloseBracket, "']'");
        }
        return new DataTableOperator(RangeFrom(start), parameters, schema, values.ToImmutable());
    }

    /// <summary><c>externaldata [kind=k] (schema) [uris] [with (format="csv", ...)]</c>.</summary>
    private QueryOperator ParseExternalData()
    {
        var start = Advance().Start; // externaldata
        var parameters = ParseOperatorParameters(static name => name == "kind");
        var schema = ParseSchema();
        var uris = ImmutableArray.CreateBuilder<Expression>();
        if (Expect(TokenKind.OpenBracket, "'['"))
        {
            while (Current.Kind != TokenKind.CloseBracket && !AtEnd)
            {
                var before = _index;
                uris.Add(ParseOr());
                if (!TryEat(TokenKind.Comma) || _index == before) break;
            }
            Expect(TokenKind.CloseBracket, "']'");
        }
        var with = TryEatKeyword("with") ? ParsePropertyList() : ImmutableArray<OperatorParameter>.Empty;
        return new ExternalDataOperator(RangeFrom(start), parameters, schema, uris.ToImmutable(), with);
    }
}
