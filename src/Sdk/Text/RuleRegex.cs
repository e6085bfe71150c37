using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace AzureRules.Sdk.Text;

/// <summary>
/// The one place regexes built from rule text (or event values a rule uses as a pattern) are made,
/// for every rule language: an attacker writes the events a rule reads, so no match may run for
/// long. Each pattern runs on .NET's non-backtracking engine (linear in the input) when the pattern
/// allows it; constructs that engine lacks (backreferences, lookarounds, atomic groups) fall back to
/// the backtracking engine, and both carry <see cref="MatchTimeout"/>. A match that times out throws
/// <see cref="RegexMatchTimeoutException"/>, which the engine reports for that rule and event and
/// then goes on (see <c>RuleRunStatistics.RegexTimeouts</c>).
/// </summary>
public static class RuleRegex
{
    /// <summary>The longest one match may run (the non-backtracking engine never needs it for rule-sized patterns).</summary>
    public static TimeSpan MatchTimeout { get; set; } = TimeSpan.FromMilliseconds(200);

    // patterns may come from event values (Kusto's `matches regex` with a column on the right):
    // keep the cache bounded whatever the input
    private const int CacheLimit = 4096;
    private static readonly ConcurrentDictionary<(string, RegexOptions), Regex> Cache = new();

    /// <summary>The regex for a pattern, shared by every row and rule. Throws <see cref="ArgumentException"/> for a malformed pattern.</summary>
    public static Regex Create(string pattern, RegexOptions options = RegexOptions.CultureInvariant)
    {
        if (Cache.TryGetValue((pattern, options), out var cached)) return cached;
        if (Cache.Count >= CacheLimit) Cache.Clear();
        return Cache.GetOrAdd((pattern, options), static key => Build(key.Item1, key.Item2));
    }

    private static Regex Build(string pattern, RegexOptions options)
    {
        try
        {
            return new Regex(pattern, options | RegexOptions.NonBacktracking, MatchTimeout);
        }
        catch (NotSupportedException)
        {
            return new Regex(pattern, options, MatchTimeout);
        }
    }
}
