#!/usr/bin/env bash
# Dumps lib/podflow-classes.jsa, the class-data archive every podflow JVM of this distribution maps (see config.sh),
# from the class list lib/podflow.classlist, for this distribution where it stands and this machine's java: JDK 17
# maps an archive only into the JVM build that dumped it, with the same jars at the same paths. So it runs where the
# distribution will run: the image's build runs it at /opt/flink, and dist's build in a private mount namespace that
# shows the distribution there, for localkube's pods. A class no longer in lib/ is skipped; one not listed is read
# from its jar as before.
set -euo pipefail
. "$(dirname "$0")/config.sh"
archive="$FLINK_HOME/lib/podflow-classes.jsa"
rm -f "$archive"
"$JAVA_RUN" -Xshare:dump -Xlog:cds=off -Xlog:cds+dynamic=off -XX:SharedClassListFile="$FLINK_HOME/lib/podflow.classlist" \
  -XX:SharedArchiveFile="$archive" -cp "$PODFLOW_CLASSPATH" >/dev/null
