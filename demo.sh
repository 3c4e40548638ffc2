#!/usr/bin/env bash
# podflow's end-to-end demo on localkube, printing each step as it goes:
# build podflow, start a local Kubernetes, run the RPC greeter as a Deployment behind a Service,
# and let a client pod greet it by Service name with the cluster secret taken from a Secret.
set -euo pipefail
cd "$(dirname "$0")"
REPO=$(pwd)
NS=podflow-demo

say() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

say "Checking Java 17 and Maven"
if ! command -v javac >/dev/null || ! command -v mvn >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends openjdk-17-jdk-headless maven
fi
java -version 2>&1 | head -1

say "Building podflow (mvn install, tests skipped here: run 'mvn -B verify' for them)"
mvn -B -q install -DskipTests

say "Starting localkube (first run: installs packages and builds the control plane, ~5 min)"
localkube/bin/localkube up
export KUBECONFIG
KUBECONFIG=$(localkube/bin/localkube kubeconfig)
kubectl get nodes -o wide

CLASSPATH_FILE=$(mktemp)
mvn -B -q -pl rpc dependency:build-classpath -Dmdep.outputFile="$CLASSPATH_FILE"
DEMO_CP="$REPO/rpc/target/podflow-rpc-0.1.0-SNAPSHOT.jar:$(cat "$CLASSPATH_FILE")"
rm -f "$CLASSPATH_FILE"

say "Creating namespace $NS, a Secret with the cluster secret, the greeter Deployment and its Service"
kubectl delete namespace "$NS" --ignore-not-found --wait=true >/dev/null
kubectl create namespace "$NS"
kubectl -n "$NS" create secret generic greeter-secret --from-literal=cluster.secret="$(head -c 24 /dev/urandom | base64)"
kubectl -n "$NS" apply -f - <<YAML
apiVersion: apps/v1
kind: Deployment
metadata: {name: greeter}
spec:
  replicas: 1
  selector: {matchLabels: {app: greeter}}
  template:
    metadata: {labels: {app: greeter}}
    spec:
      containers:
      - name: greeter
        image: host
        command: [java, -cp, "$DEMO_CP", io.podflow.rpc.demo.RpcDemo, server, "\$(POD_IP)", "6123"]
        env:
        - {name: POD_IP, valueFrom: {fieldRef: {fieldPath: status.podIP}}}
        - {name: CLUSTER_SECRET, valueFrom: {secretKeyRef: {name: greeter-secret, key: cluster.secret}}}
        readinessProbe: {tcpSocket: {port: 6123}, periodSeconds: 1}
---
apiVersion: v1
kind: Service
metadata: {name: greeter}
spec:
  clusterIP: None
  selector: {app: greeter}
  ports: [{name: rpc, port: 6123}]
YAML
kubectl -n "$NS" rollout status deployment/greeter --timeout=180s
kubectl -n "$NS" get pods -o wide

say "Running a client pod that greets greeter.$NS:6123 five times"
kubectl -n "$NS" apply -f - <<YAML
apiVersion: v1
kind: Pod
metadata: {name: greeter-client}
spec:
  restartPolicy: Never
  containers:
  - name: client
    image: host
    command: [java, -cp, "$DEMO_CP", io.podflow.rpc.demo.RpcDemo, client, "greeter.$NS:6123/greeter", "5"]
    env:
    - {name: CLUSTER_SECRET, valueFrom: {secretKeyRef: {name: greeter-secret, key: cluster.secret}}}
YAML
for _ in $(seq 1 120); do
  phase=$(kubectl -n "$NS" get pod greeter-client -o jsonpath='{.status.phase}')
  case "$phase" in Succeeded|Failed) break ;; esac
  sleep 1
done
echo "client pod phase: $phase"
localkube/bin/localkube logs "$NS/greeter-client"

say "Cleaning up (deleting namespace $NS; 'localkube/bin/localkube down' stops the cluster)"
kubectl delete namespace "$NS" --wait=false
[ "$phase" = Succeeded ]
