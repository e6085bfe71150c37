using System.Collections.Generic;
using System.Collections.Immutable;
using AzureRules.Generators.Diagnostics;

namespace AzureRules.Generators.Formats.Toml;

/// <summary>
/// A TOML value as written: every node knows where it starts and ends in the file, so readers built on
/// the tree report their findings at the value. The tree is a reader's scratch data, not part of the
/// incremental pipeline's model, so it needs no value equality.
/// </summary>
internal abstract class TomlNode(SourcePosition start, SourcePosition end)
{
    public SourcePosition Start { get; internal set; } = start;
    public SourcePosition End { get; internal set; } = end;
    public abstract string TypeName { get; }
}

internal enum TomlStringStyle { Basic, Literal, MultiLineBasic, MultiLineLiteral }

/// <summary>A string of any of the four kinds, decoded, with the map of its characters into the file.</summary>
internal sealed class TomlString(string value, TomlStringStyle style, ImmutableArray<SourceMapSegment> map, SourcePosition start, SourcePosition end)
    : TomlNode(start, end)
{
    public string Value { get; } = value;
    public TomlStringStyle Style { get; } = style;
    /// <summary>Where each character of <see cref="Value"/> was written (see <see cref="QueryText"/>).</summary>
    public ImmutableArray<SourceMapSegment> Map { get; } = map;
    public override string TypeName => "string";
    public override string ToString() => Value;
}

internal sealed class TomlInteger(long value, SourcePosition start, SourcePosition end) : TomlNode(start, end)
{
    public long Value { get; } = value;
    public override string TypeName => "integer";
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

internal sealed class TomlFloat(double value, SourcePosition start, SourcePosition end) : TomlNode(start, end)
{
    public double Value { get; } = value;
    public override string TypeName => "float";
    public override string ToString() => Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}

internal sealed class TomlBoolean(bool value, SourcePosition start, SourcePosition end) : TomlNode(start, end)
{
    public bool Value { get; } = value;
    public override string TypeName => "boolean";
    public override string ToString() => Value ? "true" : "false";
}

internal enum TomlDateTimeKind { OffsetDateTime, LocalDateTime, LocalDate, LocalTime }

/// <summary>One of TOML's four date/time kinds, validated and kept as written (RFC 3339 text).</summary>
internal sealed class TomlDateTime(string text, TomlDateTimeKind kind, SourcePosition start, SourcePosition end) : TomlNode(start, end)
{
    public string Text { get; } = text;
    public TomlDateTimeKind Kind { get; } = kind;
    public override string TypeName => Kind switch
    {
        TomlDateTimeKind.OffsetDateTime => "offset date-time",
        TomlDateTimeKind.LocalDateTime => "local date-time",
        TomlDateTimeKind.LocalDate => "local date",
        _ => "local time",
    };
    public override string ToString() => Text;
}

/// <summary>An array value, or an array of tables (<c>[[name]]</c>), which is only ever extended by headers.</summary>
internal sealed class TomlArray(bool isArrayOfTables, SourcePosition start, SourcePosition end) : TomlNode(start, end)
{
    public List<TomlNode> Items { get; } = new();
    public bool IsArrayOfTables { get; } = isArrayOfTables;
    public override string TypeName => IsArrayOfTables ? "array of tables" : "array";
}

/// <summary>How a table came to be; decides whether a later header or dotted key may add to it.</summary>
internal enum TomlTableOrigin
{
    Root,
    /// <summary>Named on the way to a deeper header (<c>a</c> in <c>[a.b]</c>); may still get its own header once.</summary>
    Implicit,
    /// <summary>Defined by its own <c>[header]</c>.</summary>
    Header,
    /// <summary>One element of an array of tables, defined by a <c>[[header]]</c>.</summary>
    ArrayElement,
    /// <summary>Created by a dotted key (<c>a.b = 1</c> creates <c>a</c>).</summary>
    DottedKey,
    /// <summary>An inline table <c>{ … }</c> or a table made by a dotted key inside one: closed for good.</summary>
    Inline,
}

/// <summary>A table: keys in the order written, each with the position of the key.</summary>
internal sealed class TomlTable(TomlTableOrigin origin, SourcePosition start, SourcePosition end) : TomlNode(start, end)
{
    private readonly Dictionary<string, int> _index = new(System.StringComparer.Ordinal);
    private readonly List<TomlEntry> _entries = new();

    public TomlTableOrigin Origin { get; internal set; } = origin;
    public IReadOnlyList<TomlEntry> Entries => _entries;
    public override string TypeName => "table";

    public bool TryGet(string key, out TomlNode value)
    {
        if (_index.TryGetValue(key, out var i))
        {
            value = _entries[i].Value;
            return true;
        }
        value = null!;
        return false;
    }

    public TomlNode? this[string key] => TryGet(key, out var value) ? value : null;

    internal void Add(string key, SourcePosition keyPosition, TomlNode value)
    {
        _index[key] = _entries.Count;
        _entries.Add(new TomlEntry(key, keyPosition, value));
    }
}

internal readonly record struct TomlEntry(string Key, SourcePosition KeyPosition, TomlNode Value);

/// <summary>A parsed TOML file: the root table, or the first syntax error (TOML documents are all or nothing).</summary>
internal sealed class TomlDocument(TomlTable root, TextLines lines, TomlSyntaxError? error)
{
    public TomlTable Root { get; } = root;
    public TextLines Lines { get; } = lines;
    public TomlSyntaxError? Error { get; } = error;
}

internal sealed record TomlSyntaxError(string Message, SourcePosition Position)
{
    public override string ToString() => $"{Position}: {Message}";
}
