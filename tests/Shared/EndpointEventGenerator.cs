using System.Text;

namespace AzureRules.Tests;

/// <summary>
/// Writes ECS documents shaped like Elastic Defend's endpoint events (process, network, file,
/// registry, library), one per line, for the EQL rules of the corpus: Windows, Linux and macOS hosts,
/// a few hundred users and hosts (the keys sequences join on), process names the rules look for mixed
/// with ordinary ones, four events a second. Deterministic for a given count.
/// </summary>
internal static class EndpointEventGenerator
{
    private static readonly string[] WindowsProcesses =
    [
        "svchost.exe", "explorer.exe", "chrome.exe", "msedge.exe", "cmd.exe", "powershell.exe", "rundll32.exe", "regsvr32.exe",
        "mshta.exe", "wmic.exe", "dfsvc.exe", "certutil.exe", "schtasks.exe", "net.exe", "whoami.exe", "winword.exe", "msiexec.exe",
    ];
    private static readonly string[] UnixProcesses =
    [
        "bash", "sh", "python3", "curl", "wget", "sshd", "cron", "systemd", "sudo", "chmod", "nc", "osascript", "launchctl", "perl",
    ];
    private static readonly string[] Categories = ["process", "process", "process", "network", "file", "file", "registry", "library"];
    private static readonly string[] Os = ["windows", "windows", "linux", "macos"];

    public static int Run(string[] args)
    {
        var count = int.Parse(args[0]);
        using var writer = new StreamWriter(args[1], false, new UTF8Encoding(false), 1 << 20);
        var random = new Random(7);
        var start = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        var line = new StringBuilder(1024);
        for (var i = 0; i < count; i++)
        {
            var time = start.AddMilliseconds(i * 250L).ToString("yyyy-MM-ddTHH:mm:ss.fffZ");
            var os = Os[random.Next(Os.Length)];
            var category = Categories[random.Next(Categories.Length)];
            if (os != "windows" && category == "registry") category = "file";
            var names = os == "windows" ? WindowsProcesses : UnixProcesses;
            var name = names[random.Next(names.Length)];
            var parent = names[random.Next(names.Length)];
            var host = random.Next(200);
            var user = random.Next(300);
            var pid = random.Next(100, 5000);
            var path = os == "windows" ? $"C:\\\\Windows\\\\System32\\\\{name}" : $"/usr/bin/{name}";
            var action = category switch
            {
                "process" => random.Next(3) == 0 ? "end" : "start",
                "network" => "connection_attempted",
                "file" => random.Next(2) == 0 ? "creation" : "deletion",
                "registry" => "modification",
                _ => "load",
            };
            line.Clear();
            line.Append($"{{\"@timestamp\":\"{time}\",\"_index\":\"logs-endpoint.events.{category}-default\",\"_id\":\"e{i}\",");
            line.Append($"\"event\":{{\"category\":[\"{category}\"],\"type\":[\"{(action == "end" ? "end" : "start")}\"],\"action\":\"{action}\",\"kind\":\"event\",\"dataset\":\"endpoint.events.{category}\"}},");
            line.Append($"\"host\":{{\"id\":\"host-{host}\",\"name\":\"host-{host}\",\"os\":{{\"type\":\"{os}\",\"family\":\"{os}\"}}}},");
            line.Append($"\"user\":{{\"id\":\"u-{user}\",\"name\":\"user{user}\"}},");
            line.Append($"\"process\":{{\"pid\":{pid},\"entity_id\":\"p-{host}-{pid}\",\"name\":\"{name}\",\"executable\":\"{path}\",\"command_line\":\"{name} -arg {random.Next(1000)}\",");
            line.Append($"\"parent\":{{\"pid\":{random.Next(100, 5000)},\"entity_id\":\"p-{host}-{random.Next(100, 5000)}\",\"name\":\"{parent}\"}}}}");
            switch (category)
            {
                case "network":
                    line.Append($",\"destination\":{{\"ip\":\"10.{random.Next(256)}.{random.Next(256)}.{random.Next(256)}\",\"port\":{(random.Next(2) == 0 ? 443 : random.Next(1, 65535))}}},\"network\":{{\"direction\":\"egress\",\"transport\":\"tcp\"}}");
                    break;
                case "file":
                    var ext = random.Next(4) switch { 0 => "exe", 1 => "dll", 2 => "ps1", _ => "txt" };
                    var dir = os == "windows" ? "C:\\\\Users\\\\Public\\\\" : "/tmp/";
                    line.Append($",\"file\":{{\"name\":\"f{random.Next(1000)}.{ext}\",\"path\":\"{dir}f{random.Next(1000)}.{ext}\",\"extension\":\"{ext}\"}}");
                    break;
                case "registry":
                    line.Append($",\"registry\":{{\"path\":\"HKLM\\\\SOFTWARE\\\\Microsoft\\\\Windows\\\\CurrentVersion\\\\Run\\\\v{random.Next(100)}\",\"value\":\"v{random.Next(100)}\"}}");
                    break;
                case "library":
                    line.Append($",\"dll\":{{\"name\":\"lib{random.Next(50)}.dll\",\"path\":\"C:\\\\Windows\\\\System32\\\\lib{random.Next(50)}.dll\"}}");
                    break;
            }
            line.Append("}\n");
            writer.Write(line);
        }
        Console.Error.WriteLine($"wrote {count} endpoint events to {args[1]}");
        return 0;
    }
}
