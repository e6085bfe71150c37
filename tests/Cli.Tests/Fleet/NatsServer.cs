using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Xunit;

namespace AzureRules.Cli.Tests.Fleet;

/// <summary>
/// A nats-server with JetStream on a free loopback port and a temporary store, for one test class;
/// stopped and deleted on dispose. The fleet tests skip, saying so, where nats-server is not installed
/// (CI installs it with apt-get, see .ci/run).
/// </summary>
public sealed class NatsServer : IDisposable
{
    private readonly Process? _process;
    private readonly string _store = Path.Combine(Path.GetTempPath(), "azr-nats-" + Guid.NewGuid().ToString("N"));

    public NatsServer()
    {
        if (Executable is not { } executable) return;
        Port = FreePort();
        Directory.CreateDirectory(_store);
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-js", "-a", "127.0.0.1", "-p", Port.ToString(), "-sd", _store }) start.ArgumentList.Add(argument);
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (!Accepts(Port))
        {
            if (_process.HasExited || DateTime.UtcNow > deadline) throw new InvalidOperationException($"nats-server did not start on port {Port}");
            Thread.Sleep(50);
        }
    }

    public int Port { get; }
    public string Url => $"nats://127.0.0.1:{Port}";

    /// <summary>nats-server on the PATH or where Debian's package puts it; null when not installed.</summary>
    public static string? Executable { get; } = Find();

    public const string MissingReason = "nats-server is not installed (apt-get install nats-server; .ci/run does it): the fleet tests need a local JetStream server";

    private static string? Find()
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Append("/usr/sbin").Append("/usr/bin");
        return path.Select(dir => Path.Combine(dir, "nats-server")).FirstOrDefault(File.Exists);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool Accepts(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
        _process?.Dispose();
        try { if (Directory.Exists(_store)) Directory.Delete(_store, recursive: true); }
        catch (IOException) { }
    }
}

/// <summary>A fact that needs nats-server, skipped (saying so) without it.</summary>
public sealed class NatsFactAttribute : FactAttribute
{
    public NatsFactAttribute()
    {
        if (NatsServer.Executable is null) Skip = NatsServer.MissingReason;
    }
}
