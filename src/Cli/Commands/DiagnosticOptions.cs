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

    private readonly Option<string[]> _globalConfig = new("--globalconfig")
    {
        Description = "A global analyzer config whose dotnet_diagnostic.<id>.severity lines apply, as in the build (e.g. rules.globalconfig)",
    };

    public DiagnosticOptions() => _minSeverity.AcceptOnlyFromAmong("info", "warning", "error");

    public void AddTo(Command command)
    {
        command.Options.Add(_globalConfig);
        command.Options.Add(_noWarn);
        command.Options.Add(_warnAsError);
        command.Options.Add(_minSeverity);
    }

    public DiagnosticFilter Read(ParseResult parse) => new(
        [.. (parse.GetValue(_noWarn) ?? []).SelectMany(v => v.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))],
        parse.GetValue(_warnAsError),
        parse.GetValue(_minSeverity) switch { "info" => DiagnosticSeverity.Info, "error" => DiagnosticSeverity.Error, _ => DiagnosticSeverity.Warning })
    {
        Severities = GlobalConfig.Severities(parse.GetValue(_globalConfig) ?? []),
    };
}

/// <summary>
/// The <c>dotnet_diagnostic.&lt;id&gt;.severity</c> lines of global analyzer configs, so the CLI
/// reports rule diagnostics at the severities the build uses. Later files win, as in the build.
/// </summary>
internal static class GlobalConfig
{
    public static IReadOnlyDictionary<string, DiagnosticSeverity?> Severities(IEnumerable<string> files)
    {
        var severities = new Dictionary<string, DiagnosticSeverity?>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in files)
        {
            if (!File.Exists(file)) throw new UsageException($"no such global analyzer config: {file}");
            var number = 0;
            foreach (var raw in File.ReadLines(file))
            {
                number++;
                var line = raw.Trim();
                if (line.Length == 0 || line[0] is '#' or ';' or '[') continue;
                var equals = line.IndexOf('=');
                if (equals < 0) continue;
                var key = line[..equals].Trim();
                const string Prefix = "dotnet_diagnostic.", Suffix = ".severity";
                if (!key.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || !key.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase)) continue;
                var id = key[Prefix.Length..^Suffix.Length];
                severities[id] = line[(equals + 1)..].Trim().ToLowerInvariant() switch
                {
                    "error" => DiagnosticSeverity.Error,
                    "warning" => DiagnosticSeverity.Warning,
                    "suggestion" => DiagnosticSeverity.Info,
                    "silent" or "none" => null,
                    var other => throw new UsageException($"{file}({number}): '{other}' is no severity (none, silent, suggestion, warning, error)"),
                };
            }
        }
        return severities;
    }
}

/// <summary>Applies the switches: drops suppressed ids, promotes warnings, drops what is below the minimum severity.</summary>
internal sealed record DiagnosticFilter(IReadOnlyCollection<string> NoWarn, bool WarnAsError, DiagnosticSeverity MinSeverity)
{
    public static readonly DiagnosticFilter Default = new([], false, DiagnosticSeverity.Warning);

    /// <summary>Severities set per id (a global analyzer config); null: not reported.</summary>
    public IReadOnlyDictionary<string, DiagnosticSeverity?> Severities { get; init; } = new Dictionary<string, DiagnosticSeverity?>();

    public IReadOnlyList<Diagnostic> Apply(IEnumerable<Diagnostic> diagnostics)
    {
        var list = new List<Diagnostic>();
        foreach (var diagnostic in diagnostics)
        {
            if (NoWarn.Contains(diagnostic.Id, StringComparer.OrdinalIgnoreCase) && diagnostic.Severity != DiagnosticSeverity.Error) continue;
            var configured = diagnostic;
            if (Severities.TryGetValue(diagnostic.Id, out var severity))
            {
                if (severity is not { } set) continue;
                configured = WithSeverity(diagnostic, set);
            }
            var reported = WarnAsError && configured.Severity == DiagnosticSeverity.Warning ? WithSeverity(configured, DiagnosticSeverity.Error) : configured;
            if (reported.Severity < MinSeverity || reported.Severity == DiagnosticSeverity.Hidden) continue;
            list.Add(reported);
        }
        return list;
    }

    private static Diagnostic WithSeverity(Diagnostic diagnostic, DiagnosticSeverity severity) => severity == diagnostic.Severity ? diagnostic : Diagnostic.Create(
        diagnostic.Id, diagnostic.Descriptor.Category, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture),
        severity, diagnostic.DefaultSeverity, isEnabledByDefault: true, warningLevel: 0,
        title: diagnostic.Descriptor.Title, helpLink: diagnostic.Descriptor.HelpLinkUri, location: diagnostic.Location);
}
