using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Emit;
using AzureRules.Generators.Model;
using AzureRules.Generators.Pipeline;
using AzureRules.Generators.Project;
using AzureRules.Generators.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace AzureRules.Generators;

/// <summary>
/// The rule compiler as an incremental source generator. This file is only the pipeline:
/// rule files (AdditionalFiles tagged AzureRule) → read and compiled one by one (cached per file,
/// so editing one rule recompiles only that rule; the project's custom schemas are an input of each)
/// → checked against the version lock and validation exceptions → names assigned and ids checked across all rules
/// → one class per rule plus the assembly's registry.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class RuleGenerator : IIncrementalGenerator
{
    /// <summary>Tracking names of the pipeline steps, for tests of incrementality.</summary>
    public static class Steps
    {
        public const string RuleFiles = "RuleFiles";
        public const string CompiledFiles = "CompiledFiles";
        public const string NamedRules = "NamedRules";
        public const string TestFiles = "TestFiles";
        public const string ProjectSettings = "ProjectSettings";
    }

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var options = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => GeneratorOptions.From(provider.GlobalOptions));

        var inputs = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, _) => RuleFileInput.From(pair.Left, pair.Right.GetOptions(pair.Left)));

        var ruleFiles = inputs
            .Where(static input => input.IsRule)
            .Combine(options)
            .Select(static (pair, _) => pair.Left with { RelativePath = pair.Right.RelativePath(pair.Left.Path) })
            .WithTrackingName(Steps.RuleFiles);

        // the version lock, custom schemas and validation exceptions (AdditionalFiles tagged AzureRulesFile)
        var settings = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, _) => ProjectFileInput.From(pair.Left, pair.Right.GetOptions(pair.Left)))
            .Where(static input => input.Kind != ProjectFileKind.None)
            .Select(static (input, cancellationToken) => ProjectFile.Read(input, cancellationToken))
            .Collect()
            .Select(static (files, _) => ProjectSettings.From(files))
            .WithTrackingName(Steps.ProjectSettings);

        var compiledFiles = ruleFiles
            .Combine(settings.Select(static (s, _) => s.Schemas))
            .Select(static (pair, cancellationToken) => CompileFile(pair.Left, cancellationToken, pair.Right))
            .WithTrackingName(Steps.CompiledFiles);

        context.RegisterSourceOutput(compiledFiles.Combine(settings), static (spc, pair) =>
        {
            foreach (var diagnostic in ProjectChecks.FileDiagnostics(pair.Left, pair.Right)) spc.ReportDiagnostic(diagnostic.ToDiagnostic());
        });

        context.RegisterSourceOutput(compiledFiles.Collect().Combine(settings), static (spc, pair) =>
        {
            foreach (var diagnostic in ProjectChecks.ProjectDiagnostics(pair.Left, pair.Right)) spc.ReportDiagnostic(diagnostic.ToDiagnostic());
        });

        var assembly = compiledFiles.Collect()
            .Combine(options)
            .Select(static (pair, _) => RuleAssembly.Build(pair.Left, pair.Right.Namespace));

        var namedRules = assembly
            .SelectMany(static (set, _) => set.Rules)
            .WithTrackingName(Steps.NamedRules);

        context.RegisterSourceOutput(namedRules, static (spc, rule) =>
        {
            spc.AddSource($"{rule.ClassName}.g.cs", SourceText.From(RuleEmitter.Emit(rule.Rule, rule.Namespace, rule.ClassName), System.Text.Encoding.UTF8));
        });

        context.RegisterSourceOutput(assembly, static (spc, set) =>
        {
            foreach (var diagnostic in set.Diagnostics) spc.ReportDiagnostic(diagnostic.ToDiagnostic());
            spc.AddSource("GeneratedRules.g.cs", SourceText.From(RuleEmitter.EmitRegistry(set.Namespace, set.Rules.Select(r => r.ClassName).ToList()), System.Text.Encoding.UTF8));
        });

        // rule test files: parsed one by one (cached), then bound to the assembly's rules and event files
        var testFiles = inputs
            .Where(static input => input.Kind == RuleInputKind.Test)
            .Select(static (input, cancellationToken) => RuleTestFileParser.Parse(input.Path, input.Text.GetText(cancellationToken)?.ToString() ?? ""))
            .WithTrackingName(Steps.TestFiles);
        var eventFiles = inputs
            .Where(static input => input.Kind == RuleInputKind.Events)
            .Select(static (input, cancellationToken) => new EventFileText(input.Path, input.Text.GetText(cancellationToken)?.ToString() ?? ""));

        context.RegisterSourceOutput(testFiles.Collect().Combine(assembly).Combine(eventFiles.Collect()).Combine(options), static (spc, pair) =>
        {
            var (((tests, set), events), generatorOptions) = pair;
            var (cases, diagnostics) = RuleTestBinder.Bind(tests, set, events, generatorOptions);
            foreach (var diagnostic in diagnostics) spc.ReportDiagnostic(diagnostic.ToDiagnostic());
            spc.AddSource("GeneratedRuleTests.g.cs", SourceText.From(RuleTestEmitter.Emit(set.Namespace, cases), System.Text.Encoding.UTF8));
        });
    }

    /// <summary>Reads one rule file and compiles every rule in it. Never throws.</summary>
    internal static CompiledFile CompileFile(RuleFileInput input, CancellationToken cancellationToken, CustomSchemas? schemas = null)
    {
        try
        {
            var text = input.Text.GetText(cancellationToken)?.ToString() ?? "";
            return LargeStack.Run(() => CompiledFile.From(input.Path, input.RelativePath, text, schemas));
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex)
        {
            var diagnostic = RuleDiagnostic.Create(DiagnosticDescriptors.InternalError,
                SourceSpan.At(input.Path, SourcePosition.Start), RuleCompilation.Describe(ex));
            return new CompiledFile(input.Path, EquatableArray<CompiledRule>.Empty, ImmutableArray.Create(diagnostic));
        }
    }
}
