using System.Reflection;
using AzureRules.Generators.Diagnostics;
using Microsoft.CodeAnalysis;

namespace AzureRules.Cli.Reports;

/// <summary>
/// Every AR diagnostic the rule compiler can report, with the name it has in the compiler
/// (<c>MalformedFile</c> for AR0101) and where its documentation is: what SARIF's
/// <c>tool.driver.rules</c> and other reports describe.
/// </summary>
internal static class DiagnosticCatalog
{
    public sealed record Entry(string Id, string Name, DiagnosticDescriptor Descriptor, string HelpUri);

    public static IReadOnlyList<Entry> All { get; } = Build();

    private static IReadOnlyList<Entry> Build()
    {
        var fields = typeof(DiagnosticDescriptors).GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor));
        return [.. fields
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .Zip(fields, (d, f) => new Entry(d.Id, f.Name, d, HelpUri(d.Id)))
            .GroupBy(e => e.Id).Select(g => g.First())
            .OrderBy(e => e.Id, StringComparer.Ordinal)];
    }

    /// <summary>The repository the tool was built from (Directory.Build.props), for documentation links.</summary>
    public static string RepositoryUrl { get; } =
        typeof(DiagnosticCatalog).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepositoryUrl")?.Value?.TrimEnd('/') ?? "";

    public static string HelpUri(string id) => $"{RepositoryUrl}/blob/main/docs/diagnostics.md#{id.ToLowerInvariant()}";

    public static string Version { get; } =
        typeof(DiagnosticCatalog).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
