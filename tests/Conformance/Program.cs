// Runs a shared conformance suite through the product's real compile-and-run path and ends with
// "N passed, M failed". Usage:
//   dotnet run --project tests/Conformance -- kuery CASES.jsonl
//   dotnet run --project tests/Conformance -- eql CASES.jsonl DATA_DIR
//   dotnet run --project tests/Conformance -- kusto CASES.jsonl
//   dotnet run --project tests/Conformance -- esql CASES.jsonl DATA_DIR
using AzureRules.Conformance;

if (args.Length < 2)
{
    Console.Error.WriteLine("usage: conformance (kuery|eql|kusto|esql) CASES.jsonl [DATA_DIR] [--verbose]");
    return 2;
}

var suite = args[0];
var rest = args[1..];
ConformanceResult result = suite switch
{
    "kuery" => KueryConformance.Run(rest),
    "eql" => EqlConformance.Run(rest),
    "kusto" => KustoConformance.Run(rest),
    "esql" => EsqlConformance.Run(rest),
    _ => throw new ArgumentException($"unknown suite '{suite}': expected kuery, eql, kusto or esql"),
};
result.PrintSummary(Console.Out);
return 0;
