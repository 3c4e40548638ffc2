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
work="$(mktemp -d)"
home="$work/podflow"
cp -a dist/target/podflow "$home"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
rest_port="$(free_port)"
token="bench-$RANDOM$RANDOM"
cat >"$home/conf/flink-conf.yaml" <<CONF
jobmanager.rpc.address: 127.0.0.1
jobmanager.rpc.port: $(free_port)
jobmanager.bind-host: 127.0.0.1
blob.server.port: $(free_port)
rest.port: $rest_port
rest.bind-address: 127.0.0.1
rest.authentication.token: $token
taskmanager.host: 127.0.0.1
taskmanager.bind-host: 127.0.0.1
taskmanager.data.port: 0
taskmanager.numberOfTaskSlots: $slots_per_tm
io.tmp.dirs: $work/tmp
web.upload.dir: $work/uploads
cluster.secret: $token
CONF
export FLINK_PID_DIR="$home"
unset FLINK_HOME FLINK_CONF_DIR
stop_cluster() {
  for _ in $(seq "$taskmanagers"); do "$home/bin/taskmanager.sh" stop >/dev/null 2>&1 || true; done
  "$home/bin/jobmanager.sh" stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap stop_cluster EXIT
overview() { curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$rest_port/overview"; }

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
for tm in $(seq "$taskmanagers"); do
  "$home/bin/taskmanager.sh" start -Dtaskmanager.rpc.port="$(free_port)" -Dtaskmanager.resource-id="bench-tm-$tm" >/dev/null
done
total_slots=$(( taskmanagers * slots_per_tm ))
for _ in $(seq 120); do
  slots="$(overview | python3 -c 'import json,sys; print(json.load(sys.stdin)["slots-available"])' 2>/dev/null || echo 0)"
  [[ "$slots" == "$total_slots" ]] && break
  sleep 1
done
[[ "$slots" == "$total_slots" ]] || { echo "the cluster did not offer $total_slots slots within 120 s" >&2; exit 1; }

java -Xmx512m -cp "bench/target/podflow-bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*" \
  io.podflow.bench.cluster.ClusterCoreBenchmark --rest "http://127.0.0.1:$rest_port" --token "$token" \
  --parallelism "$total_slots" --slots "$total_slots" --runs "$runs" --round-trips 54
