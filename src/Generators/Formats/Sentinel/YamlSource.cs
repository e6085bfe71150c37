using AzureRules.Generators.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AzureRules.Generators.Formats.Sentinel;

/// <summary>
/// The YAML of one rule and the file it stands in. A rule file is all YAML; a Sentinel rule page holds
/// the YAML as one section. YamlDotNet parses only <see cref="Yaml"/>, and every mark it reports is
/// turned back into a position in the whole file here, so diagnostics never need to know which it was.
/// </summary>
internal sealed class YamlSource
{
    public YamlSource(string path, string fileText, int start, int length)
    {
        Path = path;
        FileText = fileText;
        Lines = new TextLines(fileText);
        // A byte order mark is no YAML character (YamlDotNet would read it into the first key), but it
        // is a character of the text, so positions count it.
        if (length > 0 && fileText[start] == '\uFEFF')
        {
            start++;
            length--;
        }
        Start = start;
        Yaml = fileText.Substring(start, length);
    }

    public string Path { get; }
    /// <summary>The whole file.</summary>
    public string FileText { get; }
    public TextLines Lines { get; }
    /// <summary>Where the YAML starts in the file (always at the start of a line).</summary>
    public int Start { get; }
    public string Yaml { get; }
    public int End => Start + Yaml.Length;

    /// <summary>The file offset of a YamlDotNet mark. Its index counts characters of the parsed text.</summary>
    public int OffsetOf(Mark mark) => Start + (int)mark.Index;

    public SourcePosition PositionOf(Mark mark) => Lines.PositionOf(OffsetOf(mark));

    public SourcePosition PositionOfOffset(int offset) => Lines.PositionOf(offset);

    public SourceSpan SpanOf(YamlNode node) => new(Path, PositionOf(node.Start), PositionOf(node.End));

    public SourceSpan SpanOf(Mark start, Mark end) => new(Path, PositionOf(start), PositionOf(end));

    /// <summary>The first character of the YAML: where a missing field is reported.</summary>
    public SourceSpan StartSpan => SourceSpan.At(Path, Lines.PositionOf(Start));
}
