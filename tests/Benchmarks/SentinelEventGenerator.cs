using System.Globalization;
using System.Text;

namespace AzureRules.Benchmarks;

/// <summary>
/// Writes SigninLogs, AzureActivity and AuditLogs events shaped like Log Analytics exports (one
/// JSON object per line, <c>Type</c> naming the table, nested dynamic columns such as
/// <c>InitiatedBy</c>, <c>DeviceDetail</c>, <c>Authorization</c>, <c>TargetResources</c>) for the
/// Sentinel seed rule (Storage Account Key Enumeration) and a scheduled copy of it. The three tables
/// draw their IP addresses from one pool (a tenth of the rows per table), so the seed's two joins on
/// IP produce rows: about 70 % of sign-ins pass its filters, 0.5 % of activity events are successful
/// key listings and 1 % of audit events are Core Directory role changes. Events are spread evenly
/// over the time span, in time order per table; deterministic for the same arguments.
/// </summary>
internal static class SentinelEventGenerator
{
    private static readonly string[] Apps = ["Azure Portal", "Microsoft Azure CLI", "Office 365 Exchange Online", "Microsoft Teams", "Azure PowerShell", "Office 365 SharePoint Online", "Visual Studio Code"];
    private static readonly string[] ResultTypes = ["0", "0", "0", "0", "0", "0", "0", "50126", "50074", "53003"];
    private static readonly string[] Operations = ["MICROSOFT.COMPUTE/VIRTUALMACHINES/WRITE", "MICROSOFT.NETWORK/NETWORKSECURITYGROUPS/WRITE", "MICROSOFT.RESOURCES/DEPLOYMENTS/WRITE", "MICROSOFT.KEYVAULT/VAULTS/READ", "MICROSOFT.STORAGE/STORAGEACCOUNTS/READ"];
    private static readonly string[] AuditCategories = ["UserManagement", "GroupManagement", "ApplicationManagement", "Policy", "Device"];
    private static readonly string[] Roles = ["Global Administrator", "User Administrator", "Reader", "Security Administrator"];
    private static readonly string[] Countries = ["NL", "US", "DE", "FR", "GB", "IN"];

    /// <summary>
    /// <c>gen-sentinel ROWS_PER_TABLE FOLDER [DAYS]</c>: writes FOLDER/SigninLogs.jsonl, AzureActivity.jsonl
    /// and AuditLogs.jsonl, ROWS_PER_TABLE each, spread evenly over DAYS (default 1) from 2026-11-01.
    /// </summary>
    public static int Run(string[] args)
    {
        var rows = int.Parse(args[0], CultureInfo.InvariantCulture);
        var folder = args[1];
        var days = args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 1;
        Directory.CreateDirectory(folder);
        var start = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        var step = TimeSpan.FromDays(days).Ticks / Math.Max(rows, 1);
        var ips = Math.Max(rows / 10, 10);
        Write(Path.Combine(folder, "SigninLogs.jsonl"), rows, start, step, 1, (w, r, time, i) => Signin(w, r, time, i, ips));
        Write(Path.Combine(folder, "AzureActivity.jsonl"), rows, start, step, 2, (w, r, time, i) => Activity(w, r, time, i, ips));
        Write(Path.Combine(folder, "AuditLogs.jsonl"), rows, start, step, 3, (w, r, time, i) => Audit(w, r, time, i, ips));
        Console.Error.WriteLine($"wrote {rows} events per table over {days} days to {folder}");
        return 0;
    }

    private static void Write(string path, int rows, DateTimeOffset start, long step, int seed, Action<StreamWriter, Random, string, int> line)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        var random = new Random(seed);
        for (var i = 0; i < rows; i++)
        {
            var time = start.AddTicks(step * i).ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture);
            line(writer, random, time, i);
            writer.Write('\n');
        }
    }

    private static string Ip(Random random, int pool) { var n = random.Next(pool); return $"10.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}"; }
    private static string User(Random random) => $"user{random.Next(5000)}@contoso.com";
    private static string Guid(Random random) { var b = new byte[16]; random.NextBytes(b); return new System.Guid(b).ToString(); }

    private static void Signin(StreamWriter w, Random r, string time, int i, int ips)
    {
        var user = User(r);
        var country = Countries[r.Next(Countries.Length)];
        w.Write($"{{\"TenantId\":\"8f4e1c2a-0000-4000-8000-000000000001\",\"TimeGenerated\":\"{time}\",\"ResultType\":\"{ResultTypes[r.Next(ResultTypes.Length)]}\",\"ResultDescription\":\"\",\"AppDisplayName\":\"{Apps[r.Next(Apps.Length)]}\",\"AppId\":\"{Guid(r)}\",\"UserPrincipalName\":\"{user}\",\"UserDisplayName\":\"{user[..user.IndexOf('@')]}\",\"IPAddress\":\"{Ip(r, ips)}\",\"Location\":\"{country}\",\"ClientAppUsed\":\"Browser\",\"ConditionalAccessStatus\":\"success\",\"CorrelationId\":\"{Guid(r)}\",\"DeviceDetail\":{{\"operatingSystem\":\"Windows 10\",\"browser\":\"Edge 120.0\",\"deviceId\":\"\",\"isCompliant\":{(r.Next(2) == 0 ? "true" : "false")}}},\"LocationDetails\":{{\"city\":\"City{r.Next(100)}\",\"countryOrRegion\":\"{country}\",\"geoCoordinates\":{{\"latitude\":{r.Next(-90, 90)}.5,\"longitude\":{r.Next(-180, 180)}.25}}}},\"Status\":{{\"errorCode\":0}},\"Type\":\"SigninLogs\"}}");
    }

    private static void Activity(StreamWriter w, Random r, string time, int i, int ips)
    {
        var listKeys = r.Next(200) == 0;
        var operation = listKeys ? "MICROSOFT.STORAGE/STORAGEACCOUNTS/LISTKEYS/ACTION" : Operations[r.Next(Operations.Length)];
        var status = r.Next(10) == 0 ? "Failed" : "Succeeded";
        var sub = "11111111-2222-3333-4444-555555555555";
        var resource = $"/subscriptions/{sub}/resourcegroups/rg-{r.Next(50)}/providers/microsoft.storage/storageaccounts/acct{r.Next(1000)}";
        w.Write($"{{\"TenantId\":\"8f4e1c2a-0000-4000-8000-000000000001\",\"TimeGenerated\":\"{time}\",\"OperationNameValue\":\"{operation}\",\"OperationName\":\"{(listKeys ? "List Storage Account Keys" : "Other operation")}\",\"ActivityStatus\":\"{status}\",\"ActivityStatusValue\":\"{(status == "Failed" ? "Failure" : "Success")}\",\"CallerIpAddress\":\"{Ip(r, ips)}\",\"Caller\":\"{User(r)}\",\"CorrelationId\":\"{Guid(r)}\",\"_ResourceId\":\"{resource}\",\"SubscriptionId\":\"{sub}\",\"Category\":\"Administrative\",\"Level\":\"Informational\",\"Authorization\":{{\"action\":\"{operation.ToLowerInvariant()}\",\"scope\":\"{resource}\",\"evidence\":{{\"role\":\"Contributor\",\"principalType\":\"User\"}}}},\"Properties_d\":{{\"statusCode\":\"OK\",\"serviceRequestId\":\"{Guid(r)}\"}},\"Type\":\"AzureActivity\"}}");
    }

    private static void Audit(StreamWriter w, Random r, string time, int i, int ips)
    {
        var roleChange = r.Next(100) == 0;
        var category = roleChange ? "RoleManagement" : AuditCategories[r.Next(AuditCategories.Length)];
        var service = roleChange || r.Next(2) == 0 ? "Core Directory" : "Self-service Password Management";
        var initiatedBy = r.Next(4) == 0
            ? $"{{\"app\":{{\"displayName\":\"Provisioning app {r.Next(20)}\",\"servicePrincipalId\":\"{Guid(r)}\",\"ipAddress\":\"{Ip(r, ips)}\"}}}}"
            : $"{{\"user\":{{\"id\":\"{Guid(r)}\",\"userPrincipalName\":\"{User(r)}\",\"ipAddress\":\"{Ip(r, ips)}\",\"roles\":[]}}}}";
        w.Write($"{{\"TenantId\":\"8f4e1c2a-0000-4000-8000-000000000001\",\"TimeGenerated\":\"{time}\",\"LoggedByService\":\"{service}\",\"Category\":\"{category}\",\"OperationName\":\"{(roleChange ? "Add member to role" : "Update user")}\",\"Result\":\"success\",\"CorrelationId\":\"{Guid(r)}\",\"InitiatedBy\":{initiatedBy},\"TargetResources\":[{{\"displayName\":\"{Roles[r.Next(Roles.Length)]}\",\"type\":\"Role\",\"id\":\"{Guid(r)}\",\"modifiedProperties\":[{{\"displayName\":\"Role.DisplayName\",\"oldValue\":null,\"newValue\":\"\\\"x\\\"\"}}]}}],\"AdditionalDetails\":[{{\"key\":\"UserAgent\",\"value\":\"Mozilla/5.0\"}}],\"Type\":\"AuditLogs\"}}");
    }
}
