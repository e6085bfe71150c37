using System.CommandLine;
using AzureRules.Cli.Compilation;

namespace AzureRules.Cli.Commands;

/// <summary><c>--no-cache</c>: compile the rules even when the compile cache holds them, and leave the cache as it is.</summary>
internal sealed class CacheOption
{
    private readonly Option<bool> _noCache = new("--no-cache")
    {
        Description = "Compile the rules again instead of using the compile cache (AZRULES_CACHE_DIR, else ~/.cache/azrules), and do not write to it",
    };

    public void AddTo(Command command) => command.Options.Add(_noCache);

    /// <summary>The cache to use, or null with --no-cache.</summary>
    public CompileCache? Read(ParseResult parse) => parse.GetValue(_noCache) ? null : CompileCache.Default;
}
