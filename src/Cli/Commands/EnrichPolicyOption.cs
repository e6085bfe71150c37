using System.CommandLine;
using AzureRules.Sdk.Esql;

namespace AzureRules.Cli.Commands;

/// <summary><c>--enrich-policies FILE</c> of `run` and `query`: the enrich policies ES|QL's ENRICH can name.</summary>
internal static class EnrichPolicyOption
{
    public static Option<string?> Create() => new("--enrich-policies")
    {
        Description = "JSON file of ES|QL enrich policies, as GET _enrich/policy prints them; their source indices are read from the events",
    };

    /// <summary>Reads the file when given; a missing or malformed file is one line on stderr, and false.</summary>
    public static bool TryRead(string? path, out EsqlEnrichPolicies policies)
    {
        policies = EsqlEnrichPolicies.None;
        if (path is null) return true;
        try
        {
            policies = EsqlEnrichPolicies.Load(path);
            return true;
        }
        catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine("azrules: --enrich-policies: " + Sdk.Text.ConsoleText.Escape(e.Message));
            return false;
        }
    }
}
