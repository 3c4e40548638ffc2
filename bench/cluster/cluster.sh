#!/usr/bin/env bash
# Cluster core (issue 4): JobManager process start to REST ready and its idle resident memory; then, on 4
# TaskManagers of 4 slots each, POST /jobs to all 16 subtasks RUNNING against the floor of the same number of
# podflow RPC asks between two JVMs (io.podflow.bench.cluster.ClusterCoreBenchmark).
# Usage: bench/run.sh cluster [--runs N]   (default 5 warm runs after one cold one)
set -euo pipefail
cd "$(dirname "$0")/../.."

runs=5
if [[ "${1:-}" == "--runs" ]]; then runs="$2"; fi
taskmanagers=4
slots_per_tm=4

mvn -q -o -pl dist,bench -am package -DskipTests
. bench/lib/local-cluster.sh
local_cluster_prepare "$slots_per_tm"

# (a) start to REST ready: from launching the script to the first authenticated /overview answer
started=$(date +%s%N)
"$home/bin/jobmanager.sh" start >/dev/null
until overview >/dev/null 2>&1; do
  (( $(date +%s%N) - started < 120000000000 )) || { echo "the JobManager's REST did not answer within 120 s" >&2; exit 1; }
  sleep 0.01
done
ready_millis=$(( ($(date +%s%N) - started) / 1000000 ))
sleep 5
jm_pid="$(cat "$home"/*jobmanager*.pid | head -1)"
idle_rss_kb="$(awk '/^VmRSS:/ {print $2}' "/proc/$jm_pid/status")"
echo "JobManager: start to REST ready ${ready_millis} ms, idle RSS $(( idle_rss_kb / 1024 )) MiB (pid $jm_pid, 5 s after ready)"

# (b) submit-to-RUNNING on registered TaskManagers
local_cluster_start_taskmanagers "$taskmanagers"
total_slots=$(( taskmanagers * slots_per_tm ))
local_cluster_await_slots "$total_slots"

java -Xmx512m -cp "bench/target/podflow-bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*" \
  io.podflow.bench.cluster.ClusterCoreBenchmark --rest "http://127.0.0.1:$rest_port" --token "$token" \
  --parallelism "$total_slots" --slots "$total_slots" --runs "$runs" --round-trips 54
