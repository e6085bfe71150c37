using Microsoft.CodeAnalysis;

namespace AzureRules.Generators.Diagnostics;

internal static partial class DiagnosticDescriptors
{
    // ---- AR10xx: rule test files (MyRule.tests.yaml) ---------------------------------------------

    public static readonly DiagnosticDescriptor MalformedTestFile = Error("AR1001",
        "Malformed rule test file",
        "The rule test file is malformed: {0}", "AzureRules.Tests");

    public static readonly DiagnosticDescriptor UnknownTestRule = Error("AR1002",
        "Test file names no known rule",
        "The test file names no known rule: {0}", "AzureRules.Tests");

    public static readonly DiagnosticDescriptor MissingEventFile = Error("AR1003",
        "Event file not found",
        "Event file '{0}' not found (looked for '{1}'; event files are the .jsonl and .csv files in the rule folder, or AdditionalFiles you add)", "AzureRules.Tests");

    public static readonly DiagnosticDescriptor InvalidTestValue = Error("AR1004",
        "Invalid test value",
        "Invalid value '{1}' for '{0}': {2}", "AzureRules.Tests");

    public static readonly DiagnosticDescriptor UnknownTestField = Warning("AR1005",
        "Unknown test field",
        "Unknown field '{0}' in {1} (known: {2})", "AzureRules.Tests");

    public static readonly DiagnosticDescriptor DuplicateTestCase = Error("AR1006",
        "Duplicate test case name",
        "Test case '{0}' is already defined in this file", "AzureRules.Tests");

    public static readonly DiagnosticDescriptor NothingExpected = Error("AR1007",
        "Test case expects nothing",
        "Test case '{0}' expects nothing: give 'expect' with alerts, events, rows or fields", "AzureRules.Tests");

    public static readonly DiagnosticDescriptor MissingTestField = Error("AR1008",
        "Required test field missing",
        "Required field '{0}' is missing in {1}", "AzureRules.Tests");
}
