namespace AzureRules.Sdk.Esql;

/// <summary>
/// The warnings a query raises while it runs (a function given a multi-value, an overflow, a value that
/// does not convert): Elasticsearch returns them beside the result and turns the failing value into
/// null. Functions are static, so the sink is per thread; a query run installs one with <see cref="Collect"/>.
/// Like Elasticsearch, only the first 20 are kept.
/// </summary>
public static class EsqlWarnings
{
    private const int Limit = 20;

    [ThreadStatic] private static List<string>? _current;

    /// <summary>Starts collecting on this thread; dispose to stop. Returns the list the warnings go to.</summary>
    public static Scope Collect(List<string> sink) => new(sink);

    /// <summary>Records a warning and returns null, the value of the failed evaluation.</summary>
    public static object? Null(string message)
    {
        if (_current is { Count: < Limit } list && !list.Contains(message)) list.Add(message);
        return null;
    }

    public const string MultiValue = "java.lang.IllegalArgumentException: single-value function encountered multi-value";

    public readonly struct Scope : IDisposable
    {
        private readonly List<string>? _previous;

        internal Scope(List<string> sink)
        {
            _previous = _current;
            _current = sink;
        }

        public void Dispose() => _current = _previous;
    }
}
