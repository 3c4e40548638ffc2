#!/usr/bin/env bash
# Installs, from Debian's own packages, everything localkube needs on a fresh bookworm machine.
# Idempotent: installs only what is missing, runs `apt-get update` only when something is.
set -euo pipefail

log() { printf '[install-deps] %s\n' "$*"; }

PACKAGES=(etcd-server golang-go golang-github-modern-go-reflect2-dev make rsync jq dpkg-dev openssl util-linux iproute2 procps curl)

if [[ $(id -u) -ne 0 ]]; then
  SUDO=sudo
else
  SUDO=
fi

installed() {
  dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null | grep -qx installed
}

missing=()
for pkg in "${PACKAGES[@]}"; do
  installed "$pkg" || missing+=("$pkg")
done
# A newer kubectl from another package conflicts with Debian's kubernetes-client: keep whichever is there.
if ! command -v kubectl >/dev/null 2>&1; then
  missing+=(kubernetes-client)
fi

if [[ ${#missing[@]} -eq 0 ]]; then
  log "all dependencies present"
  exit 0
fi

export DEBIAN_FRONTEND=noninteractive
# A previous interrupted install leaves dpkg half-configured; finish it before adding more.
if ! $SUDO dpkg --configure -a; then
  log "dpkg --configure -a failed: fix the package database first"
  exit 1
fi

# etcd-server's maintainer scripts would start the distribution's etcd; localkube runs its own
# etcd on its own ports, so service starts are denied while we install (policy-rc.d exit 101).
policy=/usr/sbin/policy-rc.d
created_policy=false
if [[ ! -e $policy ]]; then
  printf '#!/bin/sh\nexit 101\n' | $SUDO tee "$policy" >/dev/null
  $SUDO chmod 755 "$policy"
  created_policy=true
fi
cleanup() { if $created_policy; then $SUDO rm -f "$policy"; fi; }
trap cleanup EXIT

log "installing: ${missing[*]}"
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
$SUDO dpkg --configure -a

# The packaged etcd service, if it runs at all, must not be mistaken for ours; it is harmless
# since ours uses other ports, but there is no reason to keep it enabled.
if command -v systemctl >/dev/null 2>&1 && [[ -d /run/systemd/system ]]; then
  $SUDO systemctl disable --now etcd >/dev/null 2>&1 || true
fi
log "done"
