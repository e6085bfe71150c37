using System;

namespace AzureRules.Generators.Diagnostics;

/// <summary>
/// A place in a rule file: zero-based line and column (as Roslyn's LinePosition) plus the absolute
/// character offset, so diagnostics can be reported both as <c>path(line,col)</c> and as a TextSpan.
/// </summary>
internal readonly record struct SourcePosition(int Offset, int Line, int Column)
{
    public static readonly SourcePosition Start = new(0, 0, 0);
    public override string ToString() => $"({Line + 1},{Column + 1})";
}

/// <summary>A range of text in one rule file.</summary>
internal readonly record struct SourceSpan(string FilePath, SourcePosition Start, SourcePosition End)
{
    public static SourceSpan At(string filePath, SourcePosition position) => new(filePath, position, position);
    public int Length => Math.Max(0, End.Offset - Start.Offset);
    public override string ToString() => $"{FilePath}{Start}";
}
