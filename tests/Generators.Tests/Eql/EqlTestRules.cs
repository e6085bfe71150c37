using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.Loader;
using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Emit;
using AzureRules.Generators.Eql;
using AzureRules.Generators.Model;
using AzureRules.Generators.Pipeline;
using Detection = AzureRules.Sdk.Detections.Detection;
using AzureRules.Sdk.Eql;
using AzureRules.Sdk.Events;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AzureRules.Generators.Tests.Eql;

/// <summary>
/// Turns EQL queries into rule definitions, compiles them with <see cref="EqlCompiler"/>, and (for
/// execution tests) emits, compiles with Roslyn and loads the detection classes, many queries in one
/// compilation, the way the generator and the CLI do.
/// </summary>
internal static class EqlTestRules
{
    public static RuleDefinition Rule(string query, TimeSpan? lookBack = null)
    {
        const string path = "rule.toml";
        var start = SourceSpan.At(path, SourcePosition.Start);
        return new RuleDefinition
        {
            FilePath = path,
            Format = RuleFormat.KibanaJson,
            Kind = "eql",
            Id = new Located<string>(Guid.NewGuid().ToString(), start),
            Name = new Located<string>("test", start),
            Language = QueryLanguage.Eql,
            Query = QueryText.Verbatim(query, path, SourcePosition.Start),
            LookBack = lookBack,
        };
    }

    public static CompiledQuery Compile(string query, TimeSpan? lookBack = null) => EqlCompiler.Compile(Rule(query, lookBack));

    private static readonly ConcurrentDictionary<string, Detection> Loaded = new(StringComparer.Ordinal);

    /// <summary>Compiles and loads every query not loaded yet in one Roslyn compilation.</summary>
    public static void Load(IEnumerable<string> queries) => Load(queries.Select(q => (q, Rule(q))));

    /// <summary>Compiles and loads rules by key (a query, or a query with rule settings).</summary>
    private static void Load(IEnumerable<(string Key, RuleDefinition Rule)> rules)
    {
        var missing = rules.DistinctBy(r => r.Key, StringComparer.Ordinal).Where(r => !Loaded.ContainsKey(r.Key)).ToList();
        if (missing.Count == 0) return;
        var trees = new List<SyntaxTree>();
        var classes = new List<(string Query, string Class)>();
        foreach (var (query, rule) in missing)
        {
            var compiled = RuleCompilation.Compile(rule, "rule.toml");
            if (!compiled.Query.IsExecutable)
                throw new InvalidOperationException($"not executable: {query}: {compiled.Query.NotExecutableReason}: {string.Join("; ", compiled.Diagnostics.Select(d => d.ToString()))}");
            var name = "Q" + classes.Count;
            classes.Add((query, name));
            trees.Add(CSharpSyntaxTree.ParseText(RuleEmitter.Emit(compiled, "EqlTests", name), new CSharpParseOptions(LanguageVersion.Latest)));
        }
        var compilation = CSharpCompilation.Create("EqlTests" + Guid.NewGuid().ToString("N"), trees, References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        if (!result.Success)
            throw new InvalidOperationException(string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(10)));
        image.Position = 0;
        var assembly = AssemblyLoadContext.Default.LoadFromStream(image);
        foreach (var (query, name) in classes)
            Loaded[query] = (Detection)Activator.CreateInstance(assembly.GetType("EqlTests." + name)!)!;
    }

    /// <summary>An event query compiled with the rule's event_category_override.</summary>
    public static EqlEventDetection Detection(string query, string categoryOverride)
    {
        var key = query + "\u0000category:" + categoryOverride;
        Load([(key, Rule(query) with { EventCategoryOverride = categoryOverride })]);
        return (EqlEventDetection)Loaded[key];
    }

    public static EqlEventDetection Detection(string query)
    {
        Load([query]);
        return (EqlEventDetection)Loaded[query];
    }

    /// <summary>A sequence compiled with the rule's tiebreaker_field.</summary>
    public static AzureRules.Sdk.Eql.Join.EqlJoinDetection Join(string query, string tiebreakerField)
    {
        var key = query + "\u0000tiebreaker:" + tiebreakerField;
        Load([(key, Rule(query) with { TiebreakerField = tiebreakerField })]);
        return (AzureRules.Sdk.Eql.Join.EqlJoinDetection)Loaded[key];
    }

    /// <summary>A compiled and loaded sequence or sample.</summary>
    public static AzureRules.Sdk.Eql.Join.EqlJoinDetection Join(string query)
    {
        Load([query]);
        return (AzureRules.Sdk.Eql.Join.EqlJoinDetection)Loaded[query];
    }

    public static bool Matches(string query, string json)
    {
        var detection = Detection(query);
        var view = new EventView();
        view.Load(System.Text.Encoding.UTF8.GetBytes(json));
        return detection.Matches(view);
    }

    private static readonly Lazy<MetadataReference[]> References = new(() =>
    {
        var trusted = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "").Split(Path.PathSeparator);
        var paths = trusted.Where(p => p.Length > 0).ToHashSet(StringComparer.Ordinal);
        paths.Add(typeof(Detection).Assembly.Location);
        return paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToArray();
    });
}
