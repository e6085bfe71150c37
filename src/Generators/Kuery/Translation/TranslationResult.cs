namespace AzureRules.Generators.Kuery.Translation;

/// <summary>A translated query text, or why the query has no equivalent in the target language.</summary>
internal sealed record TranslationResult(string? Text, string? Error)
{
    public bool Succeeded => Text is not null;

    public static TranslationResult Success(string text) => new(text, null);

    public static TranslationResult Failure(string error) => new(null, error);
}
