#!/usr/bin/env bash
# dist's build: dumps the class-data archive of the distribution DIST for JVMs that run it at /opt/flink, where
# localkube's pods have it:  dump-for-opt-flink.sh DIST
# The distribution's own bin/dump-class-archive.sh runs with DIST at /opt/flink (at-opt-flink.sh). Where no such
# mount namespace can be made, it says so and leaves no archive: JVMs then read every class from the jars.
set -euo pipefail
dist=$(cd "$1" && pwd)
log="$dist/lib/podflow-classes.jsa.log"

started=$SECONDS
if bash "$(dirname "$0")/at-opt-flink.sh" "$dist" env FLINK_HOME=/opt/flink /opt/flink/bin/dump-class-archive.sh 2>"$log"; then
  rm -f "$log"
  echo "class-data archive lib/podflow-classes.jsa dumped in $((SECONDS - started)) s"
else
  rm -f "$dist/lib/podflow-classes.jsa"
  echo "no class-data archive: the dump in a private mount namespace failed ($(tail -n 1 "$log")); JVMs read their classes from the jars" >&2
  rm -f "$log"
fi
