#!/usr/bin/env bash
# Runs a benchmark: bench/run.sh rpc [--warmup S] [--measure S] [--payload BYTES]
#                   bench/run.sh localkube-pods [--pods N] [--timeout S]
#                   bench/run.sh wordcount [--mb SIZE]
#                   bench/run.sh cluster [--runs N]
#                   bench/run.sh native-session [--rounds N] [--taskmanagers N] [--timeout S]
set -euo pipefail
cd "$(dirname "$0")/.."

benchmark="${1:-}"
case "$benchmark" in
  rpc) main=io.podflow.bench.rpc.RpcBenchmark ;;
  localkube-pods) main=io.podflow.bench.localkube.PodStartupBenchmark ;;
  wordcount) shift; exec bench/wordcount/wordcount.sh "$@" ;;
  cluster) shift; exec bench/cluster/cluster.sh "$@" ;;
  native-session) main=io.podflow.bench.nativesession.NativeSessionBenchmark; modules=dist,bench ;;
  *) echo "usage: bench/run.sh rpc [--warmup S] [--measure S] [--payload BYTES] | localkube-pods [--pods N] [--timeout S] | wordcount [--mb SIZE] | cluster [--runs N] | native-session [--rounds N] [--taskmanagers N] [--timeout S]" >&2; exit 2 ;;
esac
shift

mvn -q -o -pl "${modules:-bench}" -am package -DskipTests
exec java -Xmx512m -cp "bench/target/podflow-bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*" "$main" "$@"
