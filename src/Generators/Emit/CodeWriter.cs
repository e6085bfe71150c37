using System.Text;

namespace AzureRules.Generators.Emit;

/// <summary>A minimal indenting writer for generated C#. Lines end with \n so output is deterministic.</summary>
internal sealed class CodeWriter
{
    private readonly StringBuilder _builder = new();
    private int _indent;

    public CodeWriter Line(string text = "")
    {
        if (text.Length > 0) _builder.Append(' ', _indent * 4).Append(text);
        _builder.Append('\n');
        return this;
    }

    /// <summary>Writes a block of already-formatted lines (e.g. members from a query emitter) at the current indent.</summary>
    public CodeWriter Block(string text)
    {
        foreach (var line in text.Replace("\r\n", "\n").Split('\n'))
            Line(line.TrimEnd());
        return this;
    }

    public CodeWriter Open(string text)
    {
        Line(text);
        Line("{");
        _indent++;
        return this;
    }

    public CodeWriter Close(string suffix = "")
    {
        _indent--;
        return Line("}" + suffix);
    }

    public override string ToString() => _builder.ToString();
}
