#!/usr/bin/env bash
# Dumps the class-data archive lib/podflow-classes.jsa of the distribution DIST from the class list CLASSLIST, for
# JVMs that run it at /opt/flink, where the image and localkube's pods have it:
#   dump-class-archive.sh DIST CLASSLIST
# JDK 17 maps an archive only into a JVM whose class path names the same jar files as at the dump, so the dump runs in
# a private mount namespace in which a tmpfs over /opt holds DIST at /opt/flink (the host's /opt is never touched).
# Where no such namespace can be made, it says so and leaves no archive: JVMs then read every class from the jars.
set -euo pipefail
dist=$(cd "$1" && pwd)
classlist=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
rm -f "$dist/lib/podflow-classes.jsa"

dump='
  set -e
  mount -t tmpfs tmpfs /opt
  mkdir /opt/flink
  mount --bind "$0" /opt/flink
  FLINK_HOME=/opt/flink . /opt/flink/bin/config.sh
  "$JAVA_RUN" -Xshare:dump -Xlog:cds=off -Xlog:cds+dynamic=off -XX:SharedClassListFile="$1" \
    -XX:SharedArchiveFile=/opt/flink/lib/podflow-classes.jsa -cp "$PODFLOW_CLASSPATH" >/dev/null
'
namespace=(unshare --mount --propagation private)
[ "$(id -u)" = 0 ] || namespace=(unshare --user --map-root-user --mount --propagation private)
started=$SECONDS
if "${namespace[@]}" bash -c "$dump" "$dist" "$classlist" 2>"$dist/lib/podflow-classes.jsa.log"; then
  rm -f "$dist/lib/podflow-classes.jsa.log"
  echo "class-data archive lib/podflow-classes.jsa dumped in $((SECONDS - started)) s"
else
  rm -f "$dist/lib/podflow-classes.jsa"
  echo "no class-data archive: the dump in a private mount namespace failed ($(tail -n 1 "$dist/lib/podflow-classes.jsa.log")); JVMs read their classes from the jars" >&2
  rm -f "$dist/lib/podflow-classes.jsa.log"
fi
