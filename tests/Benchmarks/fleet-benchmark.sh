#!/usr/bin/env bash
# End-to-end events/s of the fleet (NATS JetStream) next to one `azrules run` process, and a check that
# both raise the same alerts. Needs nats-server (apt-get install nats-server) and a Release build:
#   dotnet build src/Cli -c Release
#   dotnet run -c Release --project tests/Benchmarks -- gen-ecs 900000 /tmp/mix1m/ecs.jsonl
#   dotnet run -c Release --project tests/Benchmarks -- gen-sentinel 33334 /tmp/mix1m/sentinel 3
#   tests/Benchmarks/fleet-benchmark.sh /tmp/mix1m src/Rules/Rules samples/Contoso.Detections/Rules
# For each worker count (WORKERS, default "1 2"), MODE=concurrent (default): the workers start first,
# then ingest publishes with --end-of-input; the time is from ingest's start to the last worker's exit
# (every alert acknowledged), and ingest's own time beside it. MODE=sequential: ingest first, alone,
# then the workers over the stored stream, each timed on its own. Prints `uptime` beside every figure:
# the machine may be shared.
set -euo pipefail
cd "$(dirname "$0")/../.."
events=$1; shift
rules=("$@")
azrules=(dotnet src/Cli/bin/Release/net10.0/azrules.dll)
port=${PORT:-14333}
store=$(mktemp -d)
out=$(mktemp -d)
nats-server -js -a 127.0.0.1 -p "$port" -sd "$store" >"$out/nats.log" 2>&1 &
nats_pid=$!
trap 'kill $nats_pid 2>/dev/null; wait $nats_pid 2>/dev/null; rm -rf "$store"' EXIT
sleep 1
url=nats://127.0.0.1:$port
count=$(find "$events" -name '*.jsonl' -exec cat {} + | wc -l)
echo "events: $count lines in $events; rules: ${rules[*]}"

seconds() { date +%s.%N; }
# rate COUNT START END: the seconds between two `seconds` and the events per second
rate() { awk -v n="$1" -v a="$2" -v b="$3" 'BEGIN { s = b - a; printf "%.1f s, %.0f events/s", s, n / s }'; }

start=$(seconds)
"${azrules[@]}" run --rules "${rules[@]}" --events "$events" --quiet >"$out/run.jsonl" 2>"$out/run.err"
end=$(seconds)
echo "single process (azrules run): $(rate "$count" "$start" "$end"), $(wc -l <"$out/run.jsonl") alerts; $(uptime)"

start_workers() { # FLEET COUNT: starts the workers, their pids in $pids
  pids=()
  for i in $(seq 1 "$2"); do
    "${azrules[@]}" worker --rules "${rules[@]}" --nats "$url" --fleet "$1" --id "w$i" --quiet 2>"$out/$1-w$i.err" &
    pids+=($!)
  done
}

for workers in ${WORKERS:-1 2}; do
  fleet=bench$workers
  if [ "${MODE:-concurrent}" = sequential ]; then
    start=$(seconds)
    "${azrules[@]}" ingest --events "$events" --nats "$url" --fleet "$fleet" --end-of-input 2>"$out/$fleet-ingest.err"
    ingested=$(seconds)
    echo "ingest alone: $(rate "$count" "$start" "$ingested"); $(uptime)"
    start_workers "$fleet" "$workers"
    start=$(seconds) # includes the workers' start: compile (cached) and joining
    for pid in "${pids[@]}"; do wait "$pid"; done
    end=$(seconds)
    label="workers alone over the stored stream $(rate "$count" "$start" "$end")"
  else
    start_workers "$fleet" "$workers"
    sleep 5 # the workers compile their rules and join
    start=$(seconds)
    "${azrules[@]}" ingest --events "$events" --nats "$url" --fleet "$fleet" --end-of-input 2>"$out/$fleet-ingest.err"
    ingested=$(seconds)
    for pid in "${pids[@]}"; do wait "$pid"; done
    end=$(seconds)
    label="end to end $(rate "$count" "$start" "$end") (ingest alone $(rate "$count" "$start" "$ingested"))"
  fi
  "${azrules[@]}" alerts --nats "$url" --fleet "$fleet" >"$out/$fleet.jsonl" 2>/dev/null
  same=DIFFERENT
  if cmp -s <(sort "$out/run.jsonl") <(sort "$out/$fleet.jsonl"); then same="the same as run's"; fi
  echo "fleet, $workers worker(s): $label, $(wc -l <"$out/$fleet.jsonl") alerts, $same; $(uptime)"
done
rm -rf "$out"
