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
        public const string GeneratedRules = "GeneratedRules";
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

        // each class emitted once (cached per rule), then the assembly-wide limit on string literals:
        // a rule past it is an error on its file and its class is left out of the assembly
        var generatedRules = namedRules
            .Select(static (rule, _) => GeneratedRuleSource.Emit(rule))
            .WithTrackingName(Steps.GeneratedRules);
        var literalBudget = generatedRules.Collect()
            .Select(static (rules, _) => UserStringBudget.Check(rules));

        context.RegisterSourceOutput(generatedRules.Combine(literalBudget), static (spc, pair) =>
        {
            if (pair.Right.Includes(pair.Left.Rule.ClassName))
                spc.AddSource($"{pair.Left.Rule.ClassName}.g.cs", SourceText.From(pair.Left.Source, System.Text.Encoding.UTF8));
        });

        var loadable = assembly.Combine(literalBudget)
            .Select(static (pair, _) => pair.Right.Apply(pair.Left));

        context.RegisterSourceOutput(assembly.Combine(literalBudget), static (spc, pair) =>
        {
            var (set, budget) = pair;
            foreach (var diagnostic in set.Diagnostics) spc.ReportDiagnostic(diagnostic.ToDiagnostic());
            foreach (var diagnostic in budget.Diagnostics) spc.ReportDiagnostic(diagnostic.ToDiagnostic());
            var classes = set.Rules.Select(r => r.ClassName).Where(budget.Includes).ToList();
            spc.AddSource("GeneratedRules.g.cs", SourceText.From(RuleEmitter.EmitRegistry(set.Namespace, classes), System.Text.Encoding.UTF8));
        });

        // rule test files: parsed one by one (cached), then bound to the assembly's rules and event files
        var testFiles = inputs
            .Where(static input => input.Kind == RuleInputKind.Test)
            .Select(static (input, cancellationToken) => RuleTestFileParser.Parse(input.Path, input.Text.GetText(cancellationToken)?.ToString() ?? ""))
            .WithTrackingName(Steps.TestFiles);
        var eventFiles = inputs
            .Where(static input => input.Kind == RuleInputKind.Events)
            .Select(static (input, cancellationToken) => new EventFileText(input.Path, input.Text.GetText(cancellationToken)?.ToString() ?? ""));

        context.RegisterSourceOutput(testFiles.Collect().Combine(loadable).Combine(eventFiles.Collect()).Combine(options), static (spc, pair) =>
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
