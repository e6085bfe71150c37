using System.Text.Json;
using System.Text.Json.Nodes;
using static AzureRules.Cli.Export.SentinelResourceBuilder;

namespace AzureRules.Cli.Export;

/// <summary>
/// An ARM deployment template for Sentinel rules: the workspace is the template's one parameter;
/// alert rules are extension resources scoped to it, hunting queries are its saved searches.
/// The template's <c>metadata.azureRules</c> keeps, per rule id, what the API has no property for.
/// </summary>
internal static class ArmTemplateWriter
{
    public const string Schema = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#";
    public const string WorkspaceParameter = "workspace";
    public const string MetadataKey = "azureRules";

    public static string Write(IReadOnlyList<SentinelResource> resources)
    {
        var rules = new JsonObject();
        foreach (var resource in resources.Where(r => r.Metadata.Count > 0))
            rules[resource.RuleId] = resource.Metadata.DeepClone();
        var template = new JsonObject
        {
            ["$schema"] = Schema,
            ["contentVersion"] = "1.0.0.0",
            ["metadata"] = new JsonObject
            {
                ["_generator"] = new JsonObject { ["name"] = "azrules" },
                [MetadataKey] = new JsonObject { ["rules"] = rules },
            },
            ["parameters"] = new JsonObject
            {
                [WorkspaceParameter] = new JsonObject
                {
                    ["type"] = "string",
                    ["metadata"] = new JsonObject { ["description"] = "The Log Analytics workspace where Microsoft Sentinel runs" },
                },
            },
            ["resources"] = new JsonArray([.. resources.Select(Resource)]),
        };
        return template.ToJsonString(Options) + "\n";
    }

    private static JsonNode Resource(SentinelResource resource)
    {
        var json = new JsonObject { ["type"] = resource.Type, ["apiVersion"] = resource.ApiVersion };
        if (resource.IsHunting)
        {
            json["name"] = $"[concat(parameters('{WorkspaceParameter}'), '/{resource.RuleId}')]";
        }
        else
        {
            json["scope"] = $"[concat('Microsoft.OperationalInsights/workspaces/', parameters('{WorkspaceParameter}'))]";
            json["name"] = resource.RuleId;
            json["kind"] = resource.Kind;
        }
        json["properties"] = resource.Properties.DeepClone();
        return json;
    }

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
