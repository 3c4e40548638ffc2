#!/usr/bin/env bash
# Starts, runs in the foreground, or stops one podflow process.
# usage: podflow-daemon.sh (start|start-foreground|stop) <role> <main class> [args...]
set -euo pipefail
. "$(dirname "$0")/config.sh"

action=$1 role=$2 main_class=$3
shift 3
host=$(hostname)
user=${USER:-$(id -un 2>/dev/null || echo podflow)}
mkdir -p "$FLINK_LOG_DIR"
log_base="$FLINK_LOG_DIR/flink-$user-$role-0-$host"
pid_file="$FLINK_PID_DIR/flink-$user-$role.pid"

mapfile -t log_opts < <(log_settings "$log_base.log")
read -r -a java_opts <<<"$(java_opts_for "$role")"
command=("$JAVA_RUN" "${java_opts[@]}" "${log_opts[@]}" -cp "$PODFLOW_CLASSPATH" "$main_class" "$@")

case "$action" in
  start-foreground)
    exec "${command[@]}"
    ;;
  start)
    if [ -f "$pid_file" ] && kill -0 "$(cat "$pid_file")" 2>/dev/null; then
      echo "$role is already running as process $(cat "$pid_file")."
      exit 1
    fi
    echo "Starting $role daemon on host $host."
    nohup "${command[@]}" >"$log_base.out" 2>&1 </dev/null &
    echo $! >"$pid_file"
    ;;
  stop)
    if [ ! -f "$pid_file" ] || ! kill -0 "$(cat "$pid_file")" 2>/dev/null; then
      echo "No $role daemon to stop on host $host."
      rm -f "$pid_file"
      exit 0
    fi
    pid=$(cat "$pid_file")
    echo "Stopping $role daemon (pid: $pid) on host $host."
    kill "$pid"
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
    rm -f "$pid_file"
    ;;
  *)
    echo "usage: $(basename "$0") (start|start-foreground|stop) $role [-Dkey=value ...]" >&2
    exit 2
    ;;
esac
