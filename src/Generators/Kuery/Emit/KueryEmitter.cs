using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using AzureRules.Generators.Elastic;
using AzureRules.Generators.Emit;
using AzureRules.Generators.Kuery.Binding;
using AzureRules.Generators.Kuery.Syntax;

namespace AzureRules.Generators.Kuery.Emit;

/// <summary>
/// Writes a bound query as the members of an <c>ElasticEventDetection</c>: one static slot per field
/// path and one static matcher per query value (patterns, IP blocks, dates, analysed phrases), all
/// built once when the class loads, and a <c>Matches</c> override that is a single boolean expression
/// over <c>AzureRules.Sdk.Kuery</c> helpers.
/// </summary>
internal sealed class KueryEmitter
{
    private const string Sdk = "global::AzureRules.Sdk.Kuery.";
    private readonly List<string> _fields = [];
    private readonly Dictionary<string, string> _slotByPath = new(System.StringComparer.Ordinal);
    private readonly Dictionary<string, string> _staticByInitializer = new(System.StringComparer.Ordinal);
    private int _lambdaDepth;

    public static string Emit(BoundKuery query) => Emit([("Matches", query)]);

    /// <summary>
    /// Several matchers of one class (an indicator match rule has the event query and the threat query)
    /// sharing the slots and static matchers: each a <c>public override bool Name(EventView e)</c>.
    /// </summary>
    public static string Emit(IReadOnlyList<(string Method, BoundKuery Query)> methods)
    {
        var emitter = new KueryEmitter();
        var bodies = methods.Select(m => (m.Method, Body: emitter.Expression(m.Query, "e", indent: 1))).ToList();
        var members = new StringBuilder();
        foreach (var field in emitter._fields) members.Append(field).Append('\n');
        if (emitter._slotByPath.Count > 0)
        {
            // Reading a static field in the constructor runs the class's static initialisers when the
            // rule is loaded, so every slot exists before the first event is read (without it the
            // runtime may defer them, beforefieldinit, to the first Matches call: after that event's load).
            members.Append("#pragma warning disable CS0414 // read for its side effect only\n");
            members.Append("private readonly int _slotsResolved = F0;\n");
            members.Append("#pragma warning restore CS0414\n");
        }
        if (emitter._fields.Count > 0) members.Append('\n');
        for (var i = 0; i < bodies.Count; i++)
        {
            if (i > 0) members.Append('\n');
            members.Append("public override bool ").Append(bodies[i].Method).Append("(global::AzureRules.Sdk.Events.EventView e)\n    => ").Append(bodies[i].Body).Append(";\n");
        }
        return members.ToString();
    }

    private string Expression(BoundKuery node, string view, int indent) => node switch
    {
        BoundConstant c => c.Value ? "true" : "false",
        BoundOr or => Join(or.Operands, " || ", view, indent),
        BoundAnd and => Join(and.Operands, " && ", view, indent),
        // and/or come back parenthesised, everything else is a call
        BoundNot not => "!" + Expression(not.Operand, view, indent),
        BoundExists exists => exists.Path.Length == 0 ? "false" : $"{view}.Exists({Slot(exists.Path)})",
        BoundMatch match => Match(match, view),
        BoundRange range => Range(range, view),
        BoundNested nested => Nested(nested, view, indent),
        BoundFreeText free => FreeText(free.Value, view),
        BoundWildcardQuery wildcard => $"{Static("KueryWildcardQuery", CSharpLiteral.String(wildcard.Pattern) + (wildcard.IgnoreCase ? ", ignoreCase: true" : ""))}.Matches({view}.Values({Slot(wildcard.Path)}))",
        BoundFieldPatternMatch pattern =>
            $"{Sdk}KueryDocument.AnyField({view}, {Static("KueryPattern", CSharpLiteral.String(pattern.FieldPattern.Replace("\\", "\\\\")))}, {DynamicValue(pattern.Value)})",
        _ => "false",
    };

    private string Join(System.Collections.Immutable.ImmutableArray<BoundKuery> operands, string op, string view, int indent)
    {
        if (operands.Length == 0) return op.Contains("&") ? "true" : "false";
        if (operands.Length == 1) return Expression(operands[0], view, indent);
        var newline = "\n" + new string(' ', 4 * (indent + 1));
        var terms = op.Contains("|") ? OrTerms(operands, view, indent + 1) : operands.Select(o => Expression(o, view, indent + 1)).ToList();
        return terms.Count == 1 ? terms[0] : "(" + string.Join(newline + op.TrimStart(), terms) + ")";
    }

    /// <summary>
    /// The terms of an <c>or</c>, where exact keyword values of one field (the long lists of process
    /// names and signers that detection rules are made of) become one set lookup at the place of the
    /// first: one hash of the value instead of a comparison per listed value. An <c>or</c> has no
    /// order to keep, and every term is a pure test of the event.
    /// </summary>
    private List<string> OrTerms(System.Collections.Immutable.ImmutableArray<BoundKuery> operands, string view, int indent)
    {
        var sets = operands.OfType<BoundMatch>()
            .Where(m => m.Path.Length > 0 && m.Kind is MatchKind.Keyword or MatchKind.KeywordIgnoreCase)
            .GroupBy(m => (m.Path, m.Kind))
            .Where(g => g.Count() >= KeywordSetMinimum)
            .ToDictionary(g => g.Key, g => g.Select(m => m.Value.Text).ToList());
        var emitted = new HashSet<(string, MatchKind)>();
        var terms = new List<string>();
        foreach (var operand in operands)
        {
            if (operand is BoundMatch match && sets.TryGetValue((match.Path, match.Kind), out var values))
            {
                if (emitted.Add((match.Path, match.Kind)))
                    terms.Add(KeywordSet(match.Path, match.Kind == MatchKind.KeywordIgnoreCase, values, view));
            }
            else
                terms.Add(Expression(operand, view, indent));
        }
        return terms;
    }

    // below this, comparing each value costs less than hashing the event's value
    private const int KeywordSetMinimum = 4;

    private string KeywordSet(string path, bool ignoreCase, IEnumerable<string> values, string view)
    {
        var arguments = (ignoreCase ? "true" : "false") + ", " + string.Join(", ", values.Distinct(System.StringComparer.Ordinal).Select(CSharpLiteral.String));
        return $"{Sdk}KueryMatch.AnyKeyword({view}.Values({Slot(path)}), {Static("KueryKeywordSet", arguments)})";
    }

    private string Match(BoundMatch match, string view)
    {
        if (match.Path.Length == 0) return "false";
        var values = $"{view}.Values({Slot(match.Path)})";
        var value = match.Value;
        return match.Kind switch
        {
            MatchKind.Keyword => $"{Sdk}KueryMatch.Keyword({values}, {CSharpLiteral.String(value.Text)})",
            MatchKind.KeywordWildcard => $"{Sdk}KueryMatch.Wildcard({values}, {Static("KueryPattern", CSharpLiteral.String(value.Pattern))})",
            MatchKind.KeywordIgnoreCase => $"{Sdk}KueryMatch.KeywordIgnoreCase({values}, {CSharpLiteral.String(value.Text)})",
            MatchKind.KeywordWildcardIgnoreCase => $"{Sdk}KueryMatch.Wildcard({values}, {Static("KueryPattern", CSharpLiteral.String(value.Pattern) + ", ignoreCase: true")})",
            MatchKind.TextTerms => $"{Sdk}KueryMatch.Text({values}, {Static("KueryText", CSharpLiteral.String(value.Text) + ", phrase: false")})",
            MatchKind.TextPhrase => $"{Sdk}KueryMatch.Text({values}, {Static("KueryText", CSharpLiteral.String(value.Text) + ", phrase: true")})",
            MatchKind.TextWildcard => $"{Sdk}KueryMatch.TextWildcard({values}, {Static("KueryPattern", CSharpLiteral.String(value.Pattern) + ", ignoreCase: true")})",
            MatchKind.Number => $"{Sdk}KueryMatch.Number({values}, {Number(value.Text)})",
            MatchKind.Boolean => $"{Sdk}KueryMatch.Boolean({values}, {(value.Text == "true" ? "true" : "false")})",
            MatchKind.Ip => $"{Sdk}KueryMatch.Ip({values}, {Static("KueryIpRange", CSharpLiteral.String(value.Text.Trim()))})",
            MatchKind.Date => $"{Sdk}KueryMatch.Date({values}, {Static("KueryDate", CSharpLiteral.String(value.Text))})",
            _ => $"{Sdk}KueryMatch.Dynamic({values}, {DynamicValue(value)})",
        };
    }

    private string Range(BoundRange range, string view)
    {
        if (range.Path.Length == 0) return "false";
        var values = $"{view}.Values({Slot(range.Path)})";
        var comparison = Sdk + "KueryComparison." + range.Operator switch
        {
            KueryRangeOperator.GreaterThan => "GreaterThan",
            KueryRangeOperator.GreaterThanOrEqual => "GreaterThanOrEqual",
            KueryRangeOperator.LessThan => "LessThan",
            _ => "LessThanOrEqual",
        };
        var text = range.Value.Text;
        return range.Type switch
        {
            ElasticFieldType.Long or ElasticFieldType.Double => $"{Sdk}KueryMatch.NumberRange({values}, {comparison}, {Number(text)})",
            ElasticFieldType.Date => $"{Sdk}KueryMatch.DateRange({values}, {comparison}, {Static("KueryDate", CSharpLiteral.String(text))})",
            ElasticFieldType.Ip => $"{Sdk}KueryMatch.IpRange({values}, {comparison}, {Static("KueryIpRange", CSharpLiteral.String(text.Trim()))})",
            ElasticFieldType.Keyword or ElasticFieldType.Text => $"{Sdk}KueryMatch.KeywordRange({values}, {comparison}, {CSharpLiteral.String(text)})",
            _ => $"{Sdk}KueryMatch.DynamicRange({values}, {comparison}, {Static("KueryValue", CSharpLiteral.String(text))})",
        };
    }

    private string Nested(BoundNested nested, string view, int indent)
    {
        _lambdaDepth++;
        var inner = "n" + _lambdaDepth.ToString(CultureInfo.InvariantCulture);
        var body = Expression(nested.Query, inner, indent + 1);
        _lambdaDepth--;
        return $"{Sdk}KueryDocument.Nested({view}, {CSharpLiteral.String(nested.Path)}, static {inner} => {body})";
    }

    private string FreeText(KueryLiteral value, string view)
    {
        var dynamic = DynamicValue(value);
        if (value.HasWildcard)
            return $"{Sdk}KueryDocument.FreeText({view}, {dynamic}, null, {Static("KueryPattern", CSharpLiteral.String(value.Pattern) + ", ignoreCase: true")})";
        var text = Static("KueryText", CSharpLiteral.String(value.Text) + (value.Quoted ? ", phrase: true" : ", phrase: false"));
        return $"{Sdk}KueryDocument.FreeText({view}, {dynamic}, {text}, null)";
    }

    private string DynamicValue(KueryLiteral value)
        => Static("KueryValue", CSharpLiteral.String(value.Text) + (value.HasWildcard ? ", " + CSharpLiteral.String(value.Pattern) : ""));

    private static string Number(string text)
    {
        var number = double.Parse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture);
        return number.ToString("R", CultureInfo.InvariantCulture) + "d";
    }

    private string Slot(string path)
    {
        if (_slotByPath.TryGetValue(path, out var name)) return name;
        name = "F" + _slotByPath.Count.ToString(CultureInfo.InvariantCulture);
        _slotByPath[path] = name;
        _fields.Add($"private static readonly int {name} = global::AzureRules.Sdk.Events.FieldTable.Slot({CSharpLiteral.String(path)});");
        return name;
    }

    private string Static(string type, string arguments)
    {
        var key = type + "(" + arguments + ")";
        if (_staticByInitializer.TryGetValue(key, out var name)) return name;
        name = "M" + _staticByInitializer.Count.ToString(CultureInfo.InvariantCulture);
        _staticByInitializer[key] = name;
        _fields.Add($"private static readonly {Sdk}{type} {name} = new({arguments});");
        return name;
    }
}
