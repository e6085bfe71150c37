using System.Linq;
using AzureRules.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace AzureRules.Generators.Diagnostics;

/// <summary>
/// A diagnostic found in a rule file, kept as plain equatable data (id, message arguments, place) so it
/// can travel through the incremental pipeline; it becomes a Roslyn <see cref="Diagnostic"/> only at
/// the end, against the descriptor registered under its id.
/// </summary>
internal sealed record RuleDiagnostic(string Id, EquatableArray<string> Arguments, SourceSpan Span)
{
    public static RuleDiagnostic Create(DiagnosticDescriptor descriptor, SourceSpan span, params string[] arguments)
        => new(descriptor.Id, arguments.ToEquatableArray(), span);

    public DiagnosticDescriptor Descriptor => DiagnosticDescriptors.Get(Id);
    public DiagnosticSeverity DefaultSeverity => Descriptor.DefaultSeverity;

    public string FormatMessage()
        => string.Format(System.Globalization.CultureInfo.InvariantCulture,
            Descriptor.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Arguments.Items.Cast<object>().ToArray());

    public Diagnostic ToDiagnostic()
    {
        var lineSpan = new LinePositionSpan(
            new LinePosition(Span.Start.Line, Span.Start.Column),
            new LinePosition(Span.End.Line, Span.End.Column));
        var textSpan = new TextSpan(Span.Start.Offset, Span.Length);
        var location = Location.Create(Span.FilePath, textSpan, lineSpan);
        return Diagnostic.Create(Descriptor, location, Arguments.Items.Cast<object>().ToArray());
    }

    /// <summary><c>path(line,col): error AR0101: message</c>, the form compilers and CI log parsers read.</summary>
    public override string ToString()
    {
        var severity = DefaultSeverity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            _ => "info",
        };
        return $"{Span}: {severity} {Id}: {FormatMessage()}";
    }
}

/// <summary>
/// A diagnostic found inside a query, located by character offsets into the query text. The rule's
/// <see cref="QueryText"/> maps it back to the line and column of the rule file.
/// </summary>
internal sealed record QueryDiagnostic(string Id, int Start, int Length, EquatableArray<string> Arguments)
{
    public static QueryDiagnostic Create(DiagnosticDescriptor descriptor, int start, int length, params string[] arguments)
        => new(descriptor.Id, start, length, arguments.ToEquatableArray());

    public RuleDiagnostic ToRuleDiagnostic(QueryText query)
        => new(Id, Arguments, query.MapSpan(Start, Length));
}
