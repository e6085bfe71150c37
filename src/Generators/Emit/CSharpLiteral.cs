using System.Globalization;
using System.Text;

namespace AzureRules.Generators.Emit;

/// <summary>
/// Turns text from rule files into C# literals. Rule names, descriptions, queries and tags reach
/// generated code only through here, so no quote, backslash, comment marker, brace or Unicode
/// sequence in a rule can break or inject code: everything outside printable ASCII is escaped.
/// </summary>
internal static class CSharpLiteral
{
    public static string String(string? value)
    {
        if (value is null) return "null";
        var builder = new StringBuilder(value.Length + 2);
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\0': builder.Append("\\0"); break;
                default:
                    if (c < 0x20 || c > 0x7E)
                        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    else
                        builder.Append(c);
                    break;
            }
        }
        builder.Append('"');
        return builder.ToString();
    }

    public static string Bool(bool value) => value ? "true" : "false";

    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Long(long value) => value.ToString(CultureInfo.InvariantCulture) + "L";

    public static string Double(double value)
    {
        if (double.IsNaN(value)) return "double.NaN";
        if (double.IsPositiveInfinity(value)) return "double.PositiveInfinity";
        if (double.IsNegativeInfinity(value)) return "double.NegativeInfinity";
        return value.ToString("R", CultureInfo.InvariantCulture) + "d";
    }

    public static string TimeSpan(System.TimeSpan value)
        => $"global::System.TimeSpan.FromTicks({Long(value.Ticks)})";

    /// <summary>
    /// Text for a single-line comment: line breaks and anything non-printable become spaces/escapes,
    /// so a rule name cannot end the comment early.
    /// </summary>
    public static string CommentText(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        var builder = new StringBuilder(value!.Length);
        foreach (var c in value)
            builder.Append(c < 0x20 || c > 0x7E ? ' ' : c);
        return builder.ToString();
    }

    /// <summary>Text for an XML doc comment line: as <see cref="CommentText"/> with &lt;, &gt; and &amp; escaped.</summary>
    public static string XmlDocText(string? value)
        => CommentText(value).Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
