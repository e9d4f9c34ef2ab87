#!/usr/bin/env bash
# The network lab (docs/lab.md): a small internet built from network namespaces, veth pairs,
# nftables and real services, and one scenario per firewall profile of the source document.
#
#   lab/lab.sh [SCENARIO...]     run the given scenarios (default: all), print a summary table
#   lab/lab.sh --sweep           only remove what older, dead lab runs left behind
#
# Needs root, ip, nft, tc, conntrack, java, jq, python3 (and squid for scenario 5), and the jars (make build).
# Everything it creates is named ra-<run>-*, and removed on exit, failure or interruption; a run
# also removes what earlier runs left when their owner is gone. Traffic never leaves the
# namespaces: the "internet" is a namespace with documentation addresses (RFC 5737).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

AGENT="$root/bin/room-agent"
EMULATOR="$root/bin/cloud-emulator"
OWNERS=/run/room-agent-lab # one file per live run: <run> holding the owner's pid

# Addresses (the same as lab/profiles/addresses.nft).
LAN_DEVICE=10.10.0.10
FW_INSIDE=10.10.0.1
FW_OUTSIDE=192.0.2.2
INET_GATEWAY=192.0.2.1
SIGNALING=198.51.100.10
EVENTS=198.51.100.11 # the signaling's event channel (secure WebSocket, docs/signaling.md)
MESH=10.10.0.20 # the Video Mesh node in the room LAN (scenario 5-mesh)
# Media nodes: id, address, one-way delay added by netem (ms). 203.0.113.0/24 is the whitelisted range.
NODES=(
  "cloud-near-1 198.51.100.21 5"
  "cloud-eu-1 203.0.113.11 15"
  "cloud-us-1 203.0.113.12 40"
  "cloud-far-1 198.51.100.22 70"
)

log() { printf 'lab: %s\n' "$*" >&2; }
die() {
  printf 'lab: %s\n' "$*" >&2
  exit 1
}

# ---------------------------------------------------------------------------------------------
# Cleanup: by prefix, for this run and for stale runs whose owner process is gone.
remove_run() { # run-id
  local run=$1 ns pid
  for ns in $(ip netns list | awk '{print $1}' | grep -E "^ra-$run-" || true); do
    for pid in $(ip netns pids "$ns" 2>/dev/null || true); do
      kill -TERM "$pid" 2>/dev/null || true
    done
    for _ in $(seq 1 50); do
      [ -z "$(ip netns pids "$ns" 2>/dev/null)" ] && break
      sleep 0.1
    done
    for pid in $(ip netns pids "$ns" 2>/dev/null || true); do
      kill -KILL "$pid" 2>/dev/null || true
    done
    # nftables tables, qdiscs and veths live in the namespace and go with it.
    ip netns delete "$ns" 2>/dev/null || true
    rm -rf "/etc/netns/$ns"
  done
  rm -f "$OWNERS/$run"
}

sweep_stale() {
  local ns run owner
  for ns in $(ip netns list | awk '{print $1}' | grep -E '^ra-[a-z0-9]+-(lan|fw|inet)$' || true); do
    run=${ns#ra-}
    run=${run%-*}
    owner=$(cat "$OWNERS/$run" 2>/dev/null || echo "")
    if [ -z "$owner" ] || ! kill -0 "$owner" 2>/dev/null; then
      log "removing a stale run's namespace $ns"
      remove_run "$run"
    fi
  done
}

# ---------------------------------------------------------------------------------------------
# Topology.
in_ns() { # short-name command...
  local ns="ra-$RUN-$1"
  shift
  ip netns exec "$ns" "$@"
}

build_topology() {
  local ns name
  for name in lan fw inet; do
    ns="ra-$RUN-$name"
    ip netns add "$ns"
    # The JDK's HTTPS server looks up client addresses: give each namespace a resolver that
    # answers at once (nothing listens on 127.0.0.1:53) and static names.
    mkdir -p "/etc/netns/$ns"
    echo "nameserver 127.0.0.1" >"/etc/netns/$ns/resolv.conf"
    printf '127.0.0.1 localhost\n%s signaling.lab\n' "$SIGNALING" >"/etc/netns/$ns/hosts"
    ip -n "$ns" link set lo up
  done
  # Room LAN <-> firewall inside.
  ip -n "ra-$RUN-lan" link add lan0 type veth peer name fw-lan netns "ra-$RUN-fw"
  ip -n "ra-$RUN-lan" addr add "$LAN_DEVICE/24" dev lan0
  ip -n "ra-$RUN-lan" link set lan0 up
  ip -n "ra-$RUN-lan" route add default via "$FW_INSIDE"
  ip -n "ra-$RUN-fw" addr add "$FW_INSIDE/24" dev fw-lan
  ip -n "ra-$RUN-fw" link set fw-lan up
  # Firewall outside <-> internet.
  ip -n "ra-$RUN-fw" link add fw-inet type veth peer name inet0 netns "ra-$RUN-inet"
  ip -n "ra-$RUN-fw" addr add "$FW_OUTSIDE/24" dev fw-inet
  ip -n "ra-$RUN-fw" link set fw-inet up
  ip -n "ra-$RUN-fw" route add default via "$INET_GATEWAY"
  ip -n "ra-$RUN-inet" addr add "$INET_GATEWAY/24" dev inet0
  ip -n "ra-$RUN-inet" link set inet0 up
  # The firewall forwards, and its connection tracking forgets an idle UDP flow after 30 s, the
  # shortest pinhole the source document allows (R14).
  in_ns fw sysctl -qw net.ipv4.ip_forward=1
  # The cloud: signaling and media nodes on the internet namespace's loopback (local addresses
  # without needing the dummy interface module).
  ip -n "ra-$RUN-inet" addr add "$SIGNALING/32" dev lo
  ip -n "ra-$RUN-inet" addr add "$EVENTS/32" dev lo
  local entry id address delay
  for entry in "${NODES[@]}"; do
    read -r id address delay <<<"$entry"
    ip -n "ra-$RUN-inet" addr add "$address/32" dev lo
  done
  # Per-node latency: netem on the internet's side of the link, chosen by the answer's source.
  # Kernels without sch_netem (some VMs) get the emulator's per-node delay instead (delayMillis:
  # every answer leaves that long after its request arrived), and the log says so.
  if in_ns inet tc qdisc add dev inet0 root netem delay 1ms 2>/dev/null; then
    in_ns inet tc qdisc del dev inet0 root
    LATENCY=netem
    in_ns inet tc qdisc add dev inet0 root handle 1: htb default 99
    in_ns inet tc class add dev inet0 parent 1: classid 1:99 htb rate 1gbit quantum 60000
    local i=10
    for entry in "${NODES[@]}"; do
      read -r id address delay <<<"$entry"
      in_ns inet tc class add dev inet0 parent 1: classid "1:$i" htb rate 1gbit quantum 60000
      in_ns inet tc qdisc add dev inet0 parent "1:$i" handle "$i:" netem delay "${delay}ms"
      in_ns inet tc filter add dev inet0 parent 1: protocol ip prio 1 u32 match ip src "$address/32" flowid "1:$i"
      i=$((i + 1))
    done
  else
    LATENCY=emulator
    log "this kernel has no netem (sch_netem): node latency is the emulator's delayMillis instead"
  fi
}

# Conntrack settings need the module loaded in the namespace, which the first NAT rule does.
set_conntrack_timeouts() {
  in_ns fw sysctl -qw net.netfilter.nf_conntrack_udp_timeout=30
  in_ns fw sysctl -qw net.netfilter.nf_conntrack_udp_timeout_stream=30
}

load_profile() { # profile file name
  local profile=$1
  in_ns fw nft flush ruleset
  cat lab/profiles/addresses.nft lab/profiles/common.nft "lab/profiles/$profile" | in_ns fw nft -f -
  set_conntrack_timeouts
  [ "$(in_ns fw sysctl -n net.netfilter.nf_conntrack_udp_timeout)" == 30 ] ||
    die "the firewall's conntrack UDP timeout is not 30 s after loading $profile"
}

# ---------------------------------------------------------------------------------------------
# Services.
start_emulator() { # [with-mesh]
  local config="$WORK/emulator.json" entry id address delay first=1 mesh=${1:-}
  {
    printf '{ "signaling": { "host": "%s", "port": 443, "eventChannelHost": "%s", "eventChannelPort": 443 },\n  "nodes": [\n' \
      "$SIGNALING" "$EVENTS"
    if [ -n "$mesh" ]; then
      # Listed by the cloud like its own nodes (R6, R17); see start_mesh_node for where it runs.
      printf '    { "id": "mesh-lan-1", "kind": "video-mesh", "region": "lan", "host": "%s" },\n' "$MESH"
    fi
    for entry in "${NODES[@]}"; do
      read -r id address delay <<<"$entry"
      [ $first -eq 1 ] || printf ',\n'
      first=0
      [ "$LATENCY" == emulator ] || delay=0
      printf '    { "id": "%s", "kind": "cloud", "region": "lab", "host": "%s", "delayMillis": %s }' \
        "$id" "$address" "$delay"
    done
    printf '\n  ]\n}\n'
  } >"$config"
  rm -f "$WORK/emulator/ready.json"
  in_ns inet "$EMULATOR" --config "$config" --state-dir "$WORK/emulator" \
    --ready-file "$WORK/emulator/ready.json" >>"$WORK/cloud-emulator.log" 2>&1 &
  wait_for 60 "the cloud emulator's start (log: $WORK/cloud-emulator.log)" test -f "$WORK/emulator/ready.json"
}

stop_namespace_processes() { # short-name
  local ns="ra-$RUN-$1" pid
  for pid in $(ip netns pids "$ns" 2>/dev/null || true); do
    kill -TERM "$pid" 2>/dev/null || true
  done
  wait_for 30 "the processes of $ns stopping" namespace_empty "$ns"
}

namespace_empty() { # namespace
  [ -z "$(ip netns pids "$1" 2>/dev/null)" ]
}

# A Video Mesh node inside the room LAN (R17), at $MESH. The cloud admits a meeting's participants
# on its nodes in its own process (docs/cloud-emulator.md), so the cloud's emulator must serve the
# mesh node too: $MESH sits on its own veth pair between the internet namespace (where the emulator
# binds it) and the room LAN, which reaches it over that link by a host route, never through the
# firewall. The link carries nothing else: the internet namespace does not forward (ip_forward=0)
# and routes only the room's address back over it. The peer room moves into the LAN for this
# scenario (docs/lab.md, "Meetings"): it is stopped here and started again by the scenario.
start_mesh_node() {
  stop_room peer
  ip -n "ra-$RUN-inet" link add mesh0 type veth peer name mesh-lan netns "ra-$RUN-lan"
  ip -n "ra-$RUN-inet" addr add "$MESH/32" dev mesh0
  ip -n "ra-$RUN-inet" link set mesh0 up
  ip -n "ra-$RUN-inet" route add "$LAN_DEVICE/32" dev mesh0 src "$MESH"
  in_ns inet sysctl -qw net.ipv4.ip_forward=0
  ip -n "ra-$RUN-lan" link set mesh-lan up
  ip -n "ra-$RUN-lan" route add "$MESH/32" dev mesh-lan src "$LAN_DEVICE"
  stop_namespace_processes inet
  start_emulator with-mesh
}

start_squid() {
  mkdir -p "$WORK/squid"
  chmod 0777 "$WORK/squid"
  cat >"$WORK/squid/squid.conf" <<CONF
# The enterprise's HTTP proxy, on the firewall's inside address: CONNECT to 443 only.
http_port $FW_INSIDE:3128
acl lan src 10.10.0.0/24
acl SSL_ports port 443
acl CONNECT method CONNECT
http_access deny CONNECT !SSL_ports
http_access allow lan
http_access deny all
cache deny all
cache_mem 8 MB
pid_filename $WORK/squid/squid.pid
access_log stdio:$WORK/squid/access.log
cache_log $WORK/squid/cache.log
coredump_dir $WORK/squid
shutdown_lifetime 1 seconds
dns_nameservers 127.0.0.1
CONF
  in_ns fw squid -N -f "$WORK/squid/squid.conf" >"$WORK/squid/squid.out" 2>&1 &
  wait_for 30 "squid listening on $FW_INSIDE:3128 (log: $WORK/squid/cache.log)" \
    in_ns lan bash -c "exec 3<>/dev/tcp/$FW_INSIDE/3128"
}

wait_for() { # seconds, description, command...
  local seconds=$1 what=$2
  shift 2
  for _ in $(seq 1 $((seconds * 10))); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.1
  done
  die "$what did not happen within $seconds s"
}

# ---------------------------------------------------------------------------------------------
# The agent in the room LAN.
agent() { # extra env assignments..., then -- command args...
  local env=(ROOM_AGENT_CLOUD_SIGNALING_URL="https://$SIGNALING:443"
    ROOM_AGENT_CLOUD_TRUST_ANCHORS="$WORK/emulator/ca.pem" ROOM_AGENT_DEVICE_ID=lab-room-1)
  while [ "$1" != "--" ]; do
    env+=("$1")
    shift
  done
  shift
  mkdir -p "$WORK/agent/etc" "$WORK/agent/state"
  in_ns lan env "${env[@]}" timeout 120 "$AGENT" "$@" --config-dir "$WORK/agent/etc" --state-dir "$WORK/agent/state"
}

# "ok" when the pair answered, else its failure (timeout, refused, ...)
pair_state() { # report node transport
  jq -r --arg n "$2" --arg t "$3" \
    '[.results[] | select(.nodeId==$n and .transport==$t) | if .reachable then "ok" else .failure end][0] // "absent"' "$1"
}

FAILURES=0
ROWS=()
check() { # scenario description actual expected
  if [ "$3" == "$4" ]; then
    printf '  ok    %s: %s: %s\n' "$1" "$2" "$3"
  else
    printf '  FAIL  %s: %s: got %s, expected %s\n' "$1" "$2" "$3" "$4"
    SCENARIO_FAILED=1
  fi
}

# expect: "node transport state" lines, then the expected diagnose recommendation code.
run_scenario() { # number profile expected-best recommendation env... -- expectations...
  local number=$1 profile=$2 expected_best=$3 recommendation=$4
  shift 4
  local env=()
  while [ "$1" != "--" ]; do
    env+=("$1")
    shift
  done
  shift
  SCENARIO_FAILED=0
  M_PATH="-" M_TTM="-" M_JTM="-" M_GAP="-" M_BOTH="-"
  echo "== scenario $number: $profile"
  load_profile "$profile"
  if [ -n "${MEETING:-}" ]; then
    # The room's daemon boots behind this profile; its discovery overlaps discover's below.
    ROOM_REPORTS=$( [ -f "$WORK/room/device-id" ] && reports_sent room || echo 0)
    start_room room lan "${env[@]}"
  fi
  local report="$WORK/scenario-$number.json" status=0 started ended
  started=$(date +%s%N)
  agent "${env[@]}" -- discover --json >"$report" 2>"$WORK/scenario-$number.err" || status=$?
  ended=$(date +%s%N)
  if ! jq -e '.results | length > 0' "$report" >/dev/null 2>&1; then
    printf '  FAIL  scenario %s: discover gave no report (exit %s): %s\n' "$number" "$status" \
      "$(head -c 400 "$WORK/scenario-$number.err")"
    SCENARIO_FAILED=1
  else
    if [ -n "${EXPECT_STATUS:-}" ]; then
      check "scenario $number" "discover's exit status" "$status" "$EXPECT_STATUS"
    fi
    local line node transport state
    for line in "$@"; do
      read -r node transport state <<<"$line"
      check "scenario $number" "$node $transport" "$(pair_state "$report" "$node" "$transport")" "$state"
    done
  fi
  local best="none" rtt="-" reachable
  reachable=$(jq -r '[.results[] | select(.reachable)] | length' "$report" 2>/dev/null || echo 0)
  if [ "$reachable" != "0" ]; then
    # R12's order, then the round trip: the best path the agent would use for media.
    best=$(jq -r '{"udp":0,"tcp":1,"tls":2,"udp-last-resort":3} as $rank
      | [.results[] | select(.reachable)] | sort_by([$rank[.transport], .medianRttMillis])[0]
      | "\(.nodeId)/\(.transport)"' "$report")
    rtt=$(jq -r '{"udp":0,"tcp":1,"tls":2,"udp-last-resort":3} as $rank
      | [.results[] | select(.reachable)] | sort_by([$rank[.transport], .medianRttMillis])[0]
      | .medianRttMillis | . * 10 | round / 10' "$report")
  fi
  # The best node within a transport depends on round trips, which a busy machine blurs: the
  # expectation is a regular expression (e.g. any whitelisted node over UDP).
  if [[ "$best" =~ ^($expected_best)$ ]]; then
    check "scenario $number" "best path $best" "$best" "$best"
  else
    check "scenario $number" "best path" "$best" "$expected_best"
  fi
  # The administrator's view: room-agent diagnose, inside the scenario.
  local diagnosis="$WORK/scenario-$number-diagnose.json" recommended="-"
  if [ -n "${DIAGNOSE_LIVE:-}" ]; then
    # Probing again, so that node kinds come from the node list (a Video Mesh node is named as such).
    agent "${env[@]}" -- diagnose --json >"$diagnosis" 2>"$WORK/scenario-$number-diagnose.err" || true
  else
    agent "${env[@]}" -- diagnose --report "$report" --json >"$diagnosis" 2>"$WORK/scenario-$number-diagnose.err" || true
  fi
  recommended=$(jq -r '.recommendations[0].code // "none"' "$diagnosis" 2>/dev/null || echo "error")
  check "scenario $number" "diagnose recommends" "$recommended" "$recommendation"
  if [ -n "${EXPECT_BEST_KIND:-}" ]; then
    check "scenario $number" "diagnose's best path is a $EXPECT_BEST_KIND node" \
      "$(jq -r '.bestPath.kind // "none"' "$diagnosis" 2>/dev/null)" "$EXPECT_BEST_KIND"
  fi
  if [ -n "${EXPECT_ALSO:-}" ]; then
    check "scenario $number" "diagnose also recommends $EXPECT_ALSO" \
      "$(jq -r --arg c "$EXPECT_ALSO" '[.recommendations[].code] | index($c) != null' "$diagnosis" 2>/dev/null)" true
  fi
  if [ -n "${SCENARIO_EXTRA:-}" ]; then
    "$SCENARIO_EXTRA" "$number"
  fi
  if [ -n "${MEETING:-}" ]; then
    meeting_checks "$number" "$MEETING"
    stop_room room
  fi
  local verdict=pass
  if [ "$SCENARIO_FAILED" -ne 0 ]; then
    verdict=FAIL
    FAILURES=$((FAILURES + 1))
  fi
  ROWS+=("$(printf '| %-6s | %-26s | %-28s | %8s | %5s | %8s | %-27s | %-28s | %6s | %6s | %6s | %4s | %-4s |' \
    "$number" "$profile" "$best" "$rtt" \
    "$reachable/$(jq -r '.results | length' "$report" 2>/dev/null || echo 0)" \
    "$(((ended - started) / 1000000))" "$recommended" "$M_PATH" "$M_TTM" "$M_JTM" "$M_GAP" "$M_BOTH" "$verdict")")
}

# ---------------------------------------------------------------------------------------------
# Meetings (docs/lab.md, "Meetings"): the room's agent daemon (room-agent run) in the LAN, behind
# the scenario's firewall, and a peer room's daemon on the internet, unfiltered (scenario 5-mesh:
# in the LAN too, beside the Video Mesh node). The peer joins first and waits; the room joins
# second, so the cloud chooses the node from the room's own discovery (the constrained side).
VIDEO_FRAMES=30 # far-end video frames each side must decode: 2 s of 320x240 at 15 fps

# The emulated board, capped at 320x240@15 to keep the lab's CPU low, plus where the cloud is (the
# firmware image's defaults, as scripts/demo.sh writes them). A board.properties with board.* keys
# carries the whole profile: the built-in emulated one, with the video caps replaced.
write_board() { # name serial
  local dir="$WORK/$1"
  mkdir -p "$dir/etc" "$dir/state"
  {
    grep -vE '^board\.video\.max(Width|Height|Fps)=' hal/src/main/resources/com/roomagent/hal/profile/emulated.properties
    printf 'board.video.maxWidth=320\nboard.video.maxHeight=240\nboard.video.maxFps=15\n'
    printf 'cloud.signalingUrl=https://%s:443\ncloud.trustAnchors=%s\ndevice.serialNumber=%s\n' \
      "$SIGNALING" "$WORK/emulator/ca.pem" "$2"
  } >"$dir/etc/board.properties"
}

ra() { # name command args...: a one-shot command to that room's daemon, over its control socket
  local dir="$WORK/$1"
  shift
  timeout 30 "$AGENT" "$@" --config-dir "$dir/etc" --state-dir "$dir/state"
}

# Starts a room's daemon in a namespace; provisions it with an activation code the first time.
start_room() { # name namespace env-assignments...
  local name=$1 ns=$2 dir="$WORK/$1" code
  shift 2
  [ -f "$dir/etc/board.properties" ] || write_board "$name" "LAB-$name"
  rm -f "$dir/state/control.sock"
  # Not through in_ns (a function, so a subshell): $! must be the agent's own process id, as
  # ip netns exec, env and bin/room-agent each replace themselves (exec) with the next.
  ip netns exec "ra-$RUN-$ns" env "$@" "$AGENT" run --config-dir "$dir/etc" --state-dir "$dir/state" \
    >>"$dir/console.txt" 2>>"$dir/agent.log" &
  echo $! >"$dir/pid"
  echo "$ns" >"$dir/namespace"
  wait_for 60 "the $name's control socket (log: $dir/agent.log)" test -S "$dir/state/control.sock"
  if [ "$(status "$name" | jq -r '.state')" != provisioned ]; then
    code=$(in_ns inet "$EMULATOR" issue-code --ready-file "$WORK/emulator/ready.json" 2>>"$dir/agent.log" |
      grep -oE '[0-9]{4}(-[0-9]{4}){3}' | head -1)
    ra "$name" activate "$code" >>"$dir/console.txt" || die "activating the $name failed (log: $dir/agent.log)"
  fi
  device_id "$name" >"$dir/device-id"
}

# One request to a room's daemon over its control socket (docs/provisioning.md, "The control
# socket"): what the wait loops poll with, as python3 starts in milliseconds where each room-agent
# command starts a JVM. Joins and the recorded reports go through room-agent itself.
ctl() { # name request-json
  python3 - "$WORK/$1/state/control.sock" "$2" <<'PY'
import socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
s.settimeout(15)
s.connect(sys.argv[1])
s.sendall(sys.argv[2].encode() + b"\n")
data = b""
while True:
    chunk = s.recv(65536)
    if not chunk:
        break
    data += chunk
sys.stdout.write(data.decode())
PY
}
status() { ctl "$1" '{"command":"status"}'; }

device_id() { status "$1" | jq -r '.deviceId // empty'; }

stop_room() { # name
  local dir="$WORK/$1" pid
  pid=$(cat "$dir/pid" 2>/dev/null || echo "")
  [ -n "$pid" ] || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  rm -f "$dir/pid"
}

# The room is registered and the cloud holds a discovery report it sent after start (the cloud
# chooses the node from it).
reports_sent() { # name
  grep -c "channel.discovery_report device=$(cat "$WORK/$1/device-id") " "$WORK/cloud-emulator.log" || true
}
room_ready() { # name reports-before
  [ "$(reports_sent "$1")" -gt "$2" ] && [ "$(status "$1" | jq -r '.registration.state // "none"')" == registered ]
}

frames() { # name: far-end video frames decoded so far (the report's .media.videoFramesDecoded)
  status "$1" 2>/dev/null | jq -r '.call.received.videoFrames // 0' 2>/dev/null || echo 0
}
both_decode() { # at-least
  [ "$(frames room)" -gt "$1" ] && [ "$(frames peer)" -gt "$1" ]
}
phase_is() { # name phase
  [ "$(status "$1" | jq -r '.meeting.phase // "none"')" == "$2" ]
}

# Meeting outcome of the scenario, for the summary table.
M_PATH="-" M_TTM="-" M_JTM="-" M_GAP="-" M_BOTH="-"

# Joins both rooms to one meeting; returns 1 (after a FAIL line) when the room's meeting did not
# reach media. expect: a regular expression for the room's node/transport, or refused.
meeting_join() { # scenario meeting-id expect
  local number=$1 meeting=$2 expect=$3
  ra peer meeting join "$meeting" >/dev/null
  if ! wait_quietly 30 phase_is peer waiting; then
    check "scenario $number" "peer room waiting in $meeting" "$(ra peer report | jq -r '.meeting.phase')" waiting
    return 1
  fi
  ra room meeting join "$meeting" >/dev/null
  if [ "$expect" == refused ]; then
    return 0
  fi
  if ! wait_quietly 60 both_decode "$VIDEO_FRAMES"; then
    check "scenario $number" "media both ways (far-end video frames decoded, room/peer)" \
      "$(frames room)/$(frames peer)" "more than $VIDEO_FRAMES each"
    M_BOTH=no
    ra room status | grep -E '^(Meeting|Media path):' | sed 's/^/        room | /'
    return 1
  fi
  M_BOTH=yes
  return 0
}

wait_quietly() { # seconds command...: like wait_for, but returns 1 instead of ending the run
  local seconds=$1
  shift
  for _ in $(seq 1 $((seconds * 2))); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.5
  done
  return 1
}

meeting_leave() {
  ctl room '{"command":"meeting-leave"}' >/dev/null 2>&1 || true
  ctl peer '{"command":"meeting-leave"}' >/dev/null 2>&1 || true
}

# The meeting part of a scenario: the room's daemon was started with the scenario (start_room in
# run_scenario, so its boot discovery overlaps discover's); both rooms join, and the outcome is
# checked against expect (node/transport regular expression, or "refused").
meeting_checks() { # scenario expect
  local number=$1 expect=$2 report="$WORK/scenario-$1-meeting.json" meeting="lab-$RUN-$1"
  if ! wait_quietly 60 room_ready peer 0; then
    check "scenario $number" "peer room registered and its discovery reported (log: $WORK/peer/agent.log)" no yes
    return
  fi
  if ! wait_quietly 60 room_ready room "$ROOM_REPORTS"; then
    check "scenario $number" "room registered and its discovery reported (log: $WORK/room/agent.log)" no yes
    return
  fi
  if meeting_join "$number" "$meeting" "$expect"; then
    if [ "$expect" == refused ]; then
      wait_quietly 30 phase_is room refused || true
      ra room report >"$report" || true
      check "scenario $number" "meeting refused by the cloud" "$(jq -r '.meeting.phase' "$report")" refused
      printf '        room | meeting: %s\n' "$(jq -r '.meeting.detail' "$report")"
      ra room status | grep -E '^Best path:' | sed 's/^/        room | /'
      M_PATH="refused" M_BOTH=no
    else
      ra room report >"$report" || true
      ra peer report >"$WORK/scenario-$number-meeting-peer.json" || true
      M_PATH=$(jq -r '"\(.media.node)/\(.media.transport)"' "$report")
      M_TTM=$(jq -r '.media.timeToMediaMs // "-"' "$report")
      M_JTM=$(jq -r '.media.joinToMediaMs // "-"' "$report")
      if [[ "$M_PATH" =~ ^($expect)$ ]]; then
        check "scenario $number" "meeting media path $M_PATH" "$M_PATH" "$M_PATH"
      else
        check "scenario $number" "meeting media path" "$M_PATH" "$expect"
      fi
      check "scenario $number" "media both ways (frames decoded room/peer > $VIDEO_FRAMES)" "$M_BOTH" yes
      if [ -n "${MEETING_EXTRA:-}" ]; then
        "$MEETING_EXTRA" "$number" "$report"
      fi
    fi
  fi
  meeting_leave
}

# Scenarios 7 and 8: a meeting over UDP in the recommended setup (profile 1), then something
# happens to its flow. No discover or diagnose: the meeting is the subject.
run_meeting_scenario() { # number profile title during-function room-env...
  local number=$1 profile=$2 title=$3 during=$4
  shift 4
  SCENARIO_FAILED=0
  M_PATH="-" M_TTM="-" M_JTM="-" M_GAP="-" M_BOTH="-"
  echo "== scenario $number: $title"
  load_profile "$profile"
  ROOM_REPORTS=$([ -f "$WORK/room/device-id" ] && reports_sent room || echo 0)
  start_room room lan "$@"
  MEETING_EXTRA=$during meeting_checks "$number" 'cloud-.*/udp'
  stop_room room
  local verdict=pass
  if [ "$SCENARIO_FAILED" -ne 0 ]; then
    verdict=FAIL
    FAILURES=$((FAILURES + 1))
  fi
  ROWS+=("$(printf '| %-6s | %-26s | %-28s | %8s | %5s | %8s | %-27s | %-28s | %6s | %6s | %6s | %4s | %-4s |' \
    "$number" "$profile" "-" "-" "-" "-" "-" "$M_PATH" "$M_TTM" "$M_JTM" "$M_GAP" "$M_BOTH" "$verdict")")
}

# Far-end video frames decoded by both rooms grow by more than VIDEO_FRAMES from the given counts.
both_decode_more() { # room-before peer-before
  [ "$(frames room)" -gt $(($1 + VIDEO_FRAMES)) ] && [ "$(frames peer)" -gt $(($2 + VIDEO_FRAMES)) ]
}

# How often the cloud saw the room join the meeting (a failover must not rejoin).
joins_of_room() { # meeting
  grep -c "event=meeting_joined meeting=$1 device=$(cat "$WORK/room/device-id") " "$WORK/cloud-emulator.log" || true
}

failed_over() { # the status's call.path is the report's .media
  status room | jq -e '(.call.path.failovers | length) >= 1 and .call.path.failovers[0].gapMs != null
    and (.call.path.transport == "tcp" or .call.path.transport == "tls")'
}

# Scenario 7: UDP dropped mid-meeting. The firewall switches to profile 3 (TCP 5004 and TCP 443
# only) and forgets its UDP flows (conntrack -D: a firewall keeps established flows across a
# policy change otherwise, so the established-accept rule would still carry the meeting's flow).
# The room's media stops; it fails over to TCP or TLS on the same node, without a new join, and
# tells the cloud (media.failover).
udp_cut_checks() { # scenario report
  local number=$1 report=$2 meeting="lab-$RUN-$1" room_frames peer_frames after="$WORK/scenario-$1-after.json"
  local room_id
  room_id=$(cat "$WORK/room/device-id")
  room_frames=$(frames room)
  peer_frames=$(frames peer)
  echo "        UDP dropped mid-meeting: the firewall loads 3-tcp-fallback.nft and forgets its UDP flows"
  load_profile 3-tcp-fallback.nft
  in_ns fw conntrack -D -p udp >/dev/null 2>&1 || true
  wait_quietly 60 failed_over || true
  wait_quietly 60 both_decode_more "$room_frames" "$peer_frames" || true
  ra room report >"$after" || true
  local to gap
  to=$(jq -r '.media.transport' "$after")
  gap=$(jq -r '.media.failovers[0].gapMs // "none"' "$after")
  check "scenario $number" "the room failed over from udp to tcp or tls" \
    "$(jq -r '"\(.media.failovers | length) failover(s), now \(.media.transport)"' "$after")" \
    "1 failover(s), now $to"
  [[ "$to" =~ ^(tcp|tls)$ ]] || check "scenario $number" "transport after the cut" "$to" "tcp or tls"
  printf '        room | failover: %s\n' "$(jq -c '.media.failovers[0] | {from, to, cause, gapMs, recoveryMs}' "$after")"
  M_PATH="$(jq -r '.media.node' "$after")/udp>$to"
  M_GAP=$gap
  if both_decode_more "$room_frames" "$peer_frames"; then M_BOTH=yes; else M_BOTH=no; fi
  check "scenario $number" "media resumed both ways (frames decoded grew by > $VIDEO_FRAMES on each side)" "$M_BOTH" yes
  check "scenario $number" "same meeting, no new join" \
    "$(jq -r '.meeting.meetingId' "$after") $(jq -r '.meeting.phase' "$after") joins=$(joins_of_room "$meeting")" \
    "$meeting in-media joins=1"
  wait_quietly 30 grep -q "event=media_failover_reported device=$room_id meeting=$meeting " "$WORK/cloud-emulator.log" || true
  check "scenario $number" "the cloud was told (event=media_failover_reported)" \
    "$(grep -c "event=media_failover_reported device=$room_id meeting=$meeting " "$WORK/cloud-emulator.log" || true)" 1
}

# Scenario 8: a silence longer than the firewall's 30 s UDP timeout (R14). For SILENCE_SECONDS,
# the firewall's raw prerouting hook (ahead of connection tracking, so the dropped packets never
# refresh the flow) drops every datagram of the meeting's flow that is not STUN, in both
# directions: to conntrack it is as if neither room sent media, while the keepalives (STUN Binding
# requests every media.keepaliveInterval, 2.5 s) and their answers pass. The flow's conntrack
# entry must survive the silence (same entry, sampled every 2 s), and media must resume on the same
# 5-tuple without failover. Both rooms run with media.mediaTimeout=60s, longer than the silence,
# or they would fail over on the missing media, which is not what R14 is about (docs/lab.md).
SILENCE_SECONDS=40
silence_checks() { # scenario report
  local number=$1 report=$2 after="$WORK/scenario-$1-after.json"
  local node_ip local_port mapped_port
  node_ip=$(jq -r '.media.remoteAddress' "$report" | sed 's/:[0-9]*$//')
  local_port=$(jq -r '.media.localAddress' "$report" | sed 's/.*://')
  mapped_port=$(jq -r '.media.mappedAddress' "$report" | sed 's/.*://')
  local entry id_before
  entry=$(flow_entry "$node_ip" "$local_port")
  id_before=$(sed -n 's/.* id=\([0-9]*\).*/\1/p' <<<"$entry")
  if [ -z "$id_before" ]; then
    check "scenario $number" "the media flow's conntrack entry ($LAN_DEVICE:$local_port -> $node_ip:5004)" absent present
    return
  fi
  # The control experiment (docs/lab.md): SILENCE_KEEPALIVES=drop drops the keepalives too, and
  # the pinhole checks must fail.
  local verdict_stun=accept
  [ "${SILENCE_KEEPALIVES:-pass}" != drop ] || verdict_stun=drop
  in_ns fw nft -f - <<NFT
table ip ra_silence {
    counter stun_out {}
    counter stun_in {}
    counter media_held {}
    chain prerouting {
        type filter hook prerouting priority raw; policy accept;
        iifname "fw-lan" ip saddr $LAN_DEVICE udp sport $local_port udp dport 5004 @th,96,32 0x2112a442 counter name stun_out $verdict_stun
        iifname "fw-inet" ip saddr $node_ip udp sport 5004 udp dport $mapped_port @th,96,32 0x2112a442 counter name stun_in $verdict_stun
        iifname "fw-lan" ip saddr $LAN_DEVICE udp sport $local_port udp dport 5004 counter name media_held drop
        iifname "fw-inet" ip saddr $node_ip udp sport 5004 udp dport $mapped_port counter name media_held drop
    }
}
NFT
  echo "        silence: ${SILENCE_SECONDS} s without media on $LAN_DEVICE:$local_port -> $node_ip:5004 (only STUN passes)"
  local present=0 samples=0 lowest=999 remaining id_now room_frames peer_frames
  for _ in $(seq 1 $((SILENCE_SECONDS / 2))); do
    sleep 2
    samples=$((samples + 1))
    entry=$(flow_entry "$node_ip" "$local_port")
    id_now=$(sed -n 's/.* id=\([0-9]*\).*/\1/p' <<<"$entry")
    if [ "$id_now" == "$id_before" ]; then
      present=$((present + 1))
      remaining=$(awk '{print $3}' <<<"$entry")
      [ "$remaining" -lt "$lowest" ] && lowest=$remaining
    fi
  done
  room_frames=$(frames room)
  peer_frames=$(frames peer)
  local stun_out stun_in held
  stun_out=$(nft_counter stun_out)
  stun_in=$(nft_counter stun_in)
  held=$(nft_counter media_held)
  in_ns fw nft delete table ip ra_silence
  printf '        firewall | during the silence: %s STUN out, %s STUN in, %s media datagrams held; the entry'"'"'s remaining timeout never below %s s\n' \
    "$stun_out" "$stun_in" "$held" "$lowest"
  check "scenario $number" "media was held during the silence" "$([ "$held" -gt 0 ] && echo yes || echo "no ($held)")" yes
  check "scenario $number" "keepalives passed both ways during the silence" \
    "$([ "$stun_out" -gt 0 ] && [ "$stun_in" -gt 0 ] && echo yes || echo "no ($stun_out out, $stun_in in)")" yes
  check "scenario $number" "the flow's pinhole stayed open (same conntrack entry at every sample)" "$present/$samples" "$samples/$samples"
  wait_quietly 60 both_decode_more "$room_frames" "$peer_frames" || true
  ra room report >"$after" || true
  if both_decode_more "$room_frames" "$peer_frames"; then M_BOTH=yes; else M_BOTH=no; fi
  check "scenario $number" "media resumed both ways after the silence" "$M_BOTH" yes
  check "scenario $number" "same 5-tuple, no failover" \
    "$(jq -r '"\(.media.transport) \(.media.localAddress) \(.media.mappedAddress) failovers=\(.media.failovers | length)"' "$after")" \
    "udp $(jq -r '.media.localAddress' "$report") $(jq -r '.media.mappedAddress' "$report") failovers=0"
  check "scenario $number" "the flow's conntrack entry after the silence" \
    "$(flow_entry "$node_ip" "$local_port" | sed -n 's/.* id=\([0-9]*\).*/\1/p')" "$id_before"
  M_GAP="none"
}

flow_entry() { # node-ip local-port: the firewall's conntrack entry of the room's media flow
  in_ns fw conntrack -L -p udp -s "$LAN_DEVICE" -d "$1" --sport "$2" --dport 5004 -o id 2>/dev/null | head -1
}

nft_counter() { # name (table ip ra_silence)
  in_ns fw nft -j list counter ip ra_silence "$1" | jq '.nftables[] | select(.counter) | .counter.packets'
}

# Scenario 9's extra check: the set was filled by STUN exchanges, and a datagram that is not STUN
# on a 5-tuple without one is dropped.
stun_inspection_checks() {
  local flows dropped_before dropped_after
  flows=$(in_ns fw nft -j list set inet ra_lab stun_flows | jq '[.nftables[] | select(.set) | .set.elem // [] | .[]] | length')
  check "scenario $1" "5-tuples opened by STUN exchanges" "$([ "$flows" -gt 0 ] && echo yes || echo "no ($flows)")" yes
  dropped_before=$(in_ns fw nft -j list counter inet ra_lab udp_without_stun | jq '.nftables[] | select(.counter) | .counter.packets')
  in_ns lan bash -c 'echo "not stun" >/dev/udp/203.0.113.11/5004' || true
  sleep 0.5
  dropped_after=$(in_ns fw nft -j list counter inet ra_lab udp_without_stun | jq '.nftables[] | select(.counter) | .counter.packets')
  check "scenario $1" "UDP 5004 without a STUN exchange dropped" "$((dropped_after - dropped_before))" 1
  # Media after STUN on the same 5-tuple (R13, R15): a Binding request, its answer, then a datagram
  # that is not STUN, all from one socket; the firewall must let that last one through.
  local passed_before passed_after answered
  passed_before=$(in_ns fw nft -j list counter inet ra_lab stun_flow_datagrams | jq '.nftables[] | select(.counter) | .counter.packets')
  answered=$(in_ns lan python3 - 203.0.113.11 5004 <<'PY'
import os, socket, struct, sys
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.settimeout(3)
request = struct.pack("!HHI", 0x0001, 0, 0x2112A442) + os.urandom(12)  # RFC 5389 Binding request
target = (sys.argv[1], int(sys.argv[2]))
for _ in range(3):
    s.sendto(request, target)
    try:
        answer = s.recv(2048)
        break
    except socket.timeout:
        answer = b""
print("answered" if answer[:2] == b"\x01\x01" else "no-answer")
s.sendto(b"\x80" + b"\x00" * 171, target)  # an RTP-like datagram on the same 5-tuple
PY
  )
  sleep 0.5
  passed_after=$(in_ns fw nft -j list counter inet ra_lab stun_flow_datagrams | jq '.nftables[] | select(.counter) | .counter.packets')
  check "scenario $1" "STUN answered on the test socket" "$answered" answered
  check "scenario $1" "non-STUN datagram after STUN on the same 5-tuple passed" "$((passed_after - passed_before))" 1
}

# ---------------------------------------------------------------------------------------------
main() {
  if [ "${1:-}" == "--sweep" ]; then
    mkdir -p "$OWNERS"
    sweep_stale
    exit 0
  fi
  [ "$(id -u)" -eq 0 ] || die "needs root (network namespaces and nftables); run it with sudo"
  local tool
  for tool in ip nft tc jq java python3 conntrack; do
    command -v "$tool" >/dev/null || die "'$tool' is missing; run scripts/install-deps.sh"
  done
  [ -f device-agent/target/device-agent-0.1.0-SNAPSHOT-all.jar ] || die "the agent's jar is missing; run make build"
  [ -f cloud-emulator/target/cloud-emulator-0.1.0-SNAPSHOT-all.jar ] || die "the emulator's jar is missing; run make build"

  local wanted=("$@")
  [ ${#wanted[@]} -gt 0 ] || wanted=(1 2 3 4 5 6 6b 7 8 9 5-mesh)
  # 5-mesh adds the LAN's Video Mesh node to the node list for good: it always runs last.
  local ordered=() s
  for s in "${wanted[@]}"; do [ "$s" == 5-mesh ] || ordered+=("$s"); done
  for s in "${wanted[@]}"; do [ "$s" != 5-mesh ] || ordered+=("$s"); done
  wanted=("${ordered[@]}")

  mkdir -p "$OWNERS"
  sweep_stale
  RUN=$(printf '%x%04x' "$(date +%s)" "$$" | tail -c 8)
  echo $$ >"$OWNERS/$RUN"
  WORK="$root/target/lab/$RUN"
  mkdir -p "$WORK"
  trap 'remove_run "$RUN"' EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  log "run $RUN: namespaces ra-$RUN-lan, ra-$RUN-fw, ra-$RUN-inet; files in $WORK"
  build_topology
  start_emulator
  # The peer room, on the internet: one daemon for the whole run (scenario 5-mesh moves it). Its
  # media timeout outlasts scenario 8's silence and the room's failover gaps (docs/lab.md).
  start_room peer inet ROOM_AGENT_MEDIA_MEDIA_TIMEOUT=60s

  local started_all
  started_all=$(date +%s)
  for s in "${wanted[@]}"; do
    case "$s" in
      1) MEETING='cloud-.*/udp' run_scenario 1 1-udp-any.nft 'cloud-.*/udp' none -- \
        "cloud-near-1 udp ok" "cloud-far-1 udp ok" "cloud-eu-1 udp ok" "cloud-near-1 tcp timeout" \
        "cloud-near-1 tls ok" "cloud-near-1 udp-last-resort timeout" ;;
      2) MEETING='cloud-(eu|us)-1/udp' run_scenario 2 2-whitelist.nft 'cloud-(eu|us)-1/udp' open-udp-5004-any -- \
        "cloud-eu-1 udp ok" "cloud-us-1 udp ok" "cloud-near-1 udp timeout" "cloud-far-1 udp timeout" \
        "cloud-near-1 tls ok" ;;
      3) MEETING='cloud-.*/tcp' run_scenario 3 3-tcp-fallback.nft 'cloud-.*/tcp' open-udp-5004-any -- \
        "cloud-near-1 udp timeout" "cloud-eu-1 udp timeout" "cloud-near-1 tcp ok" "cloud-far-1 tcp ok" \
        "cloud-near-1 udp-last-resort timeout" ;;
      4) MEETING='cloud-.*/tls' run_scenario 4 4-tls-only.nft 'cloud-.*/tls' open-udp-5004-any -- \
        "cloud-near-1 udp timeout" "cloud-near-1 tcp timeout" "cloud-near-1 tls ok" "cloud-us-1 tls ok" ;;
      5)
        if ! command -v squid >/dev/null; then
          echo "== scenario 5 skipped: squid is missing (scripts/install-deps.sh installs it)"
          ROWS+=("| 5      | 5-proxy-only.nft           | skipped: no squid |")
          continue
        fi
        [ -f "$WORK/squid/squid.pid" ] || start_squid
        MEETING=refused EXPECT_STATUS=4 run_scenario 5 5-proxy-only.nft none video-mesh-or-open-firewall \
          ROOM_AGENT_NETWORK_HTTP_PROXY="$FW_INSIDE:3128" -- \
          "cloud-near-1 udp timeout" "cloud-near-1 tcp timeout" "cloud-near-1 tls timeout" \
          "cloud-eu-1 udp-last-resort timeout" ;;
      5-mesh)
        # Last: from here on the node list holds the LAN's Video Mesh node.
        command -v squid >/dev/null || die "scenario 5-mesh needs squid (scripts/install-deps.sh installs it)"
        [ -f "$WORK/squid/squid.pid" ] || start_squid
        start_mesh_node
        start_room peer lan ROOM_AGENT_NETWORK_HTTP_PROXY="$FW_INSIDE:3128" ROOM_AGENT_MEDIA_MEDIA_TIMEOUT=60s
        MEETING='mesh-lan-1/udp' DIAGNOSE_LIVE=1 EXPECT_BEST_KIND=video-mesh run_scenario 5-mesh 5-proxy-only.nft 'mesh-lan-1/udp' open-udp-5004-any \
          ROOM_AGENT_NETWORK_HTTP_PROXY="$FW_INSIDE:3128" -- \
          "mesh-lan-1 udp ok" "cloud-near-1 udp timeout" "cloud-near-1 tls timeout" "cloud-eu-1 tcp timeout" ;;
      6) MEETING='cloud-.*/udp-last-resort' EXPECT_ALSO=avoid-last-resort-port run_scenario 6 6-tls-signaling-33434.nft 'cloud-.*/udp-last-resort' open-udp-5004-any -- \
        "cloud-near-1 tls timeout" "cloud-near-1 udp-last-resort ok" "cloud-far-1 udp-last-resort ok" \
        "cloud-near-1 udp timeout" ;;
      6b) MEETING='cloud-.*/tls' run_scenario 6b 6b-tls-any-33434.nft 'cloud-.*/tls' open-udp-5004-any -- \
        "cloud-near-1 tls ok" "cloud-near-1 udp-last-resort ok" ;;
      7) run_meeting_scenario 7 1-udp-any.nft "UDP dropped mid-meeting (1-udp-any.nft, then 3-tcp-fallback.nft)" \
        udp_cut_checks ;;
      8) run_meeting_scenario 8 1-udp-any.nft "a ${SILENCE_SECONDS} s silence under the 30 s UDP timeout (1-udp-any.nft)" \
        silence_checks ROOM_AGENT_MEDIA_MEDIA_TIMEOUT=60s ;;
      9) MEETING='cloud-.*/udp' SCENARIO_EXTRA=stun_inspection_checks run_scenario 9 9-stun-inspection.nft 'cloud-.*/udp' none -- \
        "cloud-near-1 udp ok" "cloud-far-1 udp ok" "cloud-near-1 tcp timeout" ;;
      *) die "unknown scenario '$s'; known: 1 2 3 4 5 6 6b 7 8 9 5-mesh" ;;
    esac
  done

  echo
  echo "Network lab summary (run $RUN, $(($(date +%s) - started_all)) s, node latency by $LATENCY; RTT = median STUN round trip of the best path, ms;"
  echo "discover = wall time of room-agent discover inside the LAN, ms; meeting = the room's media node/transport in a meeting with the peer room"
  echo "(refused: the cloud refused the join); ttm = time to media from the media path's start, jtm = from the join, ms; gap = failover media gap, ms;"
  echo "both = far-end video decoded on both sides)"
  echo "| #      | profile                    | best path (node/transport)   | RTT (ms) | pairs | discover | diagnose recommends         | meeting                      |    ttm |    jtm |    gap | both | ok   |"
  echo "|--------|----------------------------|------------------------------|----------|-------|----------|-----------------------------|------------------------------|--------|--------|--------|------|------|"
  printf '%s\n' "${ROWS[@]}"
  if [ "$FAILURES" -ne 0 ]; then
    echo "lab: $FAILURES scenario(s) failed; reports and logs are in $WORK" >&2
    exit 1
  fi
  echo "lab: every scenario passed"
}

main "$@"
