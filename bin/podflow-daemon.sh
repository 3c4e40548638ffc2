#!/usr/bin/env bash
# Starts, runs in the foreground, or stops one podflow process.
# usage: podflow-daemon.sh (start|start-foreground|stop) <role> <main class> [args...]
# Several processes of one role may run on a host (e.g. two TaskManagers): each gets the lowest free instance
# number n, logs to log/flink-<user>-<role>-<n>-<host>.log and keeps its pid in flink-<user>-<role>-<n>.pid;
# stop ends the one with the highest number.
set -euo pipefail
. "$(dirname "$0")/config.sh"

action=$1 role=$2 main_class=$3
shift 3
host=$(hostname)
# a uid without a passwd entry (runAsUser: 9999) makes id print the number and fail, which under pipefail would end
# this script without a word: one name either way
user=${USER:-$(id -un 2>/dev/null | head -n 1 || true)}
user=${user:-podflow}

pid_file() { # $1 = instance number
  printf '%s/flink-%s-%s-%s.pid' "$FLINK_PID_DIR" "$user" "$role" "$1"
}

running() { # $1 = instance number
  [ -f "$(pid_file "$1")" ] && kill -0 "$(cat "$(pid_file "$1")")" 2>/dev/null
}

free_instance() {
  local n=0
  while running "$n"; do n=$((n + 1)); done
  echo "$n"
}

launch() { # $1 = instance number, then the arguments; sets command and log_base
  mkdir -p "$FLINK_LOG_DIR"
  log_base="$FLINK_LOG_DIR/flink-$user-$role-$1-$host"
  shift
  mapfile -t log_opts < <(log_settings "$log_base.log")
  memory_flags=$(jvm_memory_flags "$role" "$@") || exit 1
  read -r -a memory_opts <<<"$memory_flags"
  read -r -a java_opts <<<"$(java_opts_for "$role")"
  mapfile -t pod_opts < <(pod_env_properties)
  command=("$JAVA_RUN" "${memory_opts[@]}" "${java_opts[@]}" "${log_opts[@]}" "${PODFLOW_CLASS_OPTS[@]}" \
    "$main_class" ${pod_opts[@]+"${pod_opts[@]}"} "$@")
}

case "$action" in
  start-foreground)
    launch "$(free_instance)" "$@"
    exec "${command[@]}"
    ;;
  start)
    instance=$(free_instance)
    launch "$instance" "$@"
    echo "Starting $role daemon on host $host."
    nohup "${command[@]}" >"$log_base.out" 2>&1 </dev/null &
    echo $! >"$(pid_file "$instance")"
    ;;
  stop)
    newest=-1
    for file in "$FLINK_PID_DIR/flink-$user-$role-"*.pid; do
      [ -f "$file" ] || continue
      n=${file##*-}
      n=${n%.pid}
      if running "$n"; then
        [ "$n" -gt "$newest" ] && newest=$n
      else
        rm -f "$file"
      fi
    done
    if [ "$newest" -lt 0 ]; then
      echo "No $role daemon to stop on host $host."
      exit 0
    fi
    pid=$(cat "$(pid_file "$newest")")
    echo "Stopping $role daemon (pid: $pid) on host $host."
    kill "$pid"
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
    rm -f "$(pid_file "$newest")"
    ;;
  *)
    echo "usage: $(basename "$0") (start|start-foreground|stop) $role [-Dkey=value ...]" >&2
    exit 2
    ;;
esac
