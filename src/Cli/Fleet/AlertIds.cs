using System.Security.Cryptography;
using System.Text;

namespace AzureRules.Cli.Fleet;

/// <summary>
/// Deterministic alert ids, the alerts stream's message ids. An alert's JSON line holds everything that
/// makes it this alert — the rule, the execution's time and window, the rows, the source events (file
/// and line) and an EQL sequence's group — so its id is a hash of that line. Two alerts with the same
/// line (a Kusto rule grouping per row can return equal rows) are told apart by their occurrence: the
/// engine replays deterministically, so the n-th copy is the n-th copy again after a crash, and a
/// replay republishes ids the server has already seen, which it drops.
/// </summary>
internal sealed class AlertIds
{
    private readonly Dictionary<string, int> _seen = new(StringComparer.Ordinal);

    /// <summary>The id of the next alert with this JSON line.</summary>
    public string Next(string alertJsonLine)
    {
        var hash = Hash(alertJsonLine);
        _seen[hash] = _seen.TryGetValue(hash, out var n) ? n + 1 : 1;
        return _seen[hash] == 1 ? hash : $"{hash}-{_seen[hash]}";
    }

    /// <summary>The ids of alert lines as one process wrote them (<c>azrules run</c>), for comparing with a fleet's.</summary>
    public static List<string> Of(IEnumerable<string> alertJsonLines)
    {
        var ids = new AlertIds();
        return [.. alertJsonLines.Select(ids.Next)];
    }

    private static string Hash(string line) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(line)));
}
