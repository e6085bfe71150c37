using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using AzureRules.Generators;
using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Emit;
using AzureRules.Generators.Model;
using AzureRules.Generators.Pipeline;
using AzureRules.Sdk.Detections;
using AzureRules.Sdk.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AzureRules.Cli.Compilation;

/// <summary>A project file given on the command line: its path, text and AzureRulesFile kind (lock, sentinel-table, elastic-fields, exceptions).</summary>
internal sealed record ProjectFileText(string Path, string Text, string Kind);

/// <summary>
/// Rule files compiled at run time through the same source generator that `dotnet build` runs
/// (DESIGN: one compiler, one code path): the generator runs in-process over an in-memory
/// compilation, the generated classes are compiled with Roslyn and loaded, and their detections
/// are handed to the engine.
/// </summary>
internal sealed class RuleLibrary
{
    private const string Namespace = "AzureRules.Loaded";

    private RuleLibrary(IReadOnlyList<Detection> detections, IReadOnlyList<Diagnostic> diagnostics, IReadOnlyList<RuleTestCase>? testCases = null)
    {
        Detections = detections;
        Diagnostics = diagnostics;
        TestCases = testCases ?? [];
    }

    public IReadOnlyList<Detection> Detections { get; }

    /// <summary>True when the compiled image came from the <see cref="CompileCache"/> (nothing was compiled).</summary>
    public bool FromCompileCache { get; private init; }

    /// <summary>True when the cached image was its native (ReadyToRun) image: the rule classes start without the JIT.</summary>
    public bool FromNativeImage { get; private init; }

    /// <summary>The test cases of the *.tests.yaml files among the rule files, as the generator compiled them.</summary>
    public IReadOnlyList<RuleTestCase> TestCases { get; }

    /// <summary>The generator's diagnostics about the rule files (AR####), in file and position order.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>Runs the generator over rule files; with <paramref name="load"/> also compiles and loads the classes.</summary>
    /// <param name="projectFiles">The version lock, custom schemas and validation exceptions, with their AzureRulesFile kind.</param>
    /// <param name="cache">Where a loaded library's image is kept for the next run over the same files (none: always compile).</param>
    public static RuleLibrary FromFiles(IEnumerable<(string Path, string Text)> files, bool load = true, IEnumerable<ProjectFileText>? projectFiles = null, CompileCache? cache = null)
    {
        var ruleFiles = files.ToList();
        var projectFileList = (projectFiles ?? []).ToList();
        CompileKey? key = null;
        if (load && cache is not null)
        {
            key = CompileKey.Of("files", ruleFiles.Select(f => (f.Path, f.Text, "rule")).Concat(projectFileList.Select(f => (f.Path, f.Text, f.Kind))));
            if (FromCache(cache, key.Value) is { } cached) return cached;
        }
        var texts = ruleFiles.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text))
            .Concat(projectFileList.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text, f.Kind)))
            .ToImmutableArray();
        var driver = CSharpGeneratorDriver.Create(
            generators: [new RuleGenerator().AsSourceGenerator()],
            additionalTexts: texts,
            parseOptions: ParseOptions,
            optionsProvider: new RuleOptionsProvider(Namespace));
        var host = CSharpCompilation.Create("AzureRules.Loaded", references: References, options: CompilationOptions);
        driver.RunGeneratorsAndUpdateCompilation(host, out var output, out var generatorDiagnostics);
        if (!load) return new RuleLibrary([], Order(generatorDiagnostics));
        var compileFailures = new List<Diagnostic>();
        var assembly = LoadAssembly((CSharpCompilation)output, compileFailures, out var image);
        var diagnostics = Order(generatorDiagnostics.Concat(compileFailures));
        var detections = Registry<Detection>(assembly, "GeneratedRules");
        if (key is { } stored) Remember(cache!, stored, new CachedCompilation(image, diagnostics), detections.Count);
        return new RuleLibrary(detections, diagnostics, Registry<RuleTestCase>(assembly, "GeneratedRuleTests"));
    }

    /// <summary>
    /// Compiles rules that were not read from files (ad-hoc queries, conformance cases) through the
    /// generator's per-rule step and emitter, exactly as the generator does for a file. With a
    /// <paramref name="cache"/>, the image is kept under the generated C#'s own hash.
    /// </summary>
    public static RuleLibrary FromDefinitions(IEnumerable<RuleDefinition> rules, CompileCache? cache = null)
    {
        var compiled = rules.Select(r => LargeStack.Run(() => RuleCompilation.Compile(r, r.FilePath))).ToList();
        var files = compiled.Select(r => new CompiledFile(r.Rule.FilePath, ImmutableArray.Create(r), r.Diagnostics)).ToImmutableArray();
        var assembly = RuleAssembly.Build(files, Namespace);
        var sources = assembly.Rules
            .Select(r => (Path: r.ClassName + ".g.cs", Text: RuleEmitter.Emit(r.Rule, r.Namespace, r.ClassName)))
            .Append((Path: "GeneratedRules.g.cs", Text: RuleEmitter.EmitRegistry(Namespace, assembly.Rules.Select(r => r.ClassName).ToList())))
            .ToList();
        var ruleDiagnostics = compiled.SelectMany(r => r.Diagnostics).Concat(assembly.Diagnostics).Select(d => d.ToDiagnostic()).ToList();
        CompileKey? key = null;
        if (cache is not null)
        {
            // the generator's diagnostics are part of what is cached: key them too
            key = CompileKey.Of("definitions", sources.Select(s => (s.Path, s.Text, "source"))
                .Concat(ruleDiagnostics.Select(d => ("", DiagnosticPrinterKey(d), "diagnostic"))));
            if (FromCache(cache, key.Value) is { } cached) return cached;
        }
        var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, ParseOptions, path: s.Path)).ToList();
        var compilation = CSharpCompilation.Create("AzureRules.Loaded", trees, References, CompilationOptions);
        var compileFailures = new List<Diagnostic>();
        var loaded = LoadAssembly(compilation, compileFailures, out var image);
        var diagnostics = Order(ruleDiagnostics.Concat(compileFailures));
        var detections = Registry<Detection>(loaded, "GeneratedRules");
        if (key is { } stored) Remember(cache!, stored, new CachedCompilation(image, diagnostics), detections.Count);
        return new RuleLibrary(detections, diagnostics);
    }

    private static string DiagnosticPrinterKey(Diagnostic d)
        => $"{d.Id} {d.Severity} {d.Location.GetLineSpan()} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>Keeps a compile for the next run, and has its native image made when that pays (<see cref="NativeImages"/>).</summary>
    private static void Remember(CompileCache cache, CompileKey key, CachedCompilation compilation, int ruleClasses)
    {
        cache.Store(key, compilation);
        NativeImages.AfterStore(cache, key, compilation.Image, ruleClasses);
    }

    /// <summary>
    /// A library from a cache entry, or null when there is none or its image does not load. The entry's
    /// native image is loaded in its place when there is one: the same assembly, without the JIT.
    /// </summary>
    private static RuleLibrary? FromCache(CompileCache cache, CompileKey key)
    {
        if (cache.TryLoad(key) is not { } entry) return null;
        var context = new AssemblyLoadContext("AzureRules.Loaded", isCollectible: false);
        Assembly? assembly = null;
        var native = NativeImages.TryFind(cache, key);
        if (native is not null)
        {
            try
            {
                assembly = context.LoadFromAssemblyPath(native);
            }
            catch (Exception ex) when (ex is BadImageFormatException or FileLoadException or IOException)
            {
                native = null;
            }
        }
        try
        {
            assembly ??= context.LoadFromStream(new MemoryStream(entry.Image));
        }
        catch (BadImageFormatException)
        {
            return null;
        }
        return new RuleLibrary(Registry<Detection>(assembly, "GeneratedRules"), entry.Diagnostics, Registry<RuleTestCase>(assembly, "GeneratedRuleTests"))
        {
            FromCompileCache = true,
            FromNativeImage = native is not null,
        };
    }

    private static IReadOnlyList<Diagnostic> Order(IEnumerable<Diagnostic> diagnostics)
        => [.. diagnostics
            .OrderBy(d => d.Location.GetLineSpan().Path, StringComparer.Ordinal)
            .ThenBy(d => d.Location.GetLineSpan().StartLinePosition)];

    /// <summary>
    /// Compiles and loads the generated classes. A rule class that does not compile (a bug in the
    /// rule compiler, or a limit of C#) is reported as AR0001 on its rule file and left out, and the
    /// others are compiled again without it: one rule never stops the rest.
    /// </summary>
    private static Assembly LoadAssembly(CSharpCompilation compilation, List<Diagnostic> failures, out byte[] loadedImage)
    {
        using var image = new MemoryStream();
        var result = Emit(compilation, image);
        for (var round = 0; !result.Success && round < 8; round++)
        {
            var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            var failed = errors.Where(e => e.Location.SourceTree is { } tree && !IsRegistry(tree)).GroupBy(e => e.Location.SourceTree!).ToList();
            // an assembly-wide limit (CS8103: more than 16 MB of string literals) names no class: the largest goes
            if (failed.Count == 0 && errors.Any(e => e.Id == "CS8103")
                && compilation.SyntaxTrees.Where(t => !IsRegistry(t)).MaxBy(t => t.Length) is { } largest)
                failed = errors.Where(e => e.Id == "CS8103").GroupBy(_ => largest).ToList();
            if (failed.Count == 0) break;
            foreach (var rule in failed)
                failures.Add(Diagnostic.Create(DiagnosticDescriptors.InternalError, RuleFileLocation(rule.Key),
                    "the rule's generated class did not compile, so the rule is left out: " + string.Join("; ", rule.Take(3).Select(e => $"{e.Id} {e.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}"))));
            // rule-level errors (CS8103, too many string literals) have no tree: drop the failed classes and try again
            var remaining = compilation.SyntaxTrees.Except(failed.Select(f => f.Key)).Where(t => !IsRegistry(t)).ToList();
            var registryTree = CSharpSyntaxTree.ParseText(RuleEmitter.EmitRegistry(Namespace, [.. remaining.Where(IsRuleClass).Select(ClassName)]), ParseOptions, path: "GeneratedRules.g.cs");
            compilation = compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(remaining.Append(registryTree));
            image.SetLength(0);
            result = Emit(compilation, image);
        }
        if (!result.Success)
        {
            var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(10);
            throw new InvalidOperationException(
                "The generated rule classes did not compile (a bug in the rule compiler):\n" + string.Join("\n", errors));
        }
        loadedImage = image.ToArray();
        image.Position = 0;
        return new AssemblyLoadContext("AzureRules.Loaded", isCollectible: false).LoadFromStream(image);
    }

    /// <summary>A generated registry's <c>All</c> (GeneratedRules, GeneratedRuleTests); an assembly compiled by hand may lack the test registry.</summary>
    private static IReadOnlyList<T> Registry<T>(Assembly assembly, string name)
    {
        var registry = assembly.GetType($"{Namespace}.{name}");
        if (registry is null)
            return name == "GeneratedRules" ? throw new InvalidOperationException("the generated registry is missing") : [];
        // one reflection call at load time; rules run through their compiled overrides afterwards
        return (IReadOnlyList<T>)registry.GetProperty("All", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
    }

    // Roslyn's own stack guard gives up on deep expressions sooner on a small stack
    private static Microsoft.CodeAnalysis.Emit.EmitResult Emit(CSharpCompilation compilation, MemoryStream image)
        => LargeStack.Run(() => compilation.Emit(image));

    private static bool IsRegistry(SyntaxTree tree) => Path.GetFileName(tree.FilePath) == "GeneratedRules.g.cs";

    // the rule test registry is generated beside the rule classes but is not one of them
    private static bool IsRuleClass(SyntaxTree tree) => Path.GetFileName(tree.FilePath) != "GeneratedRuleTests.g.cs";

    private static string ClassName(SyntaxTree tree)
    {
        var name = Path.GetFileName(tree.FilePath);
        return name.EndsWith(".g.cs", StringComparison.Ordinal) ? name[..^".g.cs".Length] : Path.GetFileNameWithoutExtension(name);
    }

    /// <summary>The rule file a generated class came from, read from the header the emitter writes.</summary>
    private static Location RuleFileLocation(SyntaxTree tree)
    {
        const string marker = "// Generated by AzureRules.Generators from ";
        var text = tree.GetText();
        var header = text.Lines.Count > 1 ? text.Lines[1].ToString() : "";
        var path = header.StartsWith(marker, StringComparison.Ordinal) ? header[marker.Length..] : tree.FilePath;
        return Location.Create(path, default, default);
    }

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly CSharpCompilationOptions CompilationOptions = new(
        OutputKind.DynamicallyLinkedLibrary,
        optimizationLevel: OptimizationLevel.Release,
        nullableContextOptions: NullableContextOptions.Enable,
        concurrentBuild: true);

    private static readonly ImmutableArray<MetadataReference> References = BuildReferences();

    private static ImmutableArray<MetadataReference> BuildReferences()
    {
        // the framework the CLI runs on, plus the SDK the generated code calls
        var trusted = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "").Split(Path.PathSeparator);
        var paths = trusted.Where(p => p.Length > 0).ToHashSet(StringComparer.Ordinal);
        paths.Add(typeof(Detection).Assembly.Location);
        return [.. paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
    }
}
