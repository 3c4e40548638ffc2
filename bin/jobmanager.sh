#!/usr/bin/env bash
# A standalone session JobManager: start (as a daemon), start-foreground, or stop.
set -euo pipefail
action=${1:-}
[ $# -gt 0 ] && shift
exec "$(dirname "$0")/podflow-daemon.sh" "$action" jobmanager \
  io.podflow.jobmanager.entrypoint.StandaloneSessionEntrypoint "$@"
