using System.Buffers.Binary;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AzureRules.Generators;
using AzureRules.Sdk.Detections;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace AzureRules.Cli.Compilation;

/// <summary>
/// The assemblies compiled from rule files, kept on disk so that running the same rules again skips
/// the generator and Roslyn (seconds to tens of seconds) and only loads an image (milliseconds).
/// <para>
/// An entry is named by a SHA-256 <see cref="CompileKey"/> of everything the image depends on: every
/// input file's path, kind and text, and the identity (module version id) of the generator, the
/// runtime SDK, the compiler and the CLI that built it, so a changed rule or a rebuilt tool never
/// meets an old image. Each entry carries a SHA-256 of its own content: a damaged or truncated file
/// is a miss (and is replaced), never an error. Entries are written to a temporary file and renamed,
/// so a reader never sees half of one. The folder can be deleted at any time.
/// </para>
/// </summary>
internal sealed class CompileCache(string folder)
{
    private static readonly byte[] Magic = "AZRULES-COMPILE-CACHE-1\n"u8.ToArray();

    public string Folder { get; } = folder;

    /// <summary>When a stored entry also gets a native image (<see cref="NativeImages"/>); the user's cache reads <c>AZRULES_PRECOMPILE</c>.</summary>
    public PrecompileMode Precompile { get; init; } = PrecompileMode.Off;

    /// <summary>
    /// The user's cache: <c>AZRULES_CACHE_DIR</c>, else <c>$XDG_CACHE_HOME/azrules</c>, else
    /// <c>~/.cache/azrules</c> (the local application data folder on Windows).
    /// </summary>
    public static CompileCache Default
    {
        get
        {
            if (Environment.GetEnvironmentVariable("AZRULES_CACHE_DIR") is { Length: > 0 } explicitFolder) return new(explicitFolder) { Precompile = NativeImages.ConfiguredMode };
            var root = Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg ? xdg
                : OperatingSystem.IsWindows() ? Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData)
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
            return new(Path.Combine(root, "azrules", "compiled")) { Precompile = NativeImages.ConfiguredMode };
        }
    }

    /// <summary>The cached image and diagnostics for <paramref name="key"/>, or null (absent, damaged or unreadable).</summary>
    public CachedCompilation? TryLoad(CompileKey key)
    {
        byte[] content;
        try
        {
            content = File.ReadAllBytes(PathOf(key));
            // a hit is a use: the entries pruned first are the ones used longest ago
            File.SetLastWriteTimeUtc(PathOf(key), DateTime.UtcNow);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        try
        {
            return Decode(content);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException or FormatException or OverflowException)
        {
            return null;
        }
    }

    /// <summary>Stores an entry; a cache that cannot be written (read-only, full disk) is only a missed chance.</summary>
    public void Store(CompileKey key, CachedCompilation compilation)
    {
        var path = PathOf(key);
        var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            Directory.CreateDirectory(Folder);
            File.WriteAllBytes(temporary, Encode(compilation));
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            try { File.Delete(temporary); } catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException) { }
        }
        Prune(keep: key);
    }

    /// <summary>
    /// How large the folder may grow (<c>AZRULES_CACHE_MAX_MB</c>, default 2 GiB): every edit of a rule set is a
    /// new entry (the Elastic corpus: 16 MB, and 28 MB more for its native image), so without a bound the
    /// folder grows with every edit.
    /// </summary>
    public long MaximumBytes { get; init; } = ConfiguredMaximumBytes;

    private static long ConfiguredMaximumBytes
        => long.TryParse(Environment.GetEnvironmentVariable("AZRULES_CACHE_MAX_MB"), out var megabytes) && megabytes > 0
            ? megabytes * 1024 * 1024
            : 2048L * 1024 * 1024;

    /// <summary>Removes the entries used longest ago, with their native images, until the folder is within <see cref="MaximumBytes"/>.</summary>
    private void Prune(CompileKey keep)
    {
        try
        {
            var entries = new DirectoryInfo(Folder).GetFiles("*.dll-cache")
                .Select(entry => (Entry: entry, Files: new DirectoryInfo(Folder).GetFiles(Path.GetFileNameWithoutExtension(entry.Name) + ".native.*")
                    .Where(f => f.Extension != ".lock").Prepend(entry).ToList()))
                .OrderBy(e => e.Entry.LastWriteTimeUtc)
                .ToList();
            var total = entries.Sum(e => e.Files.Sum(f => f.Length));
            foreach (var (entry, files) in entries)
            {
                if (total <= MaximumBytes) break;
                if (entry.Name == Path.GetFileName(PathOf(keep))) continue;
                foreach (var file in files)
                {
                    file.Delete();
                    total -= file.Length;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // another process pruned or holds a file: the next store tries again
        }
    }

    public string PathOf(CompileKey key) => Path.Combine(Folder, key.Hex + ".dll-cache");

    // layout: magic, SHA-256 of the rest, then [length][diagnostics JSON] [length][image]
    private static byte[] Encode(CachedCompilation compilation)
    {
        var diagnostics = JsonSerializer.SerializeToUtf8Bytes(compilation.Diagnostics.Select(CachedDiagnostic.From).ToList(), CachedDiagnosticJson.Default.ListCachedDiagnostic);
        using var body = new MemoryStream();
        WriteBlock(body, diagnostics);
        WriteBlock(body, compilation.Image);
        var bytes = body.ToArray();
        return [.. Magic, .. SHA256.HashData(bytes), .. bytes];
    }

    private static CachedCompilation? Decode(byte[] content)
    {
        if (content.Length < Magic.Length + 32 || !content.AsSpan(0, Magic.Length).SequenceEqual(Magic)) return null;
        var body = content.AsSpan(Magic.Length + 32);
        if (!SHA256.HashData(body).AsSpan().SequenceEqual(content.AsSpan(Magic.Length, 32))) return null;
        var at = 0;
        var diagnosticsJson = ReadBlock(body, ref at);
        var image = ReadBlock(body, ref at);
        var diagnostics = JsonSerializer.Deserialize(diagnosticsJson, CachedDiagnosticJson.Default.ListCachedDiagnostic);
        if (diagnostics is null || at != body.Length) return null;
        return new CachedCompilation(image.ToArray(), [.. diagnostics.Select(d => d.ToDiagnostic())]);
    }

    private static void WriteBlock(Stream stream, ReadOnlySpan<byte> block)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(length, block.Length);
        stream.Write(length);
        stream.Write(block);
    }

    private static ReadOnlySpan<byte> ReadBlock(ReadOnlySpan<byte> body, ref int at)
    {
        if (body.Length - at < 4) throw new FormatException("truncated");
        var length = BinaryPrimitives.ReadInt32LittleEndian(body[at..]);
        at += 4;
        if (length < 0 || length > body.Length - at) throw new FormatException("truncated");
        var block = body.Slice(at, length);
        at += length;
        return block;
    }
}

/// <summary>A compiled rule assembly's image and the diagnostics its compilation reported.</summary>
internal sealed record CachedCompilation(byte[] Image, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>The SHA-256 that names a cache entry: the inputs, and the tools that turned them into an image.</summary>
internal readonly record struct CompileKey(string Hex)
{
    /// <summary>Bumped when the entry's layout or what goes into the key changes.</summary>
    private const string Version = "1";

    public static CompileKey Of(string kind, IEnumerable<(string Path, string Text, string Kind)> inputs)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string text)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            Span<byte> length = stackalloc byte[4];
            BinaryPrimitives.WriteInt32LittleEndian(length, bytes.Length);
            hash.AppendData(length);
            hash.AppendData(bytes);
        }
        Add(Version);
        Add(kind);
        foreach (var tool in ToolIdentities) Add(tool);
        foreach (var (path, text, fileKind) in inputs)
        {
            Add(path);
            Add(fileKind);
            Add(text);
        }
        return new CompileKey(Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    // a tool rebuilt from other sources has another module version id, even at the same version number
    private static readonly string[] ToolIdentities =
    [
        .. new[] { typeof(RuleGenerator), typeof(Detection), typeof(Microsoft.CodeAnalysis.CSharp.CSharpCompilation), typeof(CompileCache) }
            .Select(t => t.Assembly)
            .Select(a => $"{a.GetName().Name} {a.ManifestModule.ModuleVersionId}"),
        Environment.Version.ToString(),
    ];
}

/// <summary>A diagnostic as stored in the cache: what printing, filtering and SARIF read back.</summary>
internal sealed record CachedDiagnostic(
    string Id, string Category, string Message, DiagnosticSeverity Severity, DiagnosticSeverity DefaultSeverity, int WarningLevel,
    string Title, string Description, string? HelpLink, string? Path, int Start, int Length, int StartLine, int StartCharacter, int EndLine, int EndCharacter)
{
    public static CachedDiagnostic From(Diagnostic d)
    {
        var span = d.Location.GetLineSpan();
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        return new CachedDiagnostic(d.Id, d.Descriptor.Category, d.GetMessage(inv), d.Severity, d.DefaultSeverity, d.WarningLevel,
            d.Descriptor.Title.ToString(inv), d.Descriptor.Description.ToString(inv), d.Descriptor.HelpLinkUri,
            span.IsValid ? span.Path : null, d.Location.SourceSpan.Start, d.Location.SourceSpan.Length,
            span.StartLinePosition.Line, span.StartLinePosition.Character, span.EndLinePosition.Line, span.EndLinePosition.Character);
    }

    public Diagnostic ToDiagnostic()
    {
        var location = Path is null ? Location.None : Location.Create(Path, new TextSpan(Start, Length),
            new LinePositionSpan(new LinePosition(StartLine, StartCharacter), new LinePosition(EndLine, EndCharacter)));
        return Diagnostic.Create(Id, Category, Message, Severity, DefaultSeverity, isEnabledByDefault: true, WarningLevel,
            title: Title, description: Description.Length > 0 ? Description : null, helpLink: HelpLink, location: location);
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(List<CachedDiagnostic>))]
internal sealed partial class CachedDiagnosticJson : System.Text.Json.Serialization.JsonSerializerContext;
