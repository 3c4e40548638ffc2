#!/usr/bin/env bash
# Bounded WordCount throughput: examples/streaming/WordCount.jar at parallelism 4 on a JobManager and two
# TaskManagers of two slots each (from dist/target/podflow), against a single-threaded Java loop over the same file.
# Usage: bench/run.sh wordcount [--mb SIZE]   (default 100 MB)
set -euo pipefail
cd "$(dirname "$0")/../.."

megabytes=100
if [[ "${1:-}" == "--mb" ]]; then megabytes="$2"; fi

mvn -q -o -pl dist -am package -DskipTests
. bench/lib/local-cluster.sh
local_cluster_prepare 2

corpus="$work/corpus.txt"
java bench/wordcount/PlainWordCount.java generate "$corpus" "$megabytes"

"$home/bin/jobmanager.sh" start >/dev/null
local_cluster_start_taskmanagers 2
local_cluster_await_slots 4

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
