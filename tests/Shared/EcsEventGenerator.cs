using System.Text;

namespace AzureRules.Tests;

/// <summary>
/// Writes ECS documents shaped like Elastic's Azure activity-log integration output, one per line:
/// mostly ordinary operations, about 1 % storage-key regenerations (some with outcomes and spellings
/// the seed rule must reject), with nested and dotted keys mixed. Deterministic for a given count.
/// </summary>
internal static class EcsEventGenerator
{
    private static readonly string[] Operations =
    [
        "MICROSOFT.COMPUTE/VIRTUALMACHINES/WRITE", "MICROSOFT.NETWORK/NETWORKSECURITYGROUPS/WRITE",
        "MICROSOFT.RESOURCES/DEPLOYMENTS/WRITE", "MICROSOFT.STORAGE/STORAGEACCOUNTS/LISTKEYS/ACTION",
        "MICROSOFT.KEYVAULT/VAULTS/READ", "MICROSOFT.AUTHORIZATION/ROLEASSIGNMENTS/WRITE",
    ];
    private static readonly string[] Outcomes = ["success", "Success", "failure", "SUCCESS"];

    public static int Run(string[] args)
    {
        var count = int.Parse(args[0]);
        using var writer = new StreamWriter(args[1], false, new UTF8Encoding(false), 1 << 20);
        var random = new Random(42);
        var start = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < count; i++)
        {
            var time = start.AddMilliseconds(i * 250L).ToString("yyyy-MM-ddTHH:mm:ss.fffZ");
            var regenerate = random.Next(100) == 0;
            var operation = regenerate ? "MICROSOFT.STORAGE/STORAGEACCOUNTS/REGENERATEKEY/ACTION" : Operations[random.Next(Operations.Length)];
            var outcome = Outcomes[random.Next(Outcomes.Length)];
            var index = random.Next(20) == 0 ? "winlogbeat-8.15" : "logs-azure.activitylogs-default";
            var ip = $"10.{random.Next(256)}.{random.Next(256)}.{random.Next(256)}";
            if (i % 2 == 0)
                writer.Write($"{{\"@timestamp\":\"{time}\",\"_index\":\"{index}\",\"_id\":\"e{i}\",\"event\":{{\"dataset\":\"azure.activitylogs\",\"kind\":\"event\",\"outcome\":\"{outcome}\",\"duration\":{random.Next(1_000_000)}}},\"azure\":{{\"activitylogs\":{{\"operation_name\":\"{operation}\",\"category\":\"Administrative\",\"result_type\":\"Success\",\"identity\":{{\"claims\":{{\"ipaddr\":\"{ip}\"}}}}}},\"subscription_id\":\"11111111-2222-3333-4444-555555555555\",\"resource\":{{\"group\":\"RG-{random.Next(50)}\",\"name\":\"res{random.Next(1000)}\"}}}},\"cloud\":{{\"provider\":\"azure\",\"region\":\"westeurope\"}},\"source\":{{\"ip\":\"{ip}\",\"geo\":{{\"country_iso_code\":\"NL\"}}}},\"tags\":[\"azure\",\"forwarded\"]}}\n");
            else
                writer.Write($"{{\"@timestamp\":\"{time}\",\"_index\":\"{index}\",\"_id\":\"e{i}\",\"event.dataset\":\"azure.activitylogs\",\"event.kind\":\"event\",\"event.outcome\":\"{outcome}\",\"azure.activitylogs.operation_name\":\"{operation}\",\"azure.activitylogs.category\":\"Administrative\",\"azure.subscription_id\":\"11111111-2222-3333-4444-555555555555\",\"cloud.provider\":\"azure\",\"source.ip\":\"{ip}\",\"user\":{{\"name\":\"user{random.Next(500)}@contoso.com\"}},\"tags\":[\"azure\"]}}\n");
        }
        Console.Error.WriteLine($"wrote {count} events to {args[1]}");
        return 0;
    }
}
