#!/usr/bin/env bash
# The podflow image's entrypoint, and what localkube runs for the images 'podflow' and 'flink'.
#   jobmanager | taskmanager | standalone-job       standalone processes, in the foreground
#   kubernetes-jobmanager | kubernetes-taskmanager  the pods of a native Kubernetes session
#   kubernetes-application                          the JobManager of one application
#   help                                            this list; anything else runs as a command
# ENABLE_BUILT_IN_PLUGINS="a.jar;b.jar" first moves jars shipped in opt/, each to plugins/<name>/.
# PODFLOW_CLUSTER_SECRET and PODFLOW_REST_AUTHENTICATION_TOKEN set cluster.secret and rest.authentication.token:
# the process reads them from its environment (never from its arguments, which ps shows to every user of the host).
# With POD_IP set, servers bind to it (jobmanager.bind-host, rest.bind-address, taskmanager.bind-host) unless the
# arguments say otherwise (bin/podflow-daemon.sh adds it; see pod_env_properties in bin/config.sh); every other
# argument is passed to the process as given.
set -euo pipefail

FLINK_HOME=${FLINK_HOME:-$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)}
export FLINK_HOME
. "$FLINK_HOME/bin/config.sh"

ENTRYPOINTS=io.podflow.jobmanager.entrypoint
COMMANDS="jobmanager, taskmanager, standalone-job, kubernetes-jobmanager, kubernetes-taskmanager, \
kubernetes-application, help"

shipped_jars() {
  local jars=() jar
  for jar in "$FLINK_HOME"/opt/*.jar; do
    [ -f "$jar" ] && jars+=("$(basename "$jar")")
  done
  if [ ${#jars[@]} -eq 0 ]; then echo "none"; else (IFS=,; echo "${jars[*]}" | sed 's/,/, /g'); fi
}

# Moves each jar, as Flink's image does: every container has its own copy of the image (localkube gives each one a
# copy-on-write layer), so opt/ is not shared. Every name is checked before any is moved, so a wrong name leaves
# opt/ as shipped; a jar already in plugins/ (a restarted container) counts as enabled.
enable_built_in_plugins() {
  local names=() name requested
  IFS=';' read -r -a requested <<<"${ENABLE_BUILT_IN_PLUGINS:-}"
  for name in ${requested[@]+"${requested[@]}"}; do
    name=${name#"${name%%[![:space:]]*}"}
    name=${name%"${name##*[![:space:]]}"}
    [ -n "$name" ] || continue
    if [ ! -f "$FLINK_HOME/opt/$name" ] && [ ! -f "$FLINK_HOME/plugins/${name%.jar}/$name" ]; then
      echo "ENABLE_BUILT_IN_PLUGINS: '$name' is not shipped in $FLINK_HOME/opt (shipped: $(shipped_jars))" >&2
      exit 1
    fi
    names+=("$name")
  done
  for name in ${names[@]+"${names[@]}"}; do
    if [ -f "$FLINK_HOME/opt/$name" ]; then
      mkdir -p "$FLINK_HOME/plugins/${name%.jar}"
      mv "$FLINK_HOME/opt/$name" "$FLINK_HOME/plugins/${name%.jar}/$name"
    fi
    echo "Enabled plugin $name in plugins/${name%.jar}/."
  done
}

# Runs a podflow process as this container's main process, logging to the console and to $FLINK_LOG_DIR.
run_in_foreground() { # $1 = role (jobmanager | taskmanager), $2 = main class, then its arguments
  local role=$1 main_class=$2
  shift 2
  exec "$FLINK_HOME/bin/podflow-daemon.sh" start-foreground "$role" "$main_class" "$@"
}

if [ $# -eq 0 ]; then
  echo "usage: docker-entrypoint.sh ($COMMANDS | <command> [args...]) [-Dkey=value ...]" >&2
  exit 1
fi
mode=$1
shift

case "$mode" in
  help)
    echo "usage: docker-entrypoint.sh ($COMMANDS | <command> [args...]) [-Dkey=value ...]"
    exit 0
    ;;
  jobmanager)
    enable_built_in_plugins
    run_in_foreground jobmanager "$ENTRYPOINTS.StandaloneSessionEntrypoint" "$@"
    ;;
  taskmanager | kubernetes-taskmanager)
    enable_built_in_plugins
    run_in_foreground taskmanager io.podflow.taskmanager.runner.TaskManagerRunner "$@"
    ;;
  standalone-job)
    enable_built_in_plugins
    run_in_foreground jobmanager "$ENTRYPOINTS.StandaloneApplicationEntrypoint" "$@"
    ;;
  kubernetes-jobmanager)
    enable_built_in_plugins
    run_in_foreground jobmanager "$ENTRYPOINTS.KubernetesSessionEntrypoint" "$@"
    ;;
  kubernetes-application)
    enable_built_in_plugins
    run_in_foreground jobmanager "$ENTRYPOINTS.KubernetesApplicationEntrypoint" "$@"
    ;;
  *)
    exec "$mode" "$@"
    ;;
esac
