using System.Globalization;
using System.Text;
using System.Xml;
using AzureRules.Sdk.Testing;

namespace AzureRules.Cli.Reports;

/// <summary>
/// Writes rule test results as JUnit XML (the de-facto schema CI systems read: testsuites → one
/// testsuite per rule → one testcase per case, with a failure element holding the readable diff).
/// </summary>
internal static class JUnitWriter
{
    public static void Write(Stream stream, IReadOnlyList<RuleTestResult> results)
    {
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) };
        using var xml = XmlWriter.Create(stream, settings);
        xml.WriteStartDocument();
        xml.WriteStartElement("testsuites");
        xml.WriteAttributeString("name", "azrules test");
        Counts(xml, results);
        foreach (var suite in results.GroupBy(r => r.Case.Rule.Metadata.Name, StringComparer.Ordinal))
        {
            var cases = suite.ToList();
            xml.WriteStartElement("testsuite");
            xml.WriteAttributeString("name", Clean(suite.Key));
            Counts(xml, cases);
            xml.WriteAttributeString("file", Clean(cases[0].Case.TestFile));
            foreach (var result in cases)
            {
                xml.WriteStartElement("testcase");
                xml.WriteAttributeString("name", Clean(result.Case.Name));
                xml.WriteAttributeString("classname", Clean(suite.Key));
                xml.WriteAttributeString("time", Seconds(result.Duration));
                xml.WriteAttributeString("file", Clean(result.Case.TestFile));
                xml.WriteAttributeString("line", result.Case.Line.ToString(CultureInfo.InvariantCulture));
                if (!result.Passed)
                {
                    xml.WriteStartElement("failure");
                    xml.WriteAttributeString("message", Clean(result.Failures[0]));
                    xml.WriteAttributeString("type", "RuleTestFailure");
                    xml.WriteString(Clean(result.Report()));
                    xml.WriteEndElement();
                }
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void Counts(XmlWriter xml, IReadOnlyCollection<RuleTestResult> results)
    {
        xml.WriteAttributeString("tests", results.Count.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("failures", results.Count(r => !r.Passed).ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("errors", "0");
        xml.WriteAttributeString("skipped", "0");
        xml.WriteAttributeString("time", Seconds(TimeSpan.FromTicks(results.Sum(r => r.Duration.Ticks))));
    }

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>Characters XML 1.0 cannot hold (control characters from event values) become U+FFFD.</summary>
    internal static string Clean(string text)
    {
        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var valid = XmlConvert.IsXmlChar(c) || (char.IsHighSurrogate(c) && i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], c));
            if (valid)
            {
                builder?.Append(c);
                if (char.IsHighSurrogate(c)) { builder?.Append(text[i + 1]); i++; }
                continue;
            }
            builder ??= new StringBuilder(text, 0, i, text.Length);
            builder.Append('\uFFFD');
        }
        return builder?.ToString() ?? text;
    }
}
