using AzureRules.Cli.Compilation;
using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Emit;
using AzureRules.Generators.Model;
using Xunit;

namespace AzureRules.Cli.Tests.Compilation;

/// <summary>
/// Text from rule files reaches generated code only as escaped literals: hostile names,
/// descriptions, tags and queries compile, and come back unchanged from the generated metadata.
/// </summary>
public sealed class EmittedCodeSafetyTests
{
    public static TheoryData<string> HostileTexts => new()
    {
        "Quote \" and backslash \\ and \\\" together",
        "Comment */ end /* start // line",
        "#region preprocessor\n#error boom",
        "Braces { } {{ }} $\"{interpolation}\"",
        "Unicode: Ünïcödé — 日本語 🚨 \u202Eright-to-left\u202C \u2028line separator",
        "Control \0 \a \b \u0001 characters\r\nand CRLF",
        "\"; System.Environment.Exit(1); var x = \"",
    };

    [Theory]
    [MemberData(nameof(HostileTexts))]
    public void Hostile_rule_text_compiles_and_round_trips(string text)
    {
        var rule = AdHocRules.Create(QueryLanguage.Kuery, "event.outcome:success", name: text) with
        {
            Description = text,
            Tags = ImmutableArrayOf(text, "plain"),
            References = ImmutableArrayOf(text),
        };

        var library = RuleLibrary.FromDefinitions([rule]);

        var metadata = Assert.Single(library.Detections).Metadata;
        Assert.Equal(text, metadata.Name);
        Assert.Equal(text, metadata.Description);
        Assert.Equal([text, "plain"], metadata.Tags);
        Assert.Equal([text], metadata.References);
    }

    [Fact]
    public void Class_names_are_valid_identifiers_and_unique()
    {
        var names = ClassNames.AssignUnique(
        [
            ("Azure Storage Account Key Regenerated", "a1"),
            ("azure storage account key regenerated!", "b2"),
            ("123 starts with a digit", "c3"),
            ("日本語だけ", "d4"),
            ("GeneratedRules", "e5"),
        ]);
        Assert.Equal(names.Length, names.Distinct().Count());
        Assert.All(names, n => Assert.True(Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(n), n));
        Assert.Equal("AzureStorageAccountKeyRegenerated_a1", names[0]);
        Assert.StartsWith("Rule123", names[2]);
        Assert.NotEqual("GeneratedRules", names[4]);
    }

    [Fact]
    public void A_literal_escapes_everything_outside_printable_ascii()
    {
        var literal = CSharpLiteral.String("a\"b\\c\n\u00e9\ud83d\udea8");
        Assert.Equal("\"a\\\"b\\\\c\\n\\u00E9\\uD83D\\uDEA8\"", literal);
    }

    private static EquatableArray<string> ImmutableArrayOf(params string[] items) => items.ToEquatableArray();
}

public sealed class EmittedThreatTests
{
    [Fact]
    public void Threat_mappings_become_references_to_the_typed_catalog()
    {
        var at = AdHocRules.Create(QueryLanguage.Kuery, "a:b").Name.Span;
        Located<string> L(string value) => new(value, at);
        var rule = AdHocRules.Create(QueryLanguage.Kuery, "event.outcome:success") with
        {
            Threat = new[]
            {
                new ThreatMapping(new[] { L("TA0006") }.ToEquatableArray(), new[] { L("T1528") }.ToEquatableArray()),
                new ThreatMapping(new[] { L("TA0002") }.ToEquatableArray(), new[] { L("T1059"), L("T1059.001") }.ToEquatableArray()),
            }.ToEquatableArray(),
        };

        var metadata = Assert.Single(RuleLibrary.FromDefinitions([rule]).Detections).Metadata;

        Assert.Same(AzureRules.Sdk.Mitre.Tactics.CredentialAccess, metadata.Threat[0].Tactic);
        Assert.Same(AzureRules.Sdk.Mitre.Techniques.T1528, metadata.Threat[0].Techniques.Single());
        Assert.Equal(["TA0006", "TA0002"], metadata.Tactics.Select(t => t.Id));
        Assert.Equal(["T1528", "T1059", "T1059.001"], metadata.Techniques.Select(t => t.Id));
    }
}

public sealed class ClassNameCaseTests
{
    [Fact]
    public void Names_that_differ_only_in_case_get_distinct_file_safe_names()
    {
        var names = AzureRules.Generators.Emit.ClassNames.AssignUnique([("Threats detected by ESET", "a1"), ("Threats Detected By Eset", "b2")]);
        Assert.Equal(2, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }
}
