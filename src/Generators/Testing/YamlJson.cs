using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AzureRules.Generators.Testing;

/// <summary>
/// Writes a YAML node as JSON text, with YAML 1.2 core-schema typing for plain scalars (null, true,
/// false, numbers); quoted scalars are always strings. Inline test events and expected rows are YAML
/// so they read like the events themselves; the runtime gets them as JSON.
/// </summary>
internal static class YamlJson
{
    private const int MaxDepth = 64;

    private static readonly Regex Number = new(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$",
        RegexOptions.CultureInvariant, System.TimeSpan.FromSeconds(1));

    public static string Write(YamlNode node)
    {
        var text = new StringBuilder();
        Write(node, text, 0);
        return text.ToString();
    }

    private static void Write(YamlNode node, StringBuilder text, int depth)
    {
        if (depth > MaxDepth) throw new System.InvalidOperationException($"the value nests deeper than {MaxDepth} levels");
        switch (node)
        {
            case YamlMappingNode mapping:
                text.Append('{');
                var first = true;
                foreach (var pair in mapping.Children)
                {
                    if (!first) text.Append(',');
                    first = false;
                    String(((pair.Key as YamlScalarNode)?.Value) ?? "", text);
                    text.Append(':');
                    Write(pair.Value, text, depth + 1);
                }
                text.Append('}');
                break;
            case YamlSequenceNode sequence:
                text.Append('[');
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    if (i > 0) text.Append(',');
                    Write(sequence.Children[i], text, depth + 1);
                }
                text.Append(']');
                break;
            case YamlScalarNode scalar:
                Scalar(scalar, text);
                break;
            default:
                text.Append("null");
                break;
        }
    }

    private static void Scalar(YamlScalarNode scalar, StringBuilder text)
    {
        var value = scalar.Value ?? "";
        if (scalar.Style is ScalarStyle.Plain or ScalarStyle.Any)
        {
            switch (value)
            {
                case "" or "~" or "null" or "Null" or "NULL": text.Append("null"); return;
                case "true" or "True" or "TRUE": text.Append("true"); return;
                case "false" or "False" or "FALSE": text.Append("false"); return;
            }
            if (value.Length <= 64 && Number.IsMatch(value)
                && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                text.Append(value);
                return;
            }
        }
        String(value, text);
    }

    private static void String(string value, StringBuilder text)
    {
        text.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                default:
                    if (c < 0x20) text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else text.Append(c);
                    break;
            }
        }
        text.Append('"');
    }
}
