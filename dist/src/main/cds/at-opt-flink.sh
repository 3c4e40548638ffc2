#!/usr/bin/env bash
# Runs a command in a private mount namespace in which a tmpfs over /opt holds the distribution DIST at /opt/flink
# (the host's /opt is never touched), the path the image and localkube's pods run it from:
#   at-opt-flink.sh DIST COMMAND [ARGS...]
# As root the namespace needs no more; otherwise a user namespace maps this user to root in it.
set -euo pipefail
dist=$(cd "$1" && pwd)
shift
namespace=(unshare --mount --propagation private)
[ "$(id -u)" = 0 ] || namespace=(unshare --user --map-root-user --mount --propagation private)
exec "${namespace[@]}" bash -c 'set -e; mount -t tmpfs tmpfs /opt; mkdir /opt/flink; mount --bind "$0" /opt/flink
  exec "$@"' "$dist" "$@"
