using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace AzureRules.Generators.Kuery.Translation;

/// <summary>A small JSON tree for query DSL, printed compactly with keys in the order they were added.</summary>
internal abstract class DslJson
{
    public abstract void Write(StringBuilder builder);

    public override string ToString()
    {
        var builder = new StringBuilder();
        Write(builder);
        return builder.ToString();
    }

    public static DslJson String(string value) => new DslScalar(Quote(value));

    /// <summary>A number as written in the query (already checked to be one).</summary>
    public static DslJson Number(string text) => new DslScalar(NormalizeNumber(text));

    public static DslJson Boolean(bool value) => new DslScalar(value ? "true" : "false");

    public static DslObject Object(params (string Key, DslJson Value)[] members) => new(members);

    // KQL takes numbers JSON does not ("01", ".5", "+1", "1."): print the value in JSON's form
    private static string NormalizeNumber(string text)
    {
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact))
            return exact.ToString(CultureInfo.InvariantCulture);
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && !double.IsInfinity(number) && !double.IsNaN(number)
            ? number.ToString("R", CultureInfo.InvariantCulture)
            : Quote(text);
    }

    // one JSON string escaper for every JSON the generator writes
    private static string Quote(string value)
    {
        var builder = new StringBuilder();
        Versioning.CanonicalJson.WriteString(builder, value);
        return builder.ToString();
    }
}

internal sealed class DslScalar(string json) : DslJson
{
    public override void Write(StringBuilder builder) => builder.Append(json);
}

internal sealed class DslArray(IReadOnlyList<DslJson> items) : DslJson
{
    public override void Write(StringBuilder builder)
    {
        builder.Append('[');
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0) builder.Append(',');
            items[i].Write(builder);
        }
        builder.Append(']');
    }
}

internal sealed class DslObject((string Key, DslJson Value)[] members) : DslJson
{
    public override void Write(StringBuilder builder)
    {
        builder.Append('{');
        for (var i = 0; i < members.Length; i++)
        {
            if (i > 0) builder.Append(',');
            String(members[i].Key).Write(builder);
            builder.Append(':');
            members[i].Value.Write(builder);
        }
        builder.Append('}');
    }
}
