#!/usr/bin/env bash
# Shared by the bin/ scripts: where podflow lives, its configuration and logs, and how to start a JVM.

FLINK_HOME=${FLINK_HOME:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
FLINK_CONF_DIR=${FLINK_CONF_DIR:-$FLINK_HOME/conf}
FLINK_LOG_DIR=${FLINK_LOG_DIR:-$FLINK_HOME/log}
FLINK_PID_DIR=${FLINK_PID_DIR:-/tmp}
export FLINK_HOME FLINK_CONF_DIR FLINK_LOG_DIR

if [ -n "${JAVA_HOME:-}" ]; then JAVA_RUN="$JAVA_HOME/bin/java"; else JAVA_RUN=java; fi
PODFLOW_CLASSPATH="$FLINK_HOME/lib/*"

# log4j2 reads conf/log4j2.properties; a conf dir without one (e.g. a ConfigMap that mounts only
# flink-conf.yaml) falls back to the default shipped in lib/.
log_settings() { # $1 = log file
  local config="$FLINK_CONF_DIR/log4j2.properties"
  [ -f "$config" ] || config="$FLINK_HOME/lib/log4j2-default.properties"
  printf '%s\n' "-Dlog.file=$1" "-Dlog4j2.configurationFile=$config"
}

# Prints the value of KEY in flink-conf.yaml (the last one wins), or nothing.
read_conf() {
  [ -f "$FLINK_CONF_DIR/flink-conf.yaml" ] || return 0
  sed -n "s/^[[:space:]]*$1[[:space:]]*:[[:space:]]*//p" "$FLINK_CONF_DIR/flink-conf.yaml" | tail -n 1 | tr -d '"'"'"
}

java_opts_for() { # $1 = jobmanager | taskmanager
  printf '%s %s' "$(read_conf env.java.opts)" "$(read_conf "env.java.opts.$1")"
}
