using System.Text;

namespace AzureRules.Cli.Fleet;

/// <summary>
/// The JetStream names one fleet uses, all derived from its name (<c>--fleet</c>, default "azrules"), so
/// several fleets can share one NATS server: the events stream (subjects <c>NAME.events.TABLE</c> and
/// <c>NAME.end</c>), the alerts stream (<c>NAME.alerts</c>), a key-value bucket of live workers (entries
/// expire unless renewed) and one of the fleet's state (partition count, finished partitions).
/// </summary>
internal sealed class FleetNames
{
    public const string Default = "azrules";

    private FleetNames(string name) => Name = name;

    public string Name { get; }
    public string EventsStream => Name + "-events";
    public string AlertsStream => Name + "-alerts";
    public string WorkersBucket => Name + "-workers";
    public string StateBucket => Name + "-state";
    public string EventSubjects => Name + ".events.>";
    public string EndSubject => Name + ".end";
    public string AlertsSubject => Name + ".alerts";

    /// <summary>The subject of an event of a table (Sentinel) or index (Elastic): one token, so '.', '*', '>' and blanks become '_'.</summary>
    public string EventSubject(string tableOrIndex) => $"{Name}.events.{Token(tableOrIndex)}";

    /// <summary>A fleet name is one subject token and a valid stream name: letters, digits, '-' and '_'.</summary>
    public static bool TryCreate(string? name, out FleetNames names, out string error)
    {
        names = new FleetNames(name ?? Default);
        error = "";
        if (names.Name.Length == 0 || names.Name.Length > 64 || !names.Name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            error = $"--fleet '{name}' is not a fleet name (1 to 64 letters, digits, '-' or '_')";
            return false;
        }
        return true;
    }

    private static string Token(string text)
    {
        if (text.Length == 0) return "_";
        var token = new StringBuilder(text.Length);
        foreach (var c in text) token.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_');
        return token.ToString();
    }
}
