using System;
using System.IO;
using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AzureRules.Generators.Formats.Sentinel;

/// <summary>
/// Reads a Microsoft Sentinel rule file (an analytic rule of kind Scheduled or NRT, or a hunting query)
/// into the rule model. Never throws: a file that is not YAML gets AR0101 at YamlDotNet's error position.
/// </summary>
internal static class SentinelYamlReader
{
    public static RuleFile Read(string path, string text)
        => Read(new YamlSource(path, text, 0, text.Length), RuleFormat.SentinelYaml);

    /// <summary>Reads the YAML in <paramref name="source"/>; positions are of the whole file it stands in.</summary>
    internal static RuleFile Read(YamlSource source, RuleFormat format)
    {
        try
        {
            var stream = new YamlStream();
            try
            {
                stream.Load(new StringReader(source.Yaml));
            }
            catch (YamlException e)
            {
                return RuleFile.Failed(source.Path, RuleDiagnostic.Create(DiagnosticDescriptors.MalformedFile,
                    source.SpanOf(e.Start, e.End), "YAML", Describe(e)));
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException)
            {
                // YamlDotNet's document loader fails this way on some malformed input (an unclosed
                // flow sequence followed by a block scalar; a line starting with ": value", found by
                // the fuzzer: "The current event is of an unsupported type"); still a syntax error of the file
                return RuleFile.Failed(source.Path, RuleDiagnostic.Create(DiagnosticDescriptors.MalformedFile,
                    source.StartSpan, "YAML", "the document structure is malformed (" + e.Message + ")"));
            }

            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                var span = stream.Documents.Count == 0 ? source.StartSpan : source.SpanOf(stream.Documents[0].RootNode);
                return RuleFile.Failed(source.Path, RuleDiagnostic.Create(DiagnosticDescriptors.MalformedFile, span,
                    "YAML", "a Sentinel rule is a mapping of fields (id: …, name: …, query: …)"));
            }
            return RuleFile.Single(source.Path, SentinelRuleReader.Read(source, root, format));
        }
        catch (Exception e)
        {
            return RuleFile.Failed(source.Path, RuleDiagnostic.Create(DiagnosticDescriptors.InternalError,
                source.StartSpan, e.GetType().Name + ": " + e.Message));
        }
    }

    /// <summary>YamlDotNet's message without the "(Line: 3, Col: 5, Idx: 20) - (…): " prefix: the position is the diagnostic's.</summary>
    private static string Describe(YamlException e)
    {
        var message = e.Message;
        var prefixEnd = message.IndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith("(Line:", StringComparison.Ordinal) && prefixEnd >= 0) message = message.Substring(prefixEnd + 3);
        return message.Trim();
    }
}
