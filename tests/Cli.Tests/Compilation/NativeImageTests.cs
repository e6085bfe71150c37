using AzureRules.Cli.Compilation;
using AzureRules.Cli.Tests.Workflow;
using AzureRules.Sdk.Events;
using Xunit;

namespace AzureRules.Cli.Tests.Compilation;

/// <summary>
/// Native images of cached rule assemblies: made by crossgen2 (restored by the CLI's build), loaded in
/// place of the IL with the same rules and answers, never loaded when damaged or incomplete.
/// </summary>
public sealed class NativeImageTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("azrules-native-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private CompileCache Cache(PrecompileMode mode) => new(Path.Combine(_folder, "cache")) { Precompile = mode };

    private static (string Path, string Text) Rule(string id, string name) => ($"rules/{id}.toml", $$"""
        [metadata]
        creation_date = "2024/01/01"
        maturity = "production"
        updated_date = "2024/01/02"

        [rule]
        author = ["Elastic"]
        description = "A test rule."
        index = ["logs-*"]
        language = "kuery"
        license = "Elastic License v2"
        name = "{{name}}"
        risk_score = 21
        rule_id = "{{id}}"
        severity = "low"
        type = "query"
        query = "event.outcome:success and process.name:*cmd*"
        """);

    private static readonly (string Path, string Text)[] Rules =
    [
        Rule("5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a", "First"),
        Rule("6e5d4c3b-2a1f-4e0d-9c8b-7a6f5e4d3c2b", "Second"),
    ];

    private static bool MatchesCmd(RuleLibrary library)
    {
        var view = new EventView();
        view.Load("""{"event":{"outcome":"success"},"process":{"name":"cmd.exe"}}"""u8.ToArray());
        return library.Detections.All(d => d is Sdk.Detections.ElasticEventDetection e && e.Matches(view));
    }

    [Fact]
    public void Crossgen2_is_restored_with_the_cli()
        => Assert.True(Crossgen2.Find() is not null, "crossgen2 of the running runtime should be in the NuGet cache: azrules.csproj downloads it");

    [Fact]
    public void With_precompile_wait_the_next_load_is_the_native_image_with_the_same_rules_and_answers()
    {
        var cold = RuleLibrary.FromFiles(Rules, cache: Cache(PrecompileMode.Wait));
        var warm = RuleLibrary.FromFiles(Rules, cache: Cache(PrecompileMode.Wait));

        Assert.False(cold.FromNativeImage);
        Assert.True(warm.FromCompileCache);
        Assert.True(warm.FromNativeImage);
        Assert.Equal(cold.Detections.Select(d => d.Metadata.Name), warm.Detections.Select(d => d.Metadata.Name));
        Assert.Equal(cold.Diagnostics.Select(d => d.ToString()), warm.Diagnostics.Select(d => d.ToString()));
        Assert.True(MatchesCmd(cold));
        Assert.True(MatchesCmd(warm));
    }

    [Fact]
    public void Precompile_off_and_a_small_rule_set_in_the_background_make_no_native_image()
    {
        RuleLibrary.FromFiles(Rules, cache: Cache(PrecompileMode.Off));
        RuleLibrary.FromFiles([Rule("7f6e5d4c-3b2a-4f1e-8d9c-0b8a7f6e5d4c", "Third")], cache: Cache(PrecompileMode.Background));

        Assert.Empty(Directory.GetFiles(Path.Combine(_folder, "cache"), "*.native*"));
        Assert.False(RuleLibrary.FromFiles(Rules, cache: Cache(PrecompileMode.Off)).FromNativeImage);
    }

    [Theory]
    [InlineData("flip")]
    [InlineData("truncate")]
    [InlineData("no hash")]
    public void A_damaged_or_incomplete_native_image_is_not_loaded_and_the_IL_serves(string damage)
    {
        RuleLibrary.FromFiles(Rules, cache: Cache(PrecompileMode.Wait));
        var image = Assert.Single(Directory.GetFiles(Path.Combine(_folder, "cache"), "*.native.dll"));
        switch (damage)
        {
            case "flip":
                var bytes = File.ReadAllBytes(image);
                bytes[bytes.Length / 2] ^= 0x5A;
                File.WriteAllBytes(image, bytes);
                break;
            case "truncate":
                File.WriteAllBytes(image, File.ReadAllBytes(image)[..4096]);
                break;
            default:
                File.Delete(Path.ChangeExtension(image, ".sha256"));
                break;
        }

        var again = RuleLibrary.FromFiles(Rules, cache: Cache(PrecompileMode.Off));
        Assert.True(again.FromCompileCache);
        Assert.False(again.FromNativeImage);
        Assert.True(MatchesCmd(again));
    }

    [Fact]
    public void The_hidden_precompile_cache_command_makes_the_image_a_background_run_starts()
    {
        RuleLibrary.FromFiles(Rules, cache: Cache(PrecompileMode.Off));
        var entry = Assert.Single(Directory.GetFiles(Path.Combine(_folder, "cache"), "*.dll-cache"));
        var key = Path.GetFileName(entry)[..64];

        var result = AzrulesProcess.Run(_folder, "precompile-cache", Path.Combine(_folder, "cache"), key);

        Assert.Equal((0, "", ""), (result.ExitCode, result.Output, result.Error));
        Assert.True(RuleLibrary.FromFiles(Rules, cache: Cache(PrecompileMode.Off)).FromNativeImage);
        // no lock is left behind for the next one
        Assert.Empty(Directory.GetFiles(Path.Combine(_folder, "cache"), "*.lock"));
    }
}
