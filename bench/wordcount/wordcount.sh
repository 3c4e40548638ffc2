#!/usr/bin/env bash
# Bounded WordCount throughput: examples/streaming/WordCount.jar at parallelism 4 on a JobManager and two
# TaskManagers of two slots each (from dist/target/podflow), against a single-threaded Java loop over the same file.
# Usage: bench/run.sh wordcount [--mb SIZE]   (default 100 MB)
set -euo pipefail
cd "$(dirname "$0")/../.."

megabytes=100
if [[ "${1:-}" == "--mb" ]]; then megabytes="$2"; fi

mvn -q -o -pl dist -am package -DskipTests
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
taskmanager.numberOfTaskSlots: 2
io.tmp.dirs: $work/tmp
web.upload.dir: $work/uploads
cluster.secret: $token
CONF
export FLINK_PID_DIR="$home"
unset FLINK_HOME FLINK_CONF_DIR
stop_cluster() {
  "$home/bin/taskmanager.sh" stop >/dev/null 2>&1 || true
  "$home/bin/taskmanager.sh" stop >/dev/null 2>&1 || true
  "$home/bin/jobmanager.sh" stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap stop_cluster EXIT

corpus="$work/corpus.txt"
java bench/wordcount/PlainWordCount.java generate "$corpus" "$megabytes"

"$home/bin/jobmanager.sh" start >/dev/null
"$home/bin/taskmanager.sh" start -Dtaskmanager.rpc.port="$(free_port)" -Dtaskmanager.resource-id=bench-tm-1 >/dev/null
"$home/bin/taskmanager.sh" start -Dtaskmanager.rpc.port="$(free_port)" -Dtaskmanager.resource-id=bench-tm-2 >/dev/null
for _ in $(seq 120); do
  slots="$(curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$rest_port/overview" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["slots-available"])' 2>/dev/null || echo 0)"
  [[ "$slots" == 4 ]] && break
  sleep 1
done
[[ "$slots" == 4 ]] || { echo "the cluster did not offer 4 slots within 120 s" >&2; exit 1; }

# the floor first, then the cluster, then the floor again: both warm files, the average floor
read -r _ words _ distinct _ plain_first <<<"$(java -Xmx512m bench/wordcount/PlainWordCount.java count "$corpus")"
printed="$("$home/bin/flink" run -p 4 -m "127.0.0.1:$rest_port" "$home/examples/streaming/WordCount.jar" \
  --input "$corpus" --output "$work/counts")"
cluster_millis="$(sed -n 's/^Job Runtime: \([0-9]*\) ms$/\1/p' <<<"$printed")"
read -r _ _ _ _ _ plain_second <<<"$(java -Xmx512m bench/wordcount/PlainWordCount.java count "$corpus")"
written="$(cat "$work/counts"/* | wc -l)"
[[ "$written" == "$distinct" ]] || { echo "the job wrote $written counts, the loop found $distinct words" >&2; exit 1; }

plain_millis=$(( (plain_first + plain_second) / 2 ))
python3 - "$megabytes" "$words" "$distinct" "$cluster_millis" "$plain_millis" <<'PY'
import sys
mb, words, distinct, cluster_ms, plain_ms = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
cluster = words / (cluster_ms / 1000)
plain = words / (plain_ms / 1000)
print(f"corpus: {mb} MB, {words} words, {distinct} distinct")
print(f"podflow WordCount -p 4 on 2 TMs: {cluster_ms} ms job runtime, {cluster:,.0f} records/s")
print(f"plain Java loop, 1 thread:       {plain_ms} ms, {plain:,.0f} records/s")
print(f"ratio podflow / plain: {cluster / plain:.2f}")
PY
