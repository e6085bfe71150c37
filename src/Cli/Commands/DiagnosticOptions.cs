using System.CommandLine;
using Microsoft.CodeAnalysis;

namespace AzureRules.Cli.Commands;

/// <summary>
/// The compiler-style switches that decide which rule diagnostics are reported and which fail the
/// command: <c>--nowarn AR0402,AR0202</c>, <c>--warnaserror</c>, <c>--min-severity info|warning|error</c>.
/// They work like the C# compiler's, so a CI log and a local build agree.
/// </summary>
internal sealed class DiagnosticOptions
{
    private readonly Option<string[]> _noWarn = new("--nowarn")
    {
        Description = "Diagnostic ids not to report (comma or space separated, e.g. AR0402,AR0202)",
        AllowMultipleArgumentsPerToken = false,
    };
    private readonly Option<bool> _warnAsError = new("--warnaserror") { Description = "Treat warnings as errors (they then fail the command)" };
    private readonly Option<string> _minSeverity = new("--min-severity")
    {
        Description = "Report only diagnostics of this severity or higher: info, warning (default) or error",
        DefaultValueFactory = _ => "warning",
    };

    public DiagnosticOptions() => _minSeverity.AcceptOnlyFromAmong("info", "warning", "error");

    public void AddTo(Command command)
    {
        command.Options.Add(_noWarn);
        command.Options.Add(_warnAsError);
        command.Options.Add(_minSeverity);
    }

    public DiagnosticFilter Read(ParseResult parse) => new(
        [.. (parse.GetValue(_noWarn) ?? []).SelectMany(v => v.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))],
        parse.GetValue(_warnAsError),
        parse.GetValue(_minSeverity) switch { "info" => DiagnosticSeverity.Info, "error" => DiagnosticSeverity.Error, _ => DiagnosticSeverity.Warning });
}

/// <summary>Applies the switches: drops suppressed ids, promotes warnings, drops what is below the minimum severity.</summary>
internal sealed record DiagnosticFilter(IReadOnlyCollection<string> NoWarn, bool WarnAsError, DiagnosticSeverity MinSeverity)
{
    public static readonly DiagnosticFilter Default = new([], false, DiagnosticSeverity.Warning);

    public IReadOnlyList<Diagnostic> Apply(IEnumerable<Diagnostic> diagnostics)
    {
        var list = new List<Diagnostic>();
        foreach (var diagnostic in diagnostics)
        {
            if (NoWarn.Contains(diagnostic.Id, StringComparer.OrdinalIgnoreCase) && diagnostic.Severity != DiagnosticSeverity.Error) continue;
            var reported = WarnAsError && diagnostic.Severity == DiagnosticSeverity.Warning ? AsError(diagnostic) : diagnostic;
            if (reported.Severity < MinSeverity || reported.Severity == DiagnosticSeverity.Hidden) continue;
            list.Add(reported);
        }
        return list;
    }

    private static Diagnostic AsError(Diagnostic diagnostic) => Diagnostic.Create(
        diagnostic.Id, diagnostic.Descriptor.Category, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture),
        DiagnosticSeverity.Error, diagnostic.DefaultSeverity, isEnabledByDefault: true, warningLevel: 0,
        title: diagnostic.Descriptor.Title, helpLink: diagnostic.Descriptor.HelpLinkUri, location: diagnostic.Location);
}
