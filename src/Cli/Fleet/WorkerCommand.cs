using System.CommandLine;
using System.Runtime.InteropServices;
using AzureRules.Cli.Commands;
using AzureRules.Sdk.Engine;
using AzureRules.Sdk.Kusto;

namespace AzureRules.Cli.Fleet;

/// <summary>
/// <c>azrules worker --rules PATH… --nats URL</c>: joins the fleet and runs its share of the rules over
/// the fleet's events (<see cref="FleetWorker"/>), publishing alerts to the alerts stream; progress and
/// lag on stderr. Exits 0 when every partition is finished, or after a clean stop on SIGTERM/SIGINT.
/// </summary>
internal static class WorkerCommand
{
    public static Command Create()
    {
        var rules = new Option<string[]>("--rules") { Description = "Rule files or folders (every worker of a fleet loads the same rules)", Required = true, AllowMultipleArgumentsPerToken = true };
        var fleetOptions = new FleetOptions();
        var id = new Option<string?>("--id") { Description = "This worker's name in the fleet (default: host name and process id)" };
        var partitions = new Option<int?>("--partitions") { Description = $"How many shares the rules are split into (default {RulePartitions.DefaultCount}; the first worker sets it for the fleet)" };
        var externalData = new Option<string?>("--external-data") { Description = "Folder of local files that Kusto externaldata URLs resolve to (by file name, or through DIR/urls.tsv)" };
        var enrichPolicies = EnrichPolicyOption.Create();
        var allowErrors = new Option<bool>("--allow-errors") { Description = "Run even when a rule has errors (its alerts may be wrong)" };
        var threads = new Option<int?>("--threads") { Description = "How many rules' executions run at once (default: every core)" };
        var lateness = new Option<string?>("--lateness") { Description = $"How far behind the latest event time an event may arrive (a timespan, default {DetectionEngine.DefaultLateness:c}); the same for every worker and for run" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress lines on stderr" };
        var command = new Command("worker", "Join a fleet on NATS JetStream and run a share of the rules over its events") { rules, id, partitions, externalData, enrichPolicies, allowErrors, threads, lateness, quiet };
        fleetOptions.AddTo(command);
        var filterOptions = new DiagnosticOptions();
        filterOptions.AddTo(command);
        var cacheOption = new CacheOption();
        cacheOption.AddTo(command);
        command.SetAction(parse =>
        {
            if (!fleetOptions.TryRead(parse, out var url, out var names)) return CommandLineHost.UsageError;
            if (parse.GetValue(partitions) is { } p && (p < 1 || p > 4096))
            {
                Console.Error.WriteLine("azrules: --partitions must be between 1 and 4096");
                return CommandLineHost.UsageError;
            }
            if (parse.GetValue(threads) is { } threadCount && threadCount < 1)
            {
                Console.Error.WriteLine("azrules: --threads must be at least 1");
                return CommandLineHost.UsageError;
            }
            if (!RunCommand.TryReadLateness(parse.GetValue(lateness), out var allowedLateness)) return CommandLineHost.UsageError;
            if (parse.GetValue(externalData) is { } dataFolder) KustoExternalData.Default = KustoExternalData.FromFolder(dataFolder);
            if (!EnrichPolicyOption.TryRead(parse.GetValue(enrichPolicies), out var policies)) return CommandLineHost.UsageError;
            if (RuleLoading.Load(parse, parse.GetValue(rules)!, filterOptions, cacheOption, parse.GetValue(allowErrors)) is not { } library)
                return CommandLineHost.Findings;
            var workerId = Membership.SafeId(parse.GetValue(id) ?? $"{Environment.MachineName}-{Environment.ProcessId}");
            var parallelism = parse.GetValue(threads) ?? Environment.ProcessorCount;

            // SIGTERM and SIGINT stop the worker cleanly (see FleetWorker), instead of ending the process
            using var stop = new CancellationTokenSource();
            void Stop(PosixSignalContext context)
            {
                context.Cancel = true;
                stop.Cancel();
            }
            using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
            using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
            try
            {
                return RunAsync().GetAwaiter().GetResult();
            }
            catch (FleetException ex)
            {
                Console.Error.WriteLine("azrules: " + ex.Message);
                return 1;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // the server went away or refused, or a replay failed: one line, and the partitions move
                // to the other workers once this worker's heartbeat expires
                Console.Error.WriteLine($"azrules: worker {workerId} stops: {ex.GetType().Name}: {ex.Message}");
                return 1;
            }

            async Task<int> RunAsync()
            {
                await using var fleet = await FleetConnection.OpenAsync(url, names, "azrules-worker-" + workerId, stop.Token);
                var membership = new Membership(await fleet.WorkersAsync(stop.Token), await fleet.StateAsync(stop.Token), workerId);
                var (count, problem) = await membership.AgreePartitionCountAsync(parse.GetValue(partitions), stop.Token);
                if (problem is not null) throw new FleetException(problem);
                var executable = library.Detections.ToList();
                var worker = new FleetWorker(fleet, membership, executable, count,
                    mine => new DetectionEngine(mine, policies) { Lateness = allowedLateness, MaxDegreeOfParallelism = parallelism },
                    Console.Error, parse.GetValue(quiet));
                if (!parse.GetValue(quiet)) Console.Error.WriteLine($"worker {workerId}: joined fleet '{names.Name}' at {url}: {executable.Count} rules in {count} partitions");
                return await worker.RunAsync(stop.Token);
            }
        });
        return command;
    }
}
