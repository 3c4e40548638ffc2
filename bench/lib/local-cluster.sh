# Sourced by the benchmarks that run a JobManager and TaskManagers as local processes from a private copy of
# dist/target/podflow (bench/cluster, bench/wordcount).
#   local_cluster_prepare SLOTS_PER_TM   sets work, home, rest_port and token, writes conf/, stops all on exit
#   local_cluster_start_taskmanagers N   starts N TaskManagers, each on a free RPC port
#   local_cluster_await_slots TOTAL      waits up to 120 s until TOTAL slots are available
#   overview                             the authenticated GET /overview

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

local_cluster_prepare() {
  local slots_per_tm=$1
  work="$(mktemp -d)"
  home="$work/podflow"
  cp -a dist/target/podflow "$home"
  rest_port="$(free_port)"
  token="bench-$RANDOM$RANDOM"
  cat >"$home/conf/flink-conf.yaml" <<CONF
jobmanager.rpc.address: 127.0.0.1
jobmanager.rpc.port: $(free_port)
jobmanager.bind-host: 127.0.0.1
blob.server.port: $(free_port)
rest.port: $rest_port
rest.bind-address: 127.0.0.1
rest.authentication.token: $token
taskmanager.host: 127.0.0.1
taskmanager.bind-host: 127.0.0.1
taskmanager.data.port: 0
taskmanager.numberOfTaskSlots: $slots_per_tm
io.tmp.dirs: $work/tmp
web.upload.dir: $work/uploads
cluster.secret: $token
CONF
  export FLINK_PID_DIR="$home"
  unset FLINK_HOME FLINK_CONF_DIR
  started_taskmanagers=0
  trap local_cluster_stop EXIT
}

local_cluster_stop() {
  for _ in $(seq "$started_taskmanagers"); do "$home/bin/taskmanager.sh" stop >/dev/null 2>&1 || true; done
  "$home/bin/jobmanager.sh" stop >/dev/null 2>&1 || true
  rm -rf "$work"
}

local_cluster_start_taskmanagers() {
  local tm
  for tm in $(seq "$1"); do
    "$home/bin/taskmanager.sh" start -Dtaskmanager.rpc.port="$(free_port)" -Dtaskmanager.resource-id="bench-tm-$tm" \
      >/dev/null
    started_taskmanagers=$((started_taskmanagers + 1))
  done
}

overview() { curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$rest_port/overview"; }

local_cluster_await_slots() {
  local slots=0
  for _ in $(seq 120); do
    slots="$(overview | python3 -c 'import json,sys; print(json.load(sys.stdin)["slots-available"])' 2>/dev/null \
      || echo 0)"
    [[ "$slots" == "$1" ]] && return 0
    sleep 1
  done
  echo "the cluster did not offer $1 slots within 120 s" >&2
  exit 1
}
