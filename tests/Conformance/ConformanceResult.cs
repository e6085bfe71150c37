namespace AzureRules.Conformance;

/// <summary>Pass/fail counts of a conformance run, overall and per feature.</summary>
internal sealed class ConformanceResult
{
    private readonly SortedDictionary<string, (int Passed, int Failed)> _byFeature = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, List<string>> _failuresByCause = new(StringComparer.Ordinal);

    public int Passed { get; private set; }

    /// <summary>Passed and failed counts per feature (category).</summary>
    public IReadOnlyDictionary<string, (int Passed, int Failed)> ByFeature => _byFeature;
    public int Failed { get; private set; }

    /// <summary>Records one case. <paramref name="features"/> may be empty; <paramref name="failureCause"/> groups failures.</summary>
    public void Record(string caseName, IEnumerable<string> features, bool passed, string? failureCause = null)
    {
        if (passed) Passed++; else Failed++;
        var any = false;
        foreach (var feature in features)
        {
            any = true;
            Count(feature, passed);
        }
        if (!any) Count("(none)", passed);
        if (!passed)
        {
            var cause = failureCause ?? "wrong result";
            if (!_failuresByCause.TryGetValue(cause, out var list)) _failuresByCause[cause] = list = [];
            list.Add(caseName);
        }
    }

    private void Count(string feature, bool passed)
    {
        _byFeature.TryGetValue(feature, out var c);
        _byFeature[feature] = passed ? (c.Passed + 1, c.Failed) : (c.Passed, c.Failed + 1);
    }

    public void PrintSummary(TextWriter writer)
    {
        writer.WriteLine("by feature:");
        foreach (var (feature, (p, f)) in _byFeature)
            writer.WriteLine($"  {feature,-32} {p,5} passed {f,5} failed  {(p + f == 0 ? 0 : 100.0 * p / (p + f)),5:0.0}%");
        if (_failuresByCause.Count > 0)
        {
            writer.WriteLine("failures by cause:");
            foreach (var (cause, cases) in _failuresByCause.OrderByDescending(kv => kv.Value.Count))
                writer.WriteLine($"  {cases.Count,5}  {cause}   e.g. {string.Join(", ", cases.Take(3))}");
        }
        writer.WriteLine($"{Passed} passed, {Failed} failed");
    }
}
