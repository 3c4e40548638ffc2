#!/usr/bin/env bash
# Shared by the bin/ scripts: where podflow lives, its configuration and logs, and how to start a JVM.

FLINK_HOME=${FLINK_HOME:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
FLINK_CONF_DIR=${FLINK_CONF_DIR:-$FLINK_HOME/conf}
FLINK_LOG_DIR=${FLINK_LOG_DIR:-$FLINK_HOME/log}
FLINK_PID_DIR=${FLINK_PID_DIR:-/tmp}
export FLINK_HOME FLINK_CONF_DIR FLINK_LOG_DIR

if [ -n "${JAVA_HOME:-}" ]; then JAVA_RUN="$JAVA_HOME/bin/java"; else JAVA_RUN=java; fi
PODFLOW_CLASSPATH="$FLINK_HOME/lib/*"
# How every podflow JVM gets its classes: the class path, and the class-data archive of lib/ when the distribution
# has one (bin/dump-class-archive.sh: the image's build and dist's build dump it for /opt/flink) with this class path,
# which the JVM expands in the directory's order: a pod's /opt/flink/lib lists the same directory in the same order.
# A JVM whose class path or build differs (another FLINK_HOME, a jar added to lib/, another java) ignores the archive
# without a word and reads the jars.
PODFLOW_CLASS_OPTS=(-cp "$PODFLOW_CLASSPATH")
[ -f "$FLINK_HOME/lib/podflow-classes.jsa" ] \
  && PODFLOW_CLASS_OPTS=(-XX:SharedArchiveFile="$FLINK_HOME/lib/podflow-classes.jsa" "${PODFLOW_CLASS_OPTS[@]}")

# log4j2 reads conf/log4j2.properties, else conf/log4j.properties (the name Flink gives its log4j2 file), else the
# default shipped in lib/. A log4j 1.x log4j.properties, as ConfigMaps written for older Flink mount, is read by
# log4j's 1.x bridge in lib/ when it uses only appenders the bridge translates; otherwise one warning and the default.
log_settings() { # $1 = log file
  local config="$FLINK_CONF_DIR/log4j2.properties" legacy="$FLINK_CONF_DIR/log4j.properties" problem
  printf '%s\n' "-Dlog.file=$1"
  if [ ! -f "$config" ] && [ -f "$legacy" ]; then
    if ! is_log4j1 "$legacy"; then
      config=$legacy
    elif problem=$(log4j1_untranslatable "$legacy"); [ -z "$problem" ]; then
      printf '%s\n' "-Dlog4j1.compatibility=true" "-Dlog4j.configuration=$legacy"
      return
    else
      echo "Warning: $legacy is a log4j 1.x configuration with $problem, which podflow cannot translate;" \
        "logging with the default configuration instead." >&2
    fi
  fi
  [ -f "$config" ] || config="$FLINK_HOME/lib/log4j2-default.properties"
  printf '%s\n' "-Dlog4j2.configurationFile=$config"
}

is_log4j1() { # $1 = properties file
  grep -Eq '^[[:space:]]*log4j\.(rootLogger|rootCategory|appender\.|logger\.|category\.)' "$1"
}

# Prints the first thing the 1.x bridge cannot translate, or nothing: an appender class it has no builder for, or
# an appender the root logger names but the file does not define.
log4j1_untranslatable() { # $1 = properties file
  local supported=" ConsoleAppender FileAppender RollingFileAppender DailyRollingFileAppender NullAppender "
  local name class root
  while IFS='=' read -r name class; do
    name=$(echo "$name" | tr -d '[:space:]') class=$(echo "$class" | tr -d '[:space:]')
    if [[ "$class" != org.apache.log4j.* || "$supported" != *" ${class#org.apache.log4j.} "* ]]; then
      echo "appender '${name#log4j.appender.}' of class $class"
      return
    fi
  done < <(grep -E '^[[:space:]]*log4j\.appender\.[^.=[:space:]]+[[:space:]]*=' "$1")
  root=$(sed -n 's/^[[:space:]]*log4j\.root\(Logger\|Category\)[[:space:]]*=[^,]*,//p' "$1" | tail -n 1)
  for name in ${root//,/ }; do
    if ! grep -Eq "^[[:space:]]*log4j\.appender\.$name[[:space:]]*=" "$1"; then
      echo "root logger appender '$name' that it does not define"
      return
    fi
  done
}

# Prints, one a line, the options a pod hands every podflow process through its environment, as the image's
# entrypoint and commands written for Flink's image (`jobmanager.sh start` in a ConfigMap-mounted conf/) both start
# processes through these scripts: POD_IP is the address to bind servers to (pods that share one host network, as
# on localkube, each own an IP, so 0.0.0.0 would take the port from every other pod). They come before the command's
# own arguments, so a -D given there wins. The secrets (PODFLOW_CLUSTER_SECRET, PODFLOW_REST_AUTHENTICATION_TOKEN)
# stay in the environment, where the JVM reads them: as arguments, every user of the host would see them in ps.
pod_env_properties() {
  if [ -n "${POD_IP:-}" ]; then
    printf '%s\n' "-Djobmanager.bind-host=$POD_IP" "-Drest.bind-address=$POD_IP" "-Dtaskmanager.bind-host=$POD_IP"
  fi
}

# Prints the value of KEY in flink-conf.yaml (the last one wins), or nothing.
read_conf() {
  [ -f "$FLINK_CONF_DIR/flink-conf.yaml" ] || return 0
  sed -n "s/^[[:space:]]*$1[[:space:]]*:[[:space:]]*//p" "$FLINK_CONF_DIR/flink-conf.yaml" | tail -n 1 | tr -d '"'"'"
}

java_opts_for() { # $1 = jobmanager | taskmanager
  printf '%s %s' "$(read_conf env.java.opts)" "$(read_conf "env.java.opts.$1")"
}

# Prints, on one line, the heap, metaspace and direct memory flags of a $1 (jobmanager | taskmanager) process started
# with the arguments $2...: those in PODFLOW_JVM_MEMORY_FLAGS, which a pod built by podflow carries (derived where the
# pod was built, from the same options), else derived from its memory options by one short JVM; a split that does not
# fit the process size fails with one line on stderr. A -Xmx or -Xms in the role's env.java.opts wins over either.
jvm_memory_flags() {
  local output flag flags=() user_heap=false
  if [ -n "${PODFLOW_JVM_MEMORY_FLAGS:-}" ]; then
    read -r -a flags <<<"$PODFLOW_JVM_MEMORY_FLAGS"
  else
    # slf4j's no-op provider spares the start-up of log4j, whose warnings the process itself logs anyway
    output=$("$JAVA_RUN" -Xshare:auto -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Dslf4j.internal.verbosity=WARN \
      -Dslf4j.provider=org.slf4j.helpers.NOP_FallbackServiceProvider "${PODFLOW_CLASS_OPTS[@]}" \
      io.podflow.common.memory.JvmMemoryFlags "$@") || return 1
    read -r -a flags <<<"$(sed -n 's/^jvm-memory-flags: //p' <<<"$output")"
  fi
  [[ " $(java_opts_for "$1") " =~ [[:space:]]-Xm[sx] ]] && user_heap=true
  for flag in "${flags[@]}"; do
    [[ $user_heap == true && $flag == -Xm[sx]* ]] || printf '%s ' "$flag"
  done
}
