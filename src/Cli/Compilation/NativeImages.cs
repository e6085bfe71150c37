using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using AzureRules.Cli.Commands;

namespace AzureRules.Cli.Compilation;

/// <summary>When a cached rule image is compiled to native code: <c>AZRULES_PRECOMPILE</c>.</summary>
internal enum PrecompileMode
{
    /// <summary>Never: a warm start runs the rule classes through the JIT.</summary>
    Off,

    /// <summary>After a compile of a large rule set, in a detached process at low priority, for the next run (default).</summary>
    Background,

    /// <summary>After every compile, before the command goes on: for CI jobs that prepare the cache, and for tests.</summary>
    Wait,
}

/// <summary>
/// Native (ReadyToRun) images of cached rule assemblies. A warm start over a large rule set is bound
/// by the JIT, not by the rules: the 2,192 Elastic corpus rules are about 2,100 classes whose static
/// constructors, metadata and query methods are compiled on first use. Measured on this project's
/// machine (whole Elastic corpus, 1,000 events, warm cache): 5.0 s wall with the IL image, 1.9 s with
/// a native image of the same assembly. The image is made by <c>crossgen2</c>, the compiler the
/// .NET SDK uses for ReadyToRun publishing, from the NuGet package the CLI's build restores.
/// <para>
/// A native image is kept beside its cache entry (<c>KEY.native.dll</c>) with the SHA-256 of its
/// content (<c>KEY.native.sha256</c>), written last: a reader uses the image only when both are there
/// and agree, so a half-written or damaged image is never loaded. It has the entry's key, which names
/// the runtime and SDK it was compiled against, so it is never used with others. The runtime itself
/// rejects native code whose dependencies changed and falls back to the IL the image still carries.
/// Only an image loaded from a file runs its native code: one loaded from bytes is JIT-compiled.
/// </para>
/// </summary>
internal static class NativeImages
{
    /// <summary>Below this many rule classes the JIT costs less than the process that would save it.</summary>
    public const int BackgroundThreshold = 100;

    /// <summary><c>AZRULES_PRECOMPILE</c>: <c>off</c>, <c>wait</c>, else background.</summary>
    public static PrecompileMode ConfiguredMode => Environment.GetEnvironmentVariable("AZRULES_PRECOMPILE")?.Trim().ToLowerInvariant() switch
    {
        "off" or "0" or "false" or "no" => PrecompileMode.Off,
        "wait" => PrecompileMode.Wait,
        _ => PrecompileMode.Background,
    };

    public static string ImagePath(CompileCache cache, CompileKey key) => Path.Combine(cache.Folder, key.Hex + ".native.dll");

    private static string HashPath(CompileCache cache, CompileKey key) => Path.Combine(cache.Folder, key.Hex + ".native.sha256");

    private static string LockPath(CompileCache cache, CompileKey key) => Path.Combine(cache.Folder, key.Hex + ".native.lock");

    /// <summary>The native image of an entry when it is complete and undamaged, else null.</summary>
    public static string? TryFind(CompileCache cache, CompileKey key)
    {
        var image = ImagePath(cache, key);
        try
        {
            var expected = File.ReadAllText(HashPath(cache, key)).Trim();
            using var stream = File.OpenRead(image);
            return Convert.ToHexStringLower(SHA256.HashData(stream)) == expected ? image : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>After a compile was stored: make its native image now, in the background, or not at all (the cache's <see cref="CompileCache.Precompile"/>).</summary>
    public static void AfterStore(CompileCache cache, CompileKey key, byte[] image, int ruleClasses)
    {
        switch (cache.Precompile)
        {
            case PrecompileMode.Wait:
                Compile(cache, key, image);
                break;
            case PrecompileMode.Background when ruleClasses >= BackgroundThreshold && Crossgen2.Find() is not null:
                StartDetached(cache, key);
                break;
        }
    }

    /// <summary>
    /// Compiles <paramref name="image"/> with crossgen2 and publishes the result; false when crossgen2
    /// is missing, fails, or another process is compiling the same entry. Never throws for I/O.
    /// </summary>
    public static bool Compile(CompileCache cache, CompileKey key, byte[] image)
    {
        if (Crossgen2.Find() is not { } crossgen2) return false;
        using var held = TryLock(cache, key);
        if (held is null) return false; // another process is on it, or the folder is not writable
        var scratch = Directory.CreateTempSubdirectory("azrules-native-").FullName;
        try
        {
            var input = Path.Combine(scratch, "AzureRules.Loaded.dll");
            var output = Path.Combine(scratch, "native", "AzureRules.Loaded.dll");
            Directory.CreateDirectory(Path.GetDirectoryName(output)!);
            File.WriteAllBytes(input, image);
            if (!Crossgen2.Run(crossgen2, input, output)) return false;
            var hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(output)));
            // the image first, its hash last: a reader that finds the hash finds the whole image
            MoveInto(output, ImagePath(cache, key));
            var hashFile = Path.Combine(scratch, "hash");
            File.WriteAllText(hashFile, hash);
            MoveInto(hashFile, HashPath(cache, key));
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
        finally
        {
            try { Directory.Delete(scratch, recursive: true); } catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { }
        }
    }

    /// <summary>Who compiles an entry: the lock file goes with its holder; one left by a killed process is taken over once it is old.</summary>
    private static FileStream? TryLock(CompileCache cache, CompileKey key)
    {
        var path = LockPath(cache, key);
        for (var attempt = 0; attempt < 2; attempt++)
        {
            try
            {
                Directory.CreateDirectory(cache.Folder);
                return new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (attempt == 0 && File.Exists(path) && DateTime.UtcNow - File.GetLastWriteTimeUtc(path) > StaleLock)
            {
                try { File.Delete(path); } catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return null; }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return null;
            }
        }
        return null;
    }

    // longer than crossgen2 takes for the whole Elastic corpus on a slow machine, and its own timeout
    private static readonly TimeSpan StaleLock = TimeSpan.FromMinutes(15);

    // a move across file systems copies: copy beside the target, then rename over it
    private static void MoveInto(string source, string target)
    {
        var temporary = $"{target}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        File.Copy(source, temporary);
        File.Move(temporary, target, overwrite: true);
    }

    /// <summary>
    /// Starts <c>azrules precompile-cache</c> for the entry as a process of its own that outlives this
    /// one, at low priority, with no console: the command that stored the entry is not slowed down.
    /// </summary>
    private static void StartDetached(CompileCache cache, CompileKey key)
    {
        var self = Environment.ProcessPath;
        var entry = Assembly.GetEntryAssembly()?.Location;
        if (self is null || entry is null) return;
        var start = new ProcessStartInfo(self)
        {
            UseShellExecute = false,
            // redirected and never read: the child holds no handle of this process's console or pipes,
            // so a caller reading this process's output to its end is not kept waiting for the child
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // under `dotnet azrules.dll` the host is dotnet and the CLI its first argument
        if (!Path.GetFileNameWithoutExtension(self).Equals(Path.GetFileNameWithoutExtension(entry), StringComparison.OrdinalIgnoreCase))
            start.ArgumentList.Add(entry);
        start.ArgumentList.Add(PrecompileCacheCommand.Name);
        start.ArgumentList.Add(cache.Folder);
        start.ArgumentList.Add(key.Hex);
        try
        {
            using var child = Process.Start(start);
            if (child is null) return;
            child.StandardInput.Close();
            try { child.PriorityClass = ProcessPriorityClass.BelowNormal; } catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception) { }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // no process could be started: the next run JIT-compiles, as without a native image
        }
    }
}

/// <summary>The crossgen2 compiler of the runtime this process runs on.</summary>
internal static class Crossgen2
{
    private static readonly Lazy<string?> Location = new(Locate);

    /// <summary>The crossgen2 executable: <c>AZRULES_CROSSGEN2</c>, else the package the CLI's build restored, else null.</summary>
    public static string? Find() => Location.Value;

    private static string? Locate()
    {
        if (Environment.GetEnvironmentVariable("AZRULES_CROSSGEN2") is { Length: > 0 } explicitPath)
            return File.Exists(explicitPath) ? explicitPath : null;
        var os = OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux";
        var rid = $"{os}-{RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant()}";
        var executable = OperatingSystem.IsWindows() ? "crossgen2.exe" : "crossgen2";
        // the version must be the runtime's own: crossgen2 compiles against the framework it ships with
        var package = Path.Combine($"microsoft.netcore.app.crossgen2.{rid}", Environment.Version.ToString(), "tools", executable);
        var roots = new[]
        {
            Environment.GetEnvironmentVariable("NUGET_PACKAGES"),
            typeof(Crossgen2).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "NuGetPackageRoot")?.Value,
            Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"),
        };
        return roots.Where(r => !string.IsNullOrEmpty(r)).Select(r => Path.Combine(r!, package)).FirstOrDefault(File.Exists);
    }

    /// <summary>Compiles one assembly against the framework and the CLI's own folder (the SDK the rules call); true on success.</summary>
    public static bool Run(string crossgen2, string input, string output)
    {
        var start = new ProcessStartInfo(crossgen2)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
        {
            input, "-o", output, "-O",
            "--targetos", OperatingSystem.IsWindows() ? "windows" : OperatingSystem.IsMacOS() ? "osx" : "linux",
            "--targetarch", RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant(),
            "-r", Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "*.dll"),
            "-r", Path.Combine(AppContext.BaseDirectory, "*.dll"),
        })
            start.ArgumentList.Add(argument);
        try
        {
            using var process = Process.Start(start);
            if (process is null) return false;
            // both streams are drained so that a full pipe never blocks the compiler
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }
            Task.WaitAll(stdout, stderr);
            return process.ExitCode == 0 && File.Exists(output);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
