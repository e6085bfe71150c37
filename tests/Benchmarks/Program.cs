// Throughput harnesses and benchmarks for the hot paths (never run by the tests; timings are reported, not asserted).
//   dotnet run -c Release --project tests/Benchmarks -- gen-ecs 1000000 /tmp/ecs.jsonl
//   dotnet run -c Release --project tests/Benchmarks -- elastic-throughput RULES_PATH... EVENTS_FILE
//   dotnet run -c Release --project tests/Benchmarks -- gen-endpoint 1000000 /tmp/endpoint.jsonl
//   dotnet run -c Release --project tests/Benchmarks -- eql-throughput RULES_PATH... EVENTS_FILE
//   dotnet run -c Release --project tests/Benchmarks -- elastic-stateful corpus ../shared/corpus/elastic/rules /tmp/ecs.jsonl
//   dotnet run -c Release --project tests/Benchmarks -- elastic-stateful synthetic /tmp/ecs.jsonl
//   dotnet run -c Release --project tests/Benchmarks -- kuery [EVENT_COUNT]
//   dotnet run -c Release --project tests/Benchmarks -- gen-sentinel ROWS_PER_TABLE FOLDER [DAYS]   (then: azrules run --rules src/Rules/Rules --events FOLDER)
//   dotnet run -c Release --project tests/Benchmarks -- kusto-corpus ../shared/corpus/sentinel/analytic ../shared/corpus/sentinel/hunting
//   dotnet run -c Release --project tests/Benchmarks -- kusto-seed-query [ROWS_PER_TABLE] [REPEAT] [wide]
//   dotnet run -c Release --project tests/Benchmarks -- bdn [BenchmarkDotNet arguments, e.g. --filter *KustoParse* or *EventHotPath*]
using AzureRules.Benchmarks;
using AzureRules.Tests;

return args.FirstOrDefault() switch
{
    "gen-ecs" => EcsEventGenerator.Run(args[1..]),
    "elastic-throughput" => ElasticThroughput.Run(args[1..]),
    "gen-endpoint" => EndpointEventGenerator.Run(args[1..]),
    "eql-throughput" => EqlThroughput.Run(args[1..]),
    "elastic-stateful" => ElasticStatefulThroughput.Run(args[1..]),
    "kuery" => KueryThroughput.Run(args[1..]),
    "gen-sentinel" => SentinelEventGenerator.Run(args[1..]),
    "kusto-corpus" => KustoCorpusThroughput.Run(args[1..]),
    "kusto-seed-query" => KustoSeedQueryThroughput.Run(args[1..]),
    "bdn" => RunBenchmarkDotNet(args[1..]),
    _ => Usage(),
};

static int RunBenchmarkDotNet(string[] args)
{
    BenchmarkDotNet.Running.BenchmarkSwitcher.FromAssembly(typeof(EcsEventGenerator).Assembly).Run(args);
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("usage: benchmarks gen-ecs COUNT FILE | elastic-throughput RULES_PATH... EVENTS_FILE | gen-endpoint COUNT FILE | eql-throughput RULES_PATH... EVENTS_FILE | elastic-stateful corpus RULES_PATH... EVENTS_FILE | elastic-stateful synthetic EVENTS_FILE | kuery [COUNT] | gen-sentinel ROWS_PER_TABLE FOLDER [DAYS] | kusto-corpus FOLDER... | kusto-seed-query [ROWS] [REPEAT] | bdn [ARGS]");
    return 2;
}
