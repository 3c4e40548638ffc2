#!/usr/bin/env bash
# A TaskManager that registers with the JobManager at jobmanager.rpc.address: start, start-foreground, or stop.
set -euo pipefail
action=${1:-}
[ $# -gt 0 ] && shift
exec "$(dirname "$0")/podflow-daemon.sh" "$action" taskmanager io.podflow.taskmanager.runner.TaskManagerRunner "$@"
