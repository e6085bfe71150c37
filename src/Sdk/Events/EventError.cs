namespace AzureRules.Sdk.Events;

/// <summary>A line that could not be read as an event: reported with its place, counted, and skipped.</summary>
/// <remarks>Line 0 stands for the whole file (a dangling link, a FIFO, an unreadable file).</remarks>
public sealed record EventError(string SourceFile, int LineNumber, string Message)
{
    public override string ToString()
        => $"{AzureRules.Sdk.Text.ConsoleText.Escape(SourceFile)}{(LineNumber > 0 ? $"({LineNumber})" : "")}: error: {AzureRules.Sdk.Text.ConsoleText.Escape(Message)}";
}
