using System.Text;

namespace AzureRules.Sdk.Kusto;

/// <summary>One CSV record split into fields (RFC 4180: quotes group, "" inside quotes is a quote), for parse_csv and externaldata.</summary>
internal static class KustoCsv
{
    public static List<string> SplitRecord(string record)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < record.Length; i++)
        {
            var ch = record[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < record.Length && record[i + 1] == '"') { field.Append('"'); i++; }
                else if (ch == '"') quoted = false;
                else field.Append(ch);
            }
            else if (ch == '"') quoted = true;
            else if (ch == ',') { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(ch);
        }
        fields.Add(field.ToString());
        return fields;
    }
}
