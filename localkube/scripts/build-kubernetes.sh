#!/usr/bin/env bash
# Builds kube-apiserver, kube-controller-manager and kube-scheduler once from Debian's kubernetes
# source package with Debian's Go, and caches them under ~/.cache/podflow/kubernetes-<version>/bin/.
# Does nothing when the cached binaries are already there.
set -euo pipefail

# shellcheck source=kubernetes-version.env
source "$(dirname "$0")/kubernetes-version.env"
CACHE_ROOT=${PODFLOW_CACHE:-$HOME/.cache/podflow}
BIN_DIR=$CACHE_ROOT/kubernetes-$KUBERNETES_VERSION/bin
BUILD_ROOT=$CACHE_ROOT/build
COMPONENTS=(kube-apiserver kube-controller-manager kube-scheduler)
DEB_SRC_FILE=/etc/apt/sources.list.d/podflow-deb-src.sources

log() { printf '[build-kubernetes] %s\n' "$*"; }
started=$SECONDS

all_cached() {
  local c
  for c in "${COMPONENTS[@]}"; do [[ -x $BIN_DIR/$c ]] || return 1; done
}

if all_cached; then
  log "cached: $BIN_DIR"
  exit 0
fi

# `localkube build` and an `up` that finds no binaries may run at once: the second waits for the first
mkdir -p "$CACHE_ROOT"
exec 8>"$CACHE_ROOT/build.lock"
if ! flock -n 8; then
  log "another build is running; waiting for it"
  flock 8
fi
if all_cached; then
  log "built meanwhile by another build: $BIN_DIR"
  exit 0
fi

if [[ $(id -u) -ne 0 ]]; then SUDO=sudo; else SUDO=; fi

for tool in dpkg-source go rsync jq make; do
  command -v "$tool" >/dev/null || { log "$tool is missing: run $(dirname "$0")/install-deps.sh first"; exit 1; }
done

SRC=$BUILD_ROOT/kubernetes-$KUBERNETES_VERSION
UNPACKED_STAMP=$SRC/.podflow-unpacked

fetch_source() {
  if [[ -e $UNPACKED_STAMP ]]; then
    log "source already unpacked: $SRC"
    return
  fi
  mkdir -p "$BUILD_ROOT"
  rm -rf "$SRC"
  if ! apt-cache showsrc kubernetes 2>/dev/null | grep -q '^Package: kubernetes'; then
    local stanzas
    stanzas=$(bash "$(dirname "$0")/derive-deb-src.sh")
    if [[ -z $stanzas ]]; then
      log "no 'deb' entry found in the apt sources to derive a deb-src entry from"
      exit 1
    fi
    log "adding deb-src entries derived from the system's apt sources: $DEB_SRC_FILE"
    printf '%s\n' "$stanzas" | $SUDO tee "$DEB_SRC_FILE" >/dev/null
    log "apt-get update"
    $SUDO apt-get update -qq
  fi
  log "apt-get source kubernetes (into $BUILD_ROOT)"
  (cd "$BUILD_ROOT" && apt-get source -qq kubernetes >"$BUILD_ROOT/apt-source.log" 2>&1) || {
    log "apt-get source failed, see $BUILD_ROOT/apt-source.log"
    exit 1
  }
  if [[ ! -d $SRC ]]; then
    log "apt-get source did not unpack kubernetes $KUBERNETES_VERSION; update scripts/kubernetes-version.env"
    exit 1
  fi
  touch "$UNPACKED_STAMP"
}

# Kubernetes 1.20 vendors reflect2 v1.0.1, whose map support breaks under Go >= 1.18: the apiserver
# panics decoding objects with maps (listing Nodes, for one). Debian ships v1.0.2, which fixes it;
# swap it into the vendor tree and tell the module files.
REFLECT2_DEBIAN=/usr/share/gocode/src/github.com/modern-go/reflect2
patch_reflect2() {
  local vendored=$SRC/vendor/github.com/modern-go/reflect2
  [[ -e $SRC/.podflow-reflect2-1.0.2 ]] && return 0
  [[ -f $REFLECT2_DEBIAN/go_above_118.go ]] || {
    log "$REFLECT2_DEBIAN is missing: run $(dirname "$0")/install-deps.sh first"
    exit 1
  }
  log "vendoring Debian's reflect2 v1.0.2 (Go >= 1.18 support)"
  find "$vendored" -maxdepth 1 -type f \( -name '*.go' -o -name '*.s' \) -delete
  find "$REFLECT2_DEBIAN" -maxdepth 1 -type f \( -name '*.go' -o -name '*.s' \) ! -name '*_test.go' \
    -exec cp {} "$vendored/" \;
  sed -i 's#\(github.com/modern-go/reflect2\( =>\)\{0,1\}\( github.com/modern-go/reflect2\)\{0,1\}\) v1.0.1#\1 v1.0.2#g' \
    "$SRC/go.mod" "$SRC/vendor/modules.txt"
  touch "$SRC/.podflow-reflect2-1.0.2"
}

fetch_source
patch_reflect2
log "source: $SRC"

# Same layout as Debian's own debian/rules: a GOPATH whose k8s.io/kubernetes points at the tree,
# static binaries, the vendored dependencies.
export GOPATH=$SRC/.go
export CGO_ENABLED=0
export GO111MODULE=on
export GOFLAGS=-mod=vendor
export PATH=/usr/lib/go/bin:$PATH
mkdir -p "$GOPATH/src/k8s.io"
[[ -L $GOPATH/src/k8s.io/kubernetes ]] || ln -s ../../.. "$GOPATH/src/k8s.io/kubernetes"

log "go: $(go version)"
log "building ${COMPONENTS[*]} (takes several minutes; output in $BUILD_ROOT/make.log)"
what=$(printf 'cmd/%s ' "${COMPONENTS[@]}")
if ! (cd "$GOPATH/src/k8s.io/kubernetes" && make WHAT="${what% }" >"$BUILD_ROOT/make.log" 2>&1); then
  tail -n 30 "$BUILD_ROOT/make.log"
  log "make failed, see $BUILD_ROOT/make.log"
  exit 1
fi

mkdir -p "$BIN_DIR"
for c in "${COMPONENTS[@]}"; do
  install -m 0755 "$SRC/_output/bin/$c" "$BIN_DIR/$c"
done
log "built in $((SECONDS - started))s: $BIN_DIR"
