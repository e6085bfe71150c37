using System;
using System.Collections.Generic;
using AzureRules.Generators.Elastic;

namespace AzureRules.Generators.Esql.Binding;

/// <summary>How a name resolved against the columns at one point of the pipeline.</summary>
internal enum EsqlResolutionKind
{
    /// <summary>A column the query created (EVAL, STATS, DISSECT, …) or a METADATA field.</summary>
    Column,
    /// <summary>A field of the index that the catalog knows (ECS or detection-rules' non-ECS fields).</summary>
    IndexField,
    /// <summary>A name that may be a field of the index, but the catalog does not know it.</summary>
    UnknownIndexField,
    /// <summary>Not checkable: an earlier command we cannot see through may have created it.</summary>
    Unchecked,
    /// <summary>ES|QL would reject it: KEEP, DROP, RENAME or STATS removed it, or nothing created it.</summary>
    Missing,
}

internal readonly record struct EsqlResolution(EsqlResolutionKind Kind, EsqlType Type, string? Reason);

/// <summary>
/// The columns flowing out of one command of the pipeline. Columns the query made are listed; the
/// fields of the FROM indices are not (their set is open: we have no mapping, only the ECS catalog),
/// so what KEEP and DROP leave of them is kept as the patterns those commands applied, and STATS
/// closes them off entirely.
/// </summary>
internal sealed class EsqlColumnScope
{
    private readonly Dictionary<string, EsqlType> _columns = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _removed = new(StringComparer.Ordinal);
    private readonly List<(IReadOnlyList<string> Patterns, string Reason)> _keeps = new();
    private readonly List<(string Pattern, string Reason)> _drops = new();
    private bool _hasIndexFields;
    private string? _indexFieldsClosedBy;

    /// <summary>True once a command we cannot see through (an unknown command, ENRICH without WITH,
    /// LOOKUP JOIN) may have added columns we do not know of: from then on missing names are not errors.</summary>
    public bool IsOpenEnded { get; private set; }

    public static EsqlColumnScope ForIndices()
    {
        var scope = new EsqlColumnScope { _hasIndexFields = true };
        return scope;
    }

    public static EsqlColumnScope Empty() => new();

    public IEnumerable<KeyValuePair<string, EsqlType>> Columns => _columns;

    public void MarkOpenEnded() => IsOpenEnded = true;

    public EsqlResolution Resolve(string name)
    {
        if (_columns.TryGetValue(name, out var type)) return new EsqlResolution(EsqlResolutionKind.Column, type, null);
        var indexReason = IndexFieldExclusion(name);
        if (indexReason is null)
        {
            if (ElasticFieldCatalog.TryGetField(name, out var fieldType))
                return new EsqlResolution(EsqlResolutionKind.IndexField, EsqlTypes.FromElastic(fieldType), null);
            return new EsqlResolution(IsOpenEnded ? EsqlResolutionKind.Unchecked : EsqlResolutionKind.UnknownIndexField, EsqlType.Unknown, null);
        }
        if (IsOpenEnded) return new EsqlResolution(EsqlResolutionKind.Unchecked, EsqlType.Unknown, null);
        if (_removed.TryGetValue(name, out var removedReason)) return new EsqlResolution(EsqlResolutionKind.Missing, EsqlType.Unknown, removedReason);
        return new EsqlResolution(EsqlResolutionKind.Missing, EsqlType.Unknown, indexReason);
    }

    /// <summary>Null when <paramref name="name"/> can still be a field of the FROM indices, else why not.</summary>
    private string? IndexFieldExclusion(string name)
    {
        if (!_hasIndexFields) return "no earlier command creates it";
        if (_indexFieldsClosedBy is not null) return $"{_indexFieldsClosedBy} only outputs its aggregates and BY groups";
        foreach (var (patterns, reason) in _keeps)
        {
            if (!MatchesAny(patterns, name)) return reason;
        }
        foreach (var (pattern, reason) in _drops)
        {
            if (NamePattern.Matches(pattern, name)) return reason;
        }
        return null;
    }

    public void Add(string name, EsqlType type)
    {
        _columns[name] = type;
        _removed.Remove(name);
    }

    public void Remove(string name, string reason)
    {
        if (_columns.Remove(name)) _removed[name] = reason;
    }

    /// <summary>KEEP: only columns matching one of the patterns remain; <paramref name="reason"/> says why the others are gone.</summary>
    public void Keep(IReadOnlyList<string> patterns, string reason)
    {
        foreach (var name in new List<string>(_columns.Keys))
        {
            if (!MatchesAny(patterns, name)) Remove(name, reason);
        }
        if (_hasIndexFields) _keeps.Add((patterns, reason));
    }

    /// <summary>DROP (and RENAME's old name): columns matching the pattern go.</summary>
    public void Drop(string pattern, string reason)
    {
        foreach (var name in new List<string>(_columns.Keys))
        {
            if (NamePattern.Matches(pattern, name)) Remove(name, reason);
        }
        if (_hasIndexFields && _indexFieldsClosedBy is null) _drops.Add((pattern, reason));
    }

    private static bool MatchesAny(IReadOnlyList<string> patterns, string name)
    {
        foreach (var pattern in patterns)
        {
            if (NamePattern.Matches(pattern, name)) return true;
        }
        return false;
    }

    /// <summary>STATS: only its aggregates and groups remain.</summary>
    public void ReplaceAll(IEnumerable<KeyValuePair<string, EsqlType>> columns, string command)
    {
        var reason = $"{command} only outputs its aggregates and BY groups";
        foreach (var name in new List<string>(_columns.Keys)) Remove(name, reason);
        if (_hasIndexFields) _indexFieldsClosedBy = command;
        foreach (var column in columns) Add(column.Key, column.Value);
    }
}

/// <summary>ES|QL name patterns: <c>*</c> matches any run of characters, dots included.</summary>
internal static class NamePattern
{
    public static bool Matches(string pattern, string name)
    {
        if (pattern.IndexOf('*') < 0) return string.Equals(pattern, name, StringComparison.Ordinal);
        return Match(pattern, 0, name, 0);
    }

    private static bool Match(string pattern, int p, string name, int n)
    {
        while (p < pattern.Length)
        {
            if (pattern[p] == '*')
            {
                while (p < pattern.Length && pattern[p] == '*') p++;
                if (p == pattern.Length) return true;
                for (var i = n; i <= name.Length; i++)
                {
                    if (Match(pattern, p, name, i)) return true;
                }
                return false;
            }
            if (n >= name.Length || pattern[p] != name[n]) return false;
            p++;
            n++;
        }
        return n == name.Length;
    }
}
