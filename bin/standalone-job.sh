#!/usr/bin/env bash
# A job cluster's JobManager: runs the one job whose jar is in usrlib/ (or lib/) and exits when it ends.
# usage: standalone-job.sh (start|start-foreground|stop) [--job-classname <class>] [-Dkey=value ...] [program args]
set -euo pipefail
action=${1:-}
[ $# -gt 0 ] && shift
exec "$(dirname "$0")/podflow-daemon.sh" "$action" jobmanager \
  io.podflow.jobmanager.entrypoint.StandaloneApplicationEntrypoint "$@"
