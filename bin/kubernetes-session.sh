#!/usr/bin/env bash
# Starts a session cluster on Kubernetes, or attaches to one: see 'bin/kubernetes-session.sh help'.
set -euo pipefail
. "$(dirname "$0")/config.sh"
mapfile -t logs < <(log_settings "$FLINK_LOG_DIR/flink-${USER:-client}-kubernetes-session-$(hostname).log")
mkdir -p "$FLINK_LOG_DIR" 2>/dev/null || true
exec "$JAVA_RUN" "${logs[@]}" "${PODFLOW_CLASS_OPTS[@]}" io.podflow.client.kubernetes.KubernetesSessionCli "$@"
