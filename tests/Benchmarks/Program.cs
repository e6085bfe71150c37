// Throughput harnesses: dotnet run -c Release --project tests/Benchmarks -- <harness> [args]
return args.Length > 0 && args[0] == "kuery" ? AzureRules.Benchmarks.KueryThroughput.Run(args[1..]) : 0;
