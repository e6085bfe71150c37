namespace AzureRules.Sdk.Events;

/// <summary>A line that could not be read as an event: reported with its place, counted, and skipped.</summary>
public sealed record EventError(string SourceFile, int LineNumber, string Message)
{
    public override string ToString() => $"{SourceFile}({LineNumber}): error: {Message}";
}
