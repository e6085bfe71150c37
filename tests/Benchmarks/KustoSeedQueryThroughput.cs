using System.Diagnostics;
using AzureRules.Sdk.Kusto;

namespace AzureRules.Benchmarks;

/// <summary>
/// The query-only time of the Sentinel seed (SigninLogs ⋈ AzureActivity ⋈ AuditLogs, then summarize): the
/// three tables are built in memory first (not timed), typed by the schemas the compiled rule carries and
/// with only the columns it reads (<c>ReadColumns</c>), as the engine's event store gives them to it, with
/// realistic shapes (a nested dynamic <c>InitiatedBy</c>, <c>TargetResources</c> an array of bags) and IP
/// addresses drawn from one shared pool so both joins produce rows. Then <c>Execute</c> runs
/// <c>REPEAT</c> times and the best time is reported with the rows per second over the three inputs.
/// A third argument <c>wide</c> builds every column of the schemas instead (what the store kept before
/// rules declared their columns), to tell the two effects apart.
/// </summary>
internal static class KustoSeedQueryThroughput
{
    public static int Run(string[] args)
    {
        var rows = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        var repeat = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 3;
        var wide = args.Length > 2 && args[2] == "wide";
        var rule = AzureRules.Rules.GeneratedRules.All.OfType<KustoDetection>().Single();
        var build = Stopwatch.StartNew();
        var random = new Random(7);
        var start = new DateTime(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc);
        var ips = Math.Max(1, rows / 2);
        string Ip(int n) => $"10.{n >> 16 & 255}.{n >> 8 & 255}.{n & 255}";
        DateTime Time(int i) => start.AddTicks(TimeSpan.TicksPerDay * i / rows);
        var tables = new Dictionary<string, KustoTable>(StringComparer.Ordinal)
        {
            ["SigninLogs"] = Table(rule, "SigninLogs", wide, rows, i => new()
            {
                ["TimeGenerated"] = Time(i),
                ["ResultType"] = random.Next(10) < 8 ? "0" : "50126",
                ["AppDisplayName"] = random.Next(4) switch { 0 => "Office 365 Exchange Online", 1 => "Azure Portal", 2 => "Microsoft Teams", _ => "Skype for Business Online" },
                ["UserPrincipalName"] = $"user{random.Next(rows / 10 + 1)}@contoso.com",
                ["IPAddress"] = Ip(random.Next(ips)),
            }),
            ["AzureActivity"] = Table(rule, "AzureActivity", wide, rows, i => new()
            {
                ["TimeGenerated"] = Time(i),
                ["OperationNameValue"] = random.Next(20) == 0 ? "MICROSOFT.STORAGE/STORAGEACCOUNTS/LISTKEYS/ACTION" : "MICROSOFT.COMPUTE/VIRTUALMACHINES/READ",
                ["ActivityStatus"] = random.Next(10) < 9 ? "Succeeded" : "Failed",
                ["CallerIpAddress"] = Ip(random.Next(ips)),
                ["_ResourceId"] = $"/subscriptions/s{random.Next(20)}/resourcegroups/rg/providers/microsoft.storage/storageaccounts/sa{random.Next(100)}",
                ["SubscriptionId"] = $"{random.Next(20):D8}-0000-0000-0000-000000000000",
                ["Category"] = "Administrative",
                ["Authorization"] = """{"action":"Microsoft.Storage/storageAccounts/listKeys/action","scope":"/subscriptions/s"}""",
                ["OperationName"] = "List Storage Account Keys",
            }),
            ["AuditLogs"] = Table(rule, "AuditLogs", wide, rows, i => new()
            {
                ["TimeGenerated"] = Time(i),
                ["LoggedByService"] = random.Next(10) < 7 ? "Core Directory" : "PIM",
                ["Category"] = random.Next(5) == 0 ? "RoleManagement" : "UserManagement",
                ["InitiatedBy"] = random.Next(4) == 0
                    ? "{\"app\":{\"displayName\":\"app" + random.Next(50) + "\",\"servicePrincipalId\":\"sp\",\"ipAddress\":\"" + Ip(random.Next(ips)) + "\"}}"
                    : "{\"user\":{\"id\":\"u\",\"userPrincipalName\":\"admin" + random.Next(200) + "@contoso.com\",\"ipAddress\":\"" + Ip(random.Next(ips)) + "\"}}",
                ["TargetResources"] = $$"""[{"displayName":"Role{{random.Next(30)}}","type":"Role","modifiedProperties":[{"displayName":"Role.DisplayName","newValue":"\"Owner\""}]}]""",
            }),
        };
        build.Stop();
        var context = new KustoContext(start.AddDays(1), tables);
        var best = TimeSpan.MaxValue;
        var bestCpu = TimeSpan.MaxValue; // CPU time (all threads, GC included): what a loaded machine does not distort
        var result = 0;
        var process = Process.GetCurrentProcess();
        for (var i = 0; i < repeat; i++)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            result = rule.Execute(context).RowCount;
            clock.Stop();
            process.Refresh();
            if (clock.Elapsed < best) best = clock.Elapsed;
            if (process.TotalProcessorTime - cpu < bestCpu) bestCpu = process.TotalProcessorTime - cpu;
        }
        Console.WriteLine($"seed query over {rows:N0} rows per table ({(wide ? "every column" : "the columns it reads")}): tables built in {build.Elapsed.TotalSeconds:0.00}s; query best of {repeat} {best.TotalSeconds:0.000}s (CPU {bestCpu.TotalSeconds:0.000}s), {3.0 * rows / best.TotalSeconds:N0} input rows/s, {result:N0} result rows; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1 << 20):N0} MiB");
        return 0;
    }

    /// <summary>A table with the rule's schema for <paramref name="name"/>, narrowed to the columns it reads; values are given as JSON-like text and typed by the schema.</summary>
    private static KustoTable Table(KustoDetection rule, string name, bool wide, int count, Func<int, Dictionary<string, object>> row)
    {
        var read = wide ? null : rule.ReadColumns?.GetValueOrDefault(name);
        var columns = rule.TableSchemas[name].Where(c => read is null || read.Contains(c.Name)).ToList();
        var slots = columns.Select((c, i) => (c.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
        var rows = new List<KustoValue[]>(count);
        for (var i = 0; i < count; i++)
        {
            var values = new KustoValue[columns.Count];
            for (var c = 0; c < values.Length; c++) values[c] = KustoValue.NullOf(columns[c].Type);
            foreach (var (column, value) in row(i))
            {
                if (!slots.TryGetValue(column, out var slot)) continue;
                values[slot] = value switch
                {
                    DateTime time => KustoValue.From(time),
                    string text when columns[slot].Type == KustoType.Dynamic => KustoJson.TryParse(text, out var parsed) ? parsed : KustoValue.From(text),
                    string text => KustoConvert.To(columns[slot].Type, KustoValue.From(text)),
                    _ => KustoValue.Null,
                };
            }
            rows.Add(values);
        }
        return new KustoTable(columns, rows);
    }
}
