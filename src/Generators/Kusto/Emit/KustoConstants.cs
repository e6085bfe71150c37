using System.Collections.Generic;
using System.Text;

namespace AzureRules.Generators.Kusto.Emit;

/// <summary>
/// The constants of one rule class: literals, dynamic constants, constant in-sets and compiled patterns
/// (regex, like) become <c>private static readonly</c> fields, built once when the class is first used
/// rather than once per row. Equal constants share one field; fields are numbered in order of first use,
/// so the output is deterministic.
/// </summary>
internal sealed class KustoConstants
{
    private readonly Dictionary<string, string> _byExpression = new(System.StringComparer.Ordinal);
    private readonly List<(string Type, string Name, string Expression)> _fields = [];

    /// <summary>The field holding <paramref name="expression"/> (a C# expression of <paramref name="type"/> that reads no row).</summary>
    public string Field(string expression, string type = KustoRuntimeNames.Value)
    {
        var key = type + " " + expression;
        if (_byExpression.TryGetValue(key, out var name)) return name;
        name = "K" + (_fields.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        _byExpression[key] = name;
        _fields.Add((type, name, expression));
        return name;
    }

    public void AppendFields(StringBuilder members)
    {
        if (_fields.Count == 0) return;
        members.Append('\n');
        foreach (var (type, name, expression) in _fields)
            members.Append($"private static readonly {type} {name} = {expression};\n");
    }
}
