using Xunit;
using AzureRules.Generators.Elastic;
using AzureRules.Generators.Kuery.Binding;
using AzureRules.Generators.Kuery.Parsing;
using AzureRules.Generators.Kuery.Syntax;

namespace AzureRules.Generators.Tests.Kuery.Translation;

internal static class TranslationTestParsing
{
    public static KueryNode Parse(string query)
    {
        var parsed = KueryParser.Parse(query);
        Assert.True(parsed.Succeeded, parsed.Error?.Message);
        return parsed.Root!;
    }

    /// <summary>Field types given by name, for translations that type values by field.</summary>
    public sealed class FieldTypes(params (string Field, ElasticFieldType Type)[] fields) : IKueryFieldTypes
    {
        public ElasticFieldType? TypeOf(string field)
            => fields.Where(f => f.Field == field).Select(f => (ElasticFieldType?)f.Type).FirstOrDefault();

        public IEnumerable<string> Names => fields.Select(f => f.Field);
    }
}
