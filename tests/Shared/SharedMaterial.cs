using System.Runtime.CompilerServices;

namespace AzureRules.Tests;

/// <summary>
/// Finds the read-only material in <c>../shared</c> (seeds, corpora, conformance suites) beside the
/// repository. Tests that need it call <see cref="Require"/>, which skips with a message when absent.
/// </summary>
internal static class SharedMaterial
{
    private static readonly Lazy<string?> Root = new(Find);

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The shared folder, or null when this checkout has none beside it.</summary>
    public static string? Directory => Root.Value;

    public static bool IsAvailable => Directory is not null;

    /// <summary>The path of something in shared/, e.g. <c>Path("corpus", "sentinel")</c>; null when absent.</summary>
    public static string? Path(params string[] parts)
    {
        if (Directory is null) return null;
        var path = System.IO.Path.Combine([Directory, .. parts]);
        return File.Exists(path) || System.IO.Directory.Exists(path) ? path : null;
    }

    private static string? Find()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("AZURERULES_SHARED");
        if (!string.IsNullOrEmpty(fromEnvironment) && System.IO.Directory.Exists(fromEnvironment)) return fromEnvironment;
        var candidate = System.IO.Path.GetFullPath(System.IO.Path.Combine(RepositoryRoot, "..", "shared"));
        return System.IO.Directory.Exists(candidate) ? candidate : null;
    }

    private static string FindRepositoryRoot([CallerFilePath] string thisFile = "")
    {
        // tests/Shared/SharedMaterial.cs → the repository root is two folders up
        var dir = System.IO.Path.GetDirectoryName(thisFile);
        var root = dir is null ? null : System.IO.Path.GetFullPath(System.IO.Path.Combine(dir, "..", ".."));
        if (root is not null && File.Exists(System.IO.Path.Combine(root, "AzureRules.sln"))) return root;
        // fall back to walking up from the test binary
        var current = new DirectoryInfo(AppContext.BaseDirectory);
        while (current is not null && !File.Exists(System.IO.Path.Combine(current.FullName, "AzureRules.sln")))
            current = current.Parent;
        return current?.FullName ?? System.IO.Directory.GetCurrentDirectory();
    }
}
