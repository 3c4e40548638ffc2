#!/usr/bin/env bash
# Records again the class list bin/dump-class-archive.sh dumps the class-data archive from:
#   record-class-list.sh DIST [CLASSLIST]      (CLASSLIST defaults to podflow.classlist next to this script)
# From DIST shown at /opt/flink (at-opt-flink.sh), it starts a JobManager and a TaskManager, runs the
# bounded WordCount example with bin/flink run, stops both, and adds what the three JVMs loaded (their
# -XX:DumpLoadedClassList) to CLASSLIST, each class once, after the ones it already lists: those include a native
# session's JobManager, which needs a Kubernetes cluster to record. Run it when lib/ has changed much, then build dist.
set -euo pipefail
dist=$(cd "$1" && pwd)
classlist=${2:-$(cd "$(dirname "$0")" && pwd)/podflow.classlist}
recorded=$(mktemp -d)
trap 'rm -rf "$recorded"' EXIT

record='
  set -euo pipefail
  recorded=$0
  work=$(mktemp -d)
  cp -r /opt/flink/conf "$work/conf"
  mkdir "$work/log"
  {
    echo "rest.authentication: none"
    echo "env.java.opts.jobmanager: -XX:DumpLoadedClassList=$recorded/jobmanager.classlist"
    echo "env.java.opts.taskmanager: -XX:DumpLoadedClassList=$recorded/taskmanager.classlist"
  } >>"$work/conf/flink-conf.yaml"
  mount --bind "$work/conf" /opt/flink/conf
  mount --bind "$work/log" /opt/flink/log
  export FLINK_HOME=/opt/flink PODFLOW_CLUSTER_SECRET=$RANDOM$RANDOM$RANDOM
  /opt/flink/bin/jobmanager.sh start-foreground >"$work/jobmanager.out" 2>&1 &
  jobmanager=$!
  /opt/flink/bin/taskmanager.sh start-foreground >"$work/taskmanager.out" 2>&1 &
  taskmanager=$!
  # SIGTERM, so that both JVMs end normally and close their class lists
  trap "kill $jobmanager $taskmanager 2>/dev/null; wait; rm -rf $work" EXIT
  for _ in $(seq 1 600); do
    grep -qs "starting at" /opt/flink/log/*taskmanager*.log && break
    sleep 0.1
  done
  seq 1 50000 | sed "s/$/ to be or not to be/" >"$work/words.txt"
  JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$recorded/client.classlist" /opt/flink/bin/flink run -p 1 \
    /opt/flink/examples/streaming/WordCount.jar --input "$work/words.txt" --output "$work/counts" \
    >"$work/run.out" 2>&1 || { cat "$work/run.out" /opt/flink/log/*.log >&2; exit 1; }
  grep "has finished" "$work/run.out"
'
bash "$(dirname "$0")/at-opt-flink.sh" "$dist" bash -c "$record" "$recorded"

before=$(grep -vc '^#' "$classlist")
merged=$(mktemp)
{
  grep '^#' "$classlist"
  cat <(grep -v '^#' "$classlist") "$recorded"/{jobmanager,taskmanager,client}.classlist | grep -v '^#' | awk '!seen[$0]++'
} >"$merged"
mv "$merged" "$classlist"
echo "$classlist: $before entries before, $(grep -vc '^#' "$classlist") now"
