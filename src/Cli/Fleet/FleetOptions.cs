using System.CommandLine;

namespace AzureRules.Cli.Fleet;

/// <summary>The options every fleet command has: the NATS server and the fleet's name.</summary>
internal sealed class FleetOptions
{
    private readonly Option<string> _nats = new("--nats") { Description = "The NATS server with JetStream (e.g. nats://127.0.0.1:4222)", Required = true };
    private readonly Option<string?> _fleet = new("--fleet") { Description = $"The fleet's name: its streams and buckets are named after it (default {FleetNames.Default})" };

    public void AddTo(Command command)
    {
        command.Options.Add(_nats);
        command.Options.Add(_fleet);
    }

    public bool TryRead(ParseResult parse, out string url, out FleetNames names)
    {
        url = parse.GetValue(_nats)!;
        if (!FleetNames.TryCreate(parse.GetValue(_fleet), out names, out var error))
        {
            Console.Error.WriteLine("azrules: " + error);
            return false;
        }
        return true;
    }
}
