using System.Collections.Concurrent;
using System.Reflection;
using System.Text;
using AzureRules.Generators.Kuery;
using AzureRules.Generators.Kuery.Binding;
using AzureRules.Sdk.Detections;
using AzureRules.Sdk.Events;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AzureRules.Generators.Tests.Kuery;

/// <summary>
/// Compiles queries the way the generator does (KueryCompiler's members inside a class deriving from
/// ElasticEventDetection), with Roslyn, and runs them on events. Queries are compiled in one batch.
/// </summary>
internal static class KueryHarness
{
    private static readonly ConcurrentDictionary<string, ElasticEventDetection> Compiled = new(StringComparer.Ordinal);

    public static void CompileAll(IEnumerable<string> queries)
    {
        var pending = queries.Distinct().Where(q => !Compiled.ContainsKey(q)).ToList();
        if (pending.Count == 0) return;
        var source = new StringBuilder("#nullable enable\nnamespace KueryHarnessRules;\n");
        for (var i = 0; i < pending.Count; i++)
        {
            var compiled = KueryCompiler.Compile(pending[i], CatalogFieldTypes.Instance);
            if (!compiled.IsExecutable)
                throw new InvalidOperationException($"'{pending[i]}' is not executable: {compiled.NotExecutableReason}; {string.Join("; ", compiled.Diagnostics.Items)}");
            source.Append($"public sealed class Q{i} : global::AzureRules.Sdk.Detections.ElasticEventDetection\n{{\npublic Q{i}() : base(null!) {{ }}\n{compiled.Members}\n}}\n");
        }
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Append(typeof(ElasticEventDetection).Assembly.Location).Distinct()
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create("KueryHarness" + Guid.NewGuid().ToString("N"),
            [CSharpSyntaxTree.ParseText(source.ToString(), new CSharpParseOptions(LanguageVersion.Latest))], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable,
                generalDiagnosticOption: ReportDiagnostic.Error));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        if (!result.Success)
            throw new InvalidOperationException("generated code did not compile:\n" + string.Join("\n", result.Diagnostics.Take(10)) + "\n" + source);
        var assembly = Assembly.Load(image.ToArray());
        for (var i = 0; i < pending.Count; i++)
            Compiled[pending[i]] = (ElasticEventDetection)Activator.CreateInstance(assembly.GetType($"KueryHarnessRules.Q{i}")!)!;
    }

    public static bool Matches(string query, string json)
    {
        CompileAll([query]);
        var detection = Compiled[query];
        var view = new EventView();
        view.Load(Encoding.UTF8.GetBytes(json));
        return detection.Matches(view);
    }
}
