// Throughput harnesses for the hot paths (never run by the tests; timings are reported, not asserted).
//   dotnet run -c Release --project tests/Benchmarks -- gen-ecs 1000000 /tmp/ecs.jsonl
//   dotnet run -c Release --project tests/Benchmarks -- elastic-throughput RULES_PATH /tmp/ecs.jsonl
using AzureRules.Benchmarks;

return args.FirstOrDefault() switch
{
    "gen-ecs" => EcsEventGenerator.Run(args[1..]),
    "elastic-throughput" => ElasticThroughput.Run(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: benchmarks gen-ecs COUNT FILE | elastic-throughput RULES_PATH... EVENTS_FILE");
    return 2;
}
