using System.CommandLine;
using AzureRules.Cli.Compilation;

namespace AzureRules.Cli.Commands;

/// <summary>
/// <c>azrules precompile-cache FOLDER KEY</c> (hidden): compiles one compile-cache entry to a native
/// image. A run that compiled a large rule set starts it as a detached process (see <see cref="NativeImages"/>);
/// it prints nothing and exits 0 whether or not an image was made, since no one reads it.
/// </summary>
internal static class PrecompileCacheCommand
{
    public const string Name = "precompile-cache";

    public static Command Create()
    {
        var folder = new Argument<string>("folder");
        var key = new Argument<string>("key");
        var command = new Command(Name, "Compile a compile-cache entry to native code (started by azrules itself)") { Hidden = true };
        command.Arguments.Add(folder);
        command.Arguments.Add(key);
        command.SetAction(parse =>
        {
            var cache = new CompileCache(parse.GetValue(folder)!);
            var entry = new CompileKey(parse.GetValue(key)!);
            if (entry.Hex.Length == 64 && entry.Hex.All(char.IsAsciiHexDigitLower) && cache.TryLoad(entry) is { } compiled)
                NativeImages.Compile(cache, entry, compiled.Image);
            return CommandLineHost.Clean;
        });
        return command;
    }
}
