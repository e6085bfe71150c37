using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace AzureRules.Generators.Model;

/// <summary>
/// Compares by identity: for maps keyed by symbols or syntax nodes, which are records and would otherwise
/// compare by value (two lets of the same name and type are still two symbols).
/// </summary>
internal sealed class ReferenceComparer<T> : IEqualityComparer<T> where T : class
{
    public static readonly ReferenceComparer<T> Instance = new();

    public bool Equals(T? x, T? y) => ReferenceEquals(x, y);

    public int GetHashCode(T obj) => RuntimeHelpers.GetHashCode(obj);
}
