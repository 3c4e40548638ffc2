#!/usr/bin/env bash
# podflow's walkthrough on localkube, printing each step and the command a user would type:
# build podflow (when the sources changed), start a local Kubernetes, start a native session,
# run the shipped WordCount on it at parallelism 4 (TaskManager pods come and go on demand),
# check its counts against a plain count of the same file, and stop the session.
set -euo pipefail
cd "$(dirname "$0")"
REPO=$(pwd)
FLINK_HOME=$REPO/dist/target/podflow
CLUSTER_ID=demo
# pods see the host's file system except their own private /tmp, so the job's files live here
WORK=$REPO/target/demo
SESSION=(-Dkubernetes.cluster-id=$CLUSTER_ID)

say() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
show() { printf '$ %s\n' "$*"; "$@"; }
stop_session() {
  printf "$ echo 'stop' | ./bin/kubernetes-session.sh %s -Dexecution.attached=true\n" "${SESSION[*]}"
  echo stop | ./bin/kubernetes-session.sh "${SESSION[@]}" -Dexecution.attached=true
}
counts() { find "$OUTPUT" -type f -exec cat {} +; }

say "Checking Java 17 and Maven"
if ! command -v javac >/dev/null || ! command -v mvn >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends openjdk-17-jdk-headless maven
fi
java -version 2>&1 | head -1

stamp=$(ls "$FLINK_HOME"/lib/podflow-client-*.jar 2>/dev/null | head -1 || true)
if [ -z "$stamp" ] || [ -n "$(find . -path ./dist/target -prune -o \( -path '*/src/main/*' -o -name pom.xml \
    -o -path './bin/*' -o -path './conf/*' -o -path './docker/*' \) -type f -newer "$stamp" -print -quit)" ]; then
  say "Building podflow into dist/target/podflow (mvn install, tests skipped here: 'mvn -B verify' runs them)"
  mvn -B -q install -DskipTests
else
  say "podflow is built and up to date in dist/target/podflow"
fi

say "Starting localkube (first run: installs packages and builds the control plane, ~5 min)"
localkube/bin/localkube up
export KUBECONFIG
KUBECONFIG=$(localkube/bin/localkube kubeconfig)
show kubectl get nodes -o wide

cd "$FLINK_HOME"
if kubectl get service "$CLUSTER_ID-rest" >/dev/null 2>&1; then
  say "Stopping the session '$CLUSTER_ID' an earlier run left behind"
  stop_session
fi

say "Letting the default service account create and delete TaskManager pods"
kubectl create clusterrolebinding flink-role-binding-default --clusterrole=edit \
  --serviceaccount=default:default --dry-run=client -o yaml | kubectl apply -f -

say "Starting a session with two slots per TaskManager; idle TaskManagers leave after 30 s"
show ./bin/kubernetes-session.sh "${SESSION[@]}" -Dtaskmanager.numberOfTaskSlots=2 \
  -Dresourcemanager.taskmanager-timeout=30000
show kubectl get deployments,services,configmaps,pods -l app=$CLUSTER_ID

say "Writing the input: podflow's README and docs, 30 times over"
rm -rf "$WORK" && mkdir -p "$WORK"
INPUT=$WORK/input.txt
OUTPUT=$WORK/counts
# ASCII only, so that the plain count below splits words exactly as WordCount does
for _ in $(seq 30); do cat "$REPO/README.md" "$REPO"/docs/*.md; done | LC_ALL=C tr -cd '\11\12\40-\176' > "$INPUT"
wc -lw "$INPUT"

say "Running WordCount on the session at parallelism 4 (needs 4 slots: two TaskManager pods)"
show ./bin/flink run -t kubernetes-session "${SESSION[@]}" -p 4 examples/streaming/WordCount.jar \
  --input "$INPUT" --output "$OUTPUT"

say "The TaskManager pods the session created for the job"
show kubectl get pods -l app=$CLUSTER_ID,component=taskmanager -o wide
show ./bin/flink list -t kubernetes-session "${SESSION[@]}"

say "The ten most frequent words"
counts | sort -k2,2nr -k1,1 | head -10

say "Checking every count against a plain count of the same file"
LC_ALL=C tr -cs 'A-Za-z0-9' '\n' < "$INPUT" | LC_ALL=C tr 'A-Z' 'a-z' | grep -v '^$' | sort | uniq -c \
  | awk '{print $2 " " $1}' | sort > "$WORK/expected.txt"
counts | sort > "$WORK/actual.txt"
if diff -q "$WORK/expected.txt" "$WORK/actual.txt" >/dev/null; then
  echo "identical: $(wc -l < "$WORK/actual.txt") distinct words, $(awk '{n += $2} END {print n}' "$WORK/actual.txt") in all"
else
  echo "MISMATCH between WordCount and the plain count:"
  diff "$WORK/expected.txt" "$WORK/actual.txt" | head -20
  exit 1
fi

say "Stopping the session"
stop_session
for _ in $(seq 60); do
  left=$(kubectl get deployments,services,configmaps,secrets,pods -l app=$CLUSTER_ID -o name)
  [ -z "$left" ] && break
  sleep 1
done
show kubectl get deployments,services,configmaps,secrets,pods -l app=$CLUSTER_ID
[ -z "$left" ] || { echo "still there after 60 s: $left"; exit 1; }
echo "Nothing labelled app=$CLUSTER_ID is left. 'localkube/bin/localkube down' stops the local cluster."
