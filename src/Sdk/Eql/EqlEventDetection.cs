using AzureRules.Sdk.Detections;

namespace AzureRules.Sdk.Eql;

/// <summary>The pipes of an EQL event query that shape its result set: <c>| head N</c> and <c>| tail N</c>.</summary>
public enum EqlPipeKind : byte { Head, Tail }

public readonly record struct EqlPipe(EqlPipeKind Kind, int Count)
{
    /// <summary>Applies the pipes in order to results already sorted by timestamp and tiebreaker.</summary>
    public static IReadOnlyList<T> Apply<T>(IReadOnlyList<T> results, IReadOnlyList<EqlPipe> pipes)
    {
        foreach (var pipe in pipes)
        {
            var count = Math.Min(pipe.Count, results.Count);
            results = pipe.Kind == EqlPipeKind.Head
                ? results.Take(count).ToList()
                : results.Skip(results.Count - count).ToList();
        }
        return results;
    }
}

/// <summary>
/// An EQL event query (<c>category where condition</c>): decides on one event at a time like any
/// <see cref="ElasticEventDetection"/>, and carries its result pipes for whoever orders the results.
/// </summary>
public abstract class EqlEventDetection(RuleMetadata metadata) : ElasticEventDetection(metadata)
{
    private static readonly EqlPipe[] NoPipes = [];

    /// <summary><c>| head</c> and <c>| tail</c>, in the order written.</summary>
    public virtual IReadOnlyList<EqlPipe> Pipes => NoPipes;
}
