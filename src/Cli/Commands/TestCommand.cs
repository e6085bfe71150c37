using System.CommandLine;
using AzureRules.Cli.Compilation;
using AzureRules.Cli.Reports;
using AzureRules.Cli.Testing;
using AzureRules.Sdk.Testing;
using Microsoft.CodeAnalysis;

namespace AzureRules.Cli.Commands;

/// <summary>
/// <c>azrules test PATH… [--junit FILE] [--coverage] [--filter TEXT]</c>: compiles the rules and their
/// test files (<c>*.tests.yaml</c>) through the generator, runs every case through the detection
/// engine, prints PASS/FAIL per case with the differences, and exits 1 when a case fails or a rule
/// or test file has errors.
/// </summary>
internal static class TestCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Rule folders or files, with their *.tests.yaml files", Arity = ArgumentArity.OneOrMore };
        var junit = new Option<string?>("--junit") { Description = "Also write the results as JUnit XML to this file" };
        var coverage = new Option<bool>("--coverage") { Description = "Report rules without tests and top-level query conditions no case made true" };
        var filter = new Option<string?>("--filter") { Description = "Run only the cases whose 'rule: case' name contains this text" };
        var command = new Command("test", "Run rule test cases (*.tests.yaml) through the detection engine") { paths, junit, coverage, filter };
        var filterOptions = new DiagnosticOptions();
        filterOptions.AddTo(command);
        var cacheOption = new CacheOption();
        cacheOption.AddTo(command);
        command.SetAction(parse =>
        {
            var files = Testing.TestEventFiles.With(RuleFiles.Read(parse.GetValue(paths)!));
            var library = RuleLibrary.FromFiles(files, cache: cacheOption.Read(parse));
            var diagnostics = filterOptions.Read(parse).Apply(library.Diagnostics);
            var (errors, _) = DiagnosticPrinter.Print(diagnostics, Console.Error);

            var cases = library.TestCases.Where(c => parse.GetValue(filter) is not { } text || c.DisplayName.Contains(text, StringComparison.OrdinalIgnoreCase)).ToList();
            var results = new List<RuleTestResult>();
            foreach (var testCase in cases)
            {
                var result = RuleTestRunner.Run(testCase);
                results.Add(result);
                Console.Out.WriteLine($"{(result.Passed ? "PASS" : "FAIL")}  {testCase.DisplayName}  ({testCase.TestFile}:{testCase.Line})");
                if (!result.Passed) Console.Out.Write(result.Report());
            }
            var failed = results.Count(r => !r.Passed);
            Console.Out.WriteLine(cases.Count == 0
                ? "no test cases found (add MyRule.tests.yaml beside a rule)"
                : $"{results.Count} cases: {results.Count - failed} passed, {failed} failed");

            if (parse.GetValue(junit) is { } junitFile)
            {
                using var stream = File.Create(junitFile);
                JUnitWriter.Write(stream, results);
            }
            if (parse.GetValue(coverage))
                CoverageReport.Write(Console.Out, ConditionCoverage.Measure(library.Detections, library.TestCases));

            if (errors > 0) Console.Error.WriteLine($"azrules: {errors} errors in the rules or their tests");
            return failed > 0 || errors > 0 ? CommandLineHost.Findings : CommandLineHost.Clean;
        });
        return command;
    }
}
