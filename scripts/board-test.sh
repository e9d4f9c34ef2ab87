#!/usr/bin/env bash
# make board-test: the agent on an emulated arm64 board, end to end, for firmware CI.
#
#   1. host-tools  qemu-user-static, debootstrap, binfmt-support, zstd, netcat-openbsd, jq; the aarch64
#                  binfmt_misc handler
#   2. rootfs      a Debian bookworm arm64 root file system with a Java runtime and the GStreamer
#                  plugins, built once (debootstrap minbase, then apt in the chroot) and cached as a
#                  tarball keyed by its package list ($ROOM_AGENT_BOARD_CACHE, default
#                  ~/.cache/room-agent/board)
#   3. install     the agent jar, and the systemd unit, launcher and configuration from the Yocto
#                  layer (yocto/meta-room-agent/recipes-room-agent/room-agent/files: one source)
#   4. cloud       the cloud emulator on the host, loopback, ephemeral ports (the chroot shares the
#                  host's network namespace); a unit drop-in points the agent at it
#   5. boot        the unit's ExecStart with the unit's environment, as its user, under QEMU
#                  user-mode emulation in the chroot; the control socket must come up and READY=1
#                  reach NOTIFY_SOCKET (a datagram socket netcat holds, as systemd would)
#   6. provision   the emulator issues an activation code; room-agent activate, on the board
#   7. discover    the cloud must receive the agent's discovery report
#   8. register    the agent registers over mutual TLS and opens its event channel
#   9. meeting     a peer room (a second agent on the host's JVM, booted during `cloud`, its
#                  configuration and state in build/board-test/peer) is activated and joins a
#                  meeting, then the board joins it (room-agent meeting join); the board's report
#                  must say phase in-media, with the node, the transport and the join to media
#  10. stream      each room decodes the other's H.264 video: more than 30 far-end frames on both
#                  sides (room-agent report), then the rate over STREAM_WINDOW seconds (default 10);
#                  the board's GStreamer pipeline runs under QEMU at the layer's 320x240@15
#  11. report      room-agent report on the board; WATCHDOG=1 must have been sent
#  12. stop        SIGTERM: STOPPING=1, then exit status 143 (the unit's SuccessExitStatus)
#
# Writes build/board-test/report.json: every step's outcome (passed, failed, skipped) and seconds,
# the architecture the agent ran on, the cold start to "provisioned", "discovered" and "registered",
# and the meeting's node, transport, join to media and frames decoded on each side.
# Needs root (debootstrap, chroot, mounts). Exit status 0 only when no step failed.
set -euo pipefail
cd "$(dirname "$0")/.."

# The whole script is one function, read completely before it runs: editing this file (or a git
# checkout) while a run is under way cannot change what the run executes.
main() {
root_dir=$PWD

SUITE=bookworm
MIRROR=${ROOM_AGENT_BOARD_MIRROR:-http://deb.debian.org/debian}
CACHE=${ROOM_AGENT_BOARD_CACHE:-$HOME/.cache/room-agent/board}
OUT=build/board-test
# What the board's root file system holds besides debootstrap's minbase: the Java runtime, the
# GStreamer plugins the agent's pipelines use (Debian packages them coarser than the Yocto
# recipe's RDEPENDS), libsystemd0 (already in minbase; the agent itself speaks sd_notify through
# libc), and the network tools the agent reads. Changing this list rebuilds the cached tree.
BOARD_PACKAGES=(openjdk-17-jre-headless libsystemd0 ca-certificates iproute2 procps
  libgstreamer1.0-0 gstreamer1.0-tools gstreamer1.0-plugins-base gstreamer1.0-plugins-good
  gstreamer1.0-plugins-bad gstreamer1.0-plugins-ugly gstreamer1.0-alsa)
HOST_PACKAGES=(qemu-user-static debootstrap binfmt-support zstd netcat-openbsd jq)
LAYER_FILES=yocto/meta-room-agent/recipes-room-agent/room-agent/files

ONLY_ROOTFS=false
if [ "${1:-}" = "--rootfs-only" ]; then ONLY_ROOTFS=true; fi

rootfs=$OUT/rootfs
mkdir -p "$OUT" "$CACHE"
report=$OUT/report.json
steps=()
failed=false
run_started=$(date +%s%N)

now_ns() { date +%s%N; }
seconds_since() { # start_ns -> seconds with 2 decimals
  local elapsed=$(($(now_ns) - $1))
  printf '%d.%02d' $((elapsed / 1000000000)) $(((elapsed % 1000000000) / 10000000))
}
json_text() { # a JSON string literal
  local text=${1//\\/\\\\}
  text=${text//\"/\\\"}
  text=${text//$'\n'/ }
  printf '"%s"' "$text"
}
json_or_null() { if [ -n "$1" ]; then json_text "$1"; else printf null; fi; }
number_or_null() { if [[ "$1" =~ ^[0-9]+(\.[0-9]+)?$ ]]; then printf '%s' "$1"; else printf null; fi; }
record() { # name outcome seconds detail
  steps+=("{\"name\": $(json_text "$1"), \"outcome\": $(json_text "$2"), \"seconds\": $3, \"detail\": $(json_text "$4")}")
  printf 'board-test: %-10s %-8s %6ss  %s\n' "$1" "$2" "$3" "$4"
  if [ "$2" = failed ]; then failed=true; fi
}

mounted=()
pids=()
cleanup() {
  local pid i
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do # the agent first, its notify socket and cloud after
    pid=${pids[$i]}
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid" 2>/dev/null || true
      for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -KILL "$pid" 2>/dev/null || true
    fi
  done
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
    umount -l "${mounted[$i]}" 2>/dev/null || true
  done
}
trap cleanup EXIT

unmount_under() { # every mount below $1, deepest first (a run that was killed may leave some)
  local dir
  dir=$(readlink -f "$1" 2>/dev/null) || return 0
  awk -v d="$dir/" 'index($2, d) == 1 {print $2}' /proc/mounts | sort -r | while read -r m; do umount -l "$m"; done
}

write_report() {
  local architecture=${board_arch:-unknown} status=passed
  if $failed; then status=failed; fi
  {
    printf '{\n  "test": "board-test",\n  "outcome": "%s",\n  "board": {"machine": "qemu-user aarch64 chroot", "distribution": "debian %s", "architecture": %s},\n' \
      "$status" "$SUITE" "$(json_text "$architecture")"
    printf '  "seconds": %s,\n  "coldStart": {"toControlSocketSeconds": %s, "toProvisionedSeconds": %s, "toDiscoveredSeconds": %s, "toRegisteredSeconds": %s},\n' \
      "$(seconds_since "$run_started")" "${to_socket:-null}" "${to_provisioned:-null}" "${to_discovered:-null}" "${to_registered:-null}"
    printf '  "meeting": {"node": %s, "transport": %s, "joinToMediaMs": %s, "timeToMediaMs": %s, "boardFramesDecoded": %s, "boardFramesPerSecond": %s, "peerFramesDecoded": %s, "peerFramesPerSecond": %s},\n' \
      "$(json_or_null "${meeting_node:-}")" "$(json_or_null "${meeting_transport:-}")" "$(number_or_null "${join_to_media_ms:-}")" \
      "$(number_or_null "${time_to_media_ms:-}")" "$(number_or_null "${board_frames:-}")" "$(number_or_null "${board_fps:-}")" \
      "$(number_or_null "${peer_frames:-}")" "$(number_or_null "${peer_fps:-}")"
    printf '  "steps": [\n'
    local i
    for ((i = 0; i < ${#steps[@]}; i++)); do
      if ((i + 1 < ${#steps[@]})); then printf '    %s,\n' "${steps[$i]}"; else printf '    %s\n' "${steps[$i]}"; fi
    done
    printf '  ]\n}\n'
  } >"$report.tmp"
  mv "$report.tmp" "$report"
}

fail_and_exit() { # name seconds detail
  record "$1" failed "$2" "$3"
  for name in "${remaining[@]}"; do
    [ "$name" = "$1" ] && continue
    record "$name" skipped 0 "not run: an earlier step failed"
  done
  write_report
  echo "board-test: FAILED at $1; report: $report, logs: $OUT/" >&2
  exit 1
}
remaining=(rootfs install cloud boot provision discover register meeting stream report stop)
done_step() { remaining=("${remaining[@]:1}"); }

# ---- 1. host tools
if [ "$(id -u)" -ne 0 ]; then
  echo "board-test: needs root (debootstrap, chroot and mounts); run it with sudo." >&2
  exit 1
fi
started=$(now_ns)
missing=()
for package in "${HOST_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "board-test: installing ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >"$OUT/apt.log" 2>&1 \
    || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >"$OUT/apt.log" 2>&1; } \
    || fail_and_exit host-tools "$(seconds_since "$started")" "apt-get install ${missing[*]} failed; see $OUT/apt.log"
fi
if [ ! -e /proc/sys/fs/binfmt_misc/register ]; then
  mount binfmt_misc -t binfmt_misc /proc/sys/fs/binfmt_misc
fi
update-binfmts --enable qemu-aarch64 >/dev/null 2>&1 || true
if ! grep -q '^enabled' /proc/sys/fs/binfmt_misc/qemu-aarch64 2>/dev/null; then
  fail_and_exit host-tools "$(seconds_since "$started")" \
    "the binfmt_misc handler for aarch64 is not enabled (update-binfmts --enable qemu-aarch64; a container needs --privileged)"
fi
record host-tools passed "$(seconds_since "$started")" "qemu-aarch64 $(qemu-aarch64-static --version | head -1 | grep -oE '[0-9]+\.[0-9]+\.[0-9]+' | head -1), binfmt_misc enabled"

# ---- 2. root file system (cached)
# debootstrap's own resolver does not handle virtual packages (dbus-session-bus, pulled in by the
# GStreamer plugins), so it lays down minbase only and apt installs the rest inside the chroot.
# Downloaded packages are kept in $CACHE/debs, the finished tree in a tarball keyed by the list.
started=$(now_ns)
key=$(printf '%s\n' "$SUITE" "$MIRROR" "${BOARD_PACKAGES[@]}" | sha256sum | cut -c1-16)
tarball=$CACHE/rootfs-$SUITE-arm64-$key.tar.zst
unmount_under "$rootfs"
rm -rf --one-file-system "$rootfs"
mkdir -p "$rootfs" "$CACHE/debs"
if [ -f "$tarball" ]; then
  tar --zstd -xpf "$tarball" -C "$rootfs"
  rootfs_detail="cached: $tarball"
else
  if ! debootstrap --arch=arm64 --variant=minbase --cache-dir="$(readlink -f "$CACHE/debs")" \
    "$SUITE" "$rootfs" "$MIRROR" >"$OUT/debootstrap.log" 2>&1; then
    fail_and_exit rootfs "$(seconds_since "$started")" "debootstrap failed; see $OUT/debootstrap.log"
  fi
  printf '#!/bin/sh\nexit 101\n' >"$rootfs/usr/sbin/policy-rc.d"
  chmod +x "$rootfs/usr/sbin/policy-rc.d"
  mkdir -p "$rootfs/var/cache/apt/archives"
  mount --bind "$CACHE/debs" "$rootfs/var/cache/apt/archives"
  mounted+=("$rootfs/var/cache/apt/archives")
  mount -t proc proc "$rootfs/proc"
  mounted+=("$rootfs/proc")
  if ! { chroot "$rootfs" apt-get update -q && DEBIAN_FRONTEND=noninteractive chroot "$rootfs" \
    apt-get install -y -q --no-install-recommends "${BOARD_PACKAGES[@]}"; } >"$OUT/apt-board.log" 2>&1; then
    fail_and_exit rootfs "$(seconds_since "$started")" "apt-get install in the arm64 chroot failed; see $OUT/apt-board.log"
  fi
  umount "$rootfs/proc" "$rootfs/var/cache/apt/archives"
  mounted=()
  rm -rf "$rootfs"/var/lib/apt/lists/*
  tar --zstd -cpf "$tarball.tmp" -C "$rootfs" .
  mv "$tarball.tmp" "$tarball"
  rootfs_detail="built with debootstrap and apt, cached: $tarball ($(du -h "$tarball" | cut -f1))"
fi
board_arch=$(chroot "$rootfs" uname -m)
java_version=$(chroot "$rootfs" java -version 2>&1 | head -1)
if [ "$board_arch" != aarch64 ]; then
  fail_and_exit rootfs "$(seconds_since "$started")" "the chroot runs $board_arch, not aarch64"
fi
record rootfs passed "$(seconds_since "$started")" "$rootfs_detail; uname -m: $board_arch; $java_version"
done_step
if $ONLY_ROOTFS; then write_report; exit 0; fi

# ---- 3. install: the jar, and the unit, launcher and configuration from the layer (one source)
started=$(now_ns)
agent_jar=$(ls device-agent/target/device-agent-*-all.jar 2>/dev/null | head -1)
emulator_jar=$(ls cloud-emulator/target/cloud-emulator-*-all.jar 2>/dev/null | head -1)
if [ -z "$agent_jar" ] || [ -z "$emulator_jar" ]; then
  fail_and_exit install "$(seconds_since "$started")" "the agent's or the emulator's jar is missing: run make build first"
fi
install -D -m 0644 "$agent_jar" "$rootfs/usr/share/room-agent/room-agent.jar"
install -D -m 0755 "$LAYER_FILES/room-agent" "$rootfs/usr/bin/room-agent"
install -D -m 0644 "$LAYER_FILES/room-agent.service" "$rootfs/lib/systemd/system/room-agent.service"
install -D -m 0644 "$LAYER_FILES/board.properties" "$rootfs/etc/room-agent/board.properties"
install -D -m 0640 "$LAYER_FILES/agent.properties" "$rootfs/etc/room-agent/agent.properties"
# What the recipe's useradd and the unit's StateDirectory= do on a real image.
chroot "$rootfs" useradd --system --user-group --groups video,audio --no-create-home \
  --home-dir /var/lib/room-agent --shell /usr/sbin/nologin room-agent
chroot "$rootfs" chgrp room-agent /etc/room-agent/agent.properties
install -d -m 0750 -o "$(chroot "$rootfs" id -u room-agent)" -g "$(chroot "$rootfs" id -g room-agent)" \
  "$rootfs/var/lib/room-agent"
mount -t proc proc "$rootfs/proc"; mounted+=("$rootfs/proc")
mount --rbind /sys "$rootfs/sys"; mounted+=("$rootfs/sys")
mount --rbind /dev "$rootfs/dev"; mounted+=("$rootfs/dev")
record install passed "$(seconds_since "$started")" \
  "$(basename "$agent_jar") as /usr/share/room-agent/room-agent.jar; room-agent.service, /usr/bin/room-agent and /etc/room-agent from $LAYER_FILES"
done_step

# ---- 4. cloud: the emulator on the host, loopback, ephemeral ports (the chroot shares the network)
started=$(now_ns)
emulator_state=$OUT/emulator
rm -rf "$emulator_state"
mkdir -p "$emulator_state"
java -jar "$emulator_jar" --config scripts/board-test-emulator.json --state-dir "$emulator_state" \
  --ready-file "$emulator_state/ready.json" >"$OUT/cloud-emulator.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 600); do [ -f "$emulator_state/ready.json" ] && break; sleep 0.1; done
if [ ! -f "$emulator_state/ready.json" ]; then
  fail_and_exit cloud "$(seconds_since "$started")" "the cloud emulator did not start within 60 s; see $OUT/cloud-emulator.log"
fi
signaling_uri=$(grep -o '"signalingUri" *: *"[^"]*"' "$emulator_state/ready.json" | sed 's/.*: *"\(.*\)"/\1/')
# The image's cloud settings for this test, the way a firmware team overrides a unit: a drop-in.
install -D -m 0644 "$emulator_state/ca.pem" "$rootfs/etc/room-agent/board-test-ca.pem"
install -d "$rootfs/etc/systemd/system/room-agent.service.d"
cat >"$rootfs/etc/systemd/system/room-agent.service.d/board-test.conf" <<DROPIN
[Service]
Environment=ROOM_AGENT_CLOUD_SIGNALING_URL=$signaling_uri
Environment=ROOM_AGENT_CLOUD_TRUST_ANCHORS=/etc/room-agent/board-test-ca.pem
Environment=ROOM_AGENT_DEVICE_SERIAL_NUMBER=BOARD-TEST-0001
DROPIN
# The far-end room of the meeting: a second agent on the host's JVM, with the board's profile (the
# board.* keys of the layer's board.properties: the emulated board, video capped at 320x240@15, so
# the board decodes what it could send) and its own configuration and state under $OUT/peer. It
# boots now, while the board boots; the meeting step activates it.
peer_dir=$root_dir/$OUT/peer
rm -rf "$peer_dir"
mkdir -p "$peer_dir/etc" "$peer_dir/state"
{
  grep '^board\.' "$LAYER_FILES/board.properties"
  echo "cloud.signalingUrl=$signaling_uri"
  echo "cloud.trustAnchors=$root_dir/$emulator_state/ca.pem"
  echo "device.serialNumber=BOARD-TEST-PEER"
} >"$peer_dir/etc/board.properties"
peer_options=(--config-dir "$peer_dir/etc" --state-dir "$peer_dir/state")
on_peer() { java -jar "$agent_jar" "$@" "${peer_options[@]}"; }
java -jar "$agent_jar" run "${peer_options[@]}" >"$OUT/peer-console.txt" 2>"$OUT/peer.log" &
peer_pid=$!
pids+=($peer_pid)
record cloud passed "$(seconds_since "$started")" \
  "cloud emulator at $signaling_uri, 3 media nodes (scripts/board-test-emulator.json); the peer room booting on the host's JVM"
done_step

# The unit's environment and command, read from the unit and its drop-ins, as systemd would.
unit_environment=(PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/var/lib/room-agent LANG=C.UTF-8)
for file in "$rootfs/lib/systemd/system/room-agent.service" "$rootfs"/etc/systemd/system/room-agent.service.d/*.conf; do
  while IFS= read -r line; do
    value=${line#Environment=}
    value=${value#\"}
    value=${value%\"}
    unit_environment+=("$value")
  done < <(grep '^Environment=' "$file")
done
read -r -a exec_start <<<"$(grep '^ExecStart=' "$rootfs/lib/systemd/system/room-agent.service" | head -1 | cut -d= -f2-)"
# As the unit's User= and Group=, with the user's supplementary groups (video, audio).
as_unit_user=(setpriv --reuid=room-agent --regid=room-agent --init-groups --)
on_board() { # a command inside the board, as the unit's user, with the unit's environment
  env -i "${unit_environment[@]}" chroot "$rootfs" "${as_unit_user[@]}" "$@"
}

# ---- 5. boot: the unit's ExecStart under QEMU; the control socket must come up
started=$(now_ns)
agent_started=$started
# systemd's side of Type=notify: a Unix datagram socket (netcat) the agent reaches as
# /run/room-agent-notify.sock, and WATCHDOG_USEC from the unit's WatchdogSec=.
notify_socket=$(readlink -f "$rootfs/run")/room-agent-notify.sock
rm -f "$notify_socket"
nc -lkUu "$notify_socket" >"$OUT/notify.txt" 2>"$OUT/notify.log" &
pids+=($!)
for _ in $(seq 1 100); do [ -S "$notify_socket" ] && break; sleep 0.1; done
chmod 0666 "$notify_socket"
watchdog_sec=$(grep '^WatchdogSec=' "$rootfs/lib/systemd/system/room-agent.service" | cut -d= -f2)
agent_environment=("${unit_environment[@]}" NOTIFY_SOCKET=/run/room-agent-notify.sock
  WATCHDOG_USEC=$((watchdog_sec * 1000000)))
notified() { grep -q "$1" "$OUT/notify.txt" 2>/dev/null; }
# exec all the way down (env, chroot, setpriv, the launcher): $! is the JVM, which gets SIGTERM.
(exec env -i "${agent_environment[@]}" chroot "$rootfs" "${as_unit_user[@]}" "${exec_start[@]}") \
  >"$OUT/agent-console.txt" 2>"$OUT/agent.log" &
agent_pid=$!
pids+=($agent_pid)
socket=$rootfs/var/lib/room-agent/control.sock
for _ in $(seq 1 3000); do
  [ -S "$socket" ] && break
  kill -0 "$agent_pid" 2>/dev/null || break
  sleep 0.1
done
if [ ! -S "$socket" ]; then
  fail_and_exit boot "$(seconds_since "$started")" "no control socket within 300 s (agent alive: $(kill -0 "$agent_pid" 2>/dev/null && echo yes || echo no)); see $OUT/agent.log"
fi
to_socket=$(seconds_since "$agent_started")
for _ in $(seq 1 600); do notified READY=1 && break; sleep 0.1; done
if ! notified READY=1; then
  fail_and_exit boot "$(seconds_since "$started")" "the control socket is up but no READY=1 reached NOTIFY_SOCKET within 60 s; see $OUT/agent.log"
fi
status=$(on_board room-agent status 2>&1) || true
if ! grep -qE '^State: +(unprovisioned|pairing|activating|provisioned)' <<<"$status"; then
  echo "$status" >"$OUT/status-at-boot.txt"
  fail_and_exit boot "$(seconds_since "$started")" "room-agent status did not answer; see $OUT/status-at-boot.txt"
fi
record boot passed "$(seconds_since "$started")" \
  "control socket and READY=1 after ${to_socket}s under qemu-aarch64; room-agent status: $(head -1 <<<"$status")"
done_step

# ---- 6. provision: an activation code from the cloud, typed on the board
started=$(now_ns)
code=$(java -jar "$emulator_jar" issue-code --ready-file "$emulator_state/ready.json" 2>>"$OUT/cloud-emulator.log" \
  | grep -oE '[0-9]{4}(-[0-9]{4}){3}' | head -1) || true
if [ -z "$code" ]; then
  fail_and_exit provision "$(seconds_since "$started")" "the emulator issued no code; see $OUT/cloud-emulator.log"
fi
if ! on_board room-agent activate "$code" >"$OUT/activate.txt" 2>&1; then
  fail_and_exit provision "$(seconds_since "$started")" "room-agent activate failed: $(tr '\n' ' ' <"$OUT/activate.txt")"
fi
to_provisioned=$(seconds_since "$agent_started")
device_id=$(grep -oE 'this device is [^ ]+' "$OUT/activate.txt" | awk '{print $4}')
record provision passed "$(seconds_since "$started")" "$(head -1 "$OUT/activate.txt")"
done_step

# ---- 7. discover: the provisioned agent probes the media nodes and reports to the cloud
started=$(now_ns)
ca=$emulator_state/ca.pem
reported=false
for _ in $(seq 1 300); do
  if curl -sSf --max-time 5 --cacert "$ca" "$signaling_uri/v1/devices/$device_id/discovery-reports/latest" \
    >"$OUT/stored-report.json" 2>/dev/null; then
    reported=true
    break
  fi
  kill -0 "$agent_pid" 2>/dev/null || break
  sleep 1
done
if ! $reported; then
  fail_and_exit discover "$(seconds_since "$started")" "no discovery report from $device_id within 300 s; see $OUT/agent.log"
fi
to_discovered=$(seconds_since "$agent_started")
results=$(grep -o '"nodeId"' "$OUT/stored-report.json" | wc -l)
record discover passed "$(seconds_since "$started")" "the cloud holds a report from $device_id with $results results"
done_step

# ---- 8. register: mutual TLS registration and the WebSocket event channel (docs/signaling.md)
started=$(now_ns)
registered=false
for _ in $(seq 1 300); do
  if on_board room-agent status >"$OUT/status-registration.txt" 2>&1 \
    && grep -qE '^Registration: registered as ' "$OUT/status-registration.txt"; then
    registered=true
    break
  fi
  kill -0 "$agent_pid" 2>/dev/null || break
  sleep 1
done
if ! $registered; then
  fail_and_exit register "$(seconds_since "$started")" \
    "the agent did not register within 300 s: $(grep -E '^Registration:' "$OUT/status-registration.txt" || echo 'no registration line'); see $OUT/agent.log"
fi
to_registered=$(seconds_since "$agent_started")
# Polling status costs a JVM start under emulation (seconds); the agent's own log times the step.
log_time() { date -d "$(grep -m1 -E "$1" "$OUT/agent.log" | cut -d' ' -f1 | sed 's/+0000$//')" +%s.%N 2>/dev/null; }
provisioned_at=$(log_time 'event=provisioned ') || true
registered_at=$(log_time 'event=signaling.registered ') || true
gap=unknown
if [ -n "$provisioned_at" ] && [ -n "$registered_at" ]; then
  gap=$(awk -v a="$provisioned_at" -v b="$registered_at" 'BEGIN { printf "%.2f", b - a }')
fi
record register passed "$(seconds_since "$started")" \
  "provisioned to event channel open in ${gap}s by the agent's log; $(grep -E '^Registration:' "$OUT/status-registration.txt" | cut -c15-)"
done_step

# ---- 9. meeting: the peer room and the board join one meeting; the board's media path comes up
# (docs/signaling.md, "Meetings"). The peer joins first and waits, so the board's join-to-media is
# its own: the cloud's assignment, the candidate race, DTLS-SRTP with the node, the first far-end
# SRTP packet, all under emulation.
started=$(now_ns)
meeting_id=board-test-meeting
for _ in $(seq 1 600); do
  [ -S "$peer_dir/state/control.sock" ] && break
  kill -0 "$peer_pid" 2>/dev/null || break
  sleep 0.1
done
if [ ! -S "$peer_dir/state/control.sock" ]; then
  fail_and_exit meeting "$(seconds_since "$started")" "the peer room's control socket did not come up within 60 s; see $OUT/peer.log"
fi
peer_code=$(java -jar "$emulator_jar" issue-code --ready-file "$emulator_state/ready.json" 2>>"$OUT/cloud-emulator.log" \
  | grep -oE '[0-9]{4}(-[0-9]{4}){3}' | head -1) || true
if [ -z "$peer_code" ] || ! on_peer activate "$peer_code" >"$OUT/peer-activate.txt" 2>&1; then
  fail_and_exit meeting "$(seconds_since "$started")" "the peer room's activation failed: $(tr '\n' ' ' <"$OUT/peer-activate.txt" 2>/dev/null)"
fi
peer_device=$(grep -oE 'this device is [^ ]+' "$OUT/peer-activate.txt" | awk '{print $4}')
peer_ready=false
for _ in $(seq 1 120); do # registered, and the cloud holds its discovery report (the node choice needs it)
  if on_peer status >"$OUT/peer-status.txt" 2>&1 && grep -qE '^Registration: registered as ' "$OUT/peer-status.txt" \
    && curl -sSf --max-time 5 --cacert "$ca" "$signaling_uri/v1/devices/$peer_device/discovery-reports/latest" >/dev/null 2>&1; then
    peer_ready=true
    break
  fi
  kill -0 "$peer_pid" 2>/dev/null || break
  sleep 0.5
done
if ! $peer_ready; then
  fail_and_exit meeting "$(seconds_since "$started")" "the peer room did not register and report its discovery within 60 s; see $OUT/peer.log"
fi
if ! on_peer meeting join "$meeting_id" >"$OUT/peer-meeting-join.txt" 2>&1; then
  fail_and_exit meeting "$(seconds_since "$started")" "room-agent meeting join on the peer failed: $(tr '\n' ' ' <"$OUT/peer-meeting-join.txt")"
fi
if ! on_board room-agent meeting join "$meeting_id" >"$OUT/meeting-join.txt" 2>&1; then
  fail_and_exit meeting "$(seconds_since "$started")" "room-agent meeting join on the board failed: $(tr '\n' ' ' <"$OUT/meeting-join.txt")"
fi
board_report() { # room-agent report on the board, copied to $OUT/$1
  on_board room-agent report --output /var/lib/room-agent/report.json >"$OUT/report-command.txt" 2>&1 \
    && cp "$rootfs/var/lib/room-agent/report.json" "$OUT/$1"
}
in_media=false
for _ in $(seq 1 60); do # each report is a JVM start under emulation: seconds
  if board_report agent-report-meeting.json \
    && [ "$(jq -r '.meeting.phase // empty' "$OUT/agent-report-meeting.json")" = in-media ] \
    && [ "$(jq -r '.meeting.joinToMediaMs // empty' "$OUT/agent-report-meeting.json")" != "" ]; then
    in_media=true
    break
  fi
  kill -0 "$agent_pid" 2>/dev/null || break
  if (($(now_ns) - started > 300000000000)); then break; fi
  sleep 1
done
if ! $in_media; then
  fail_and_exit meeting "$(seconds_since "$started")" \
    "the board's agent did not reach phase in-media within 300 s: meeting $(jq -c '.meeting' "$OUT/agent-report-meeting.json" 2>/dev/null || echo unknown); see $OUT/agent.log"
fi
board_media=$OUT/agent-report-meeting.json
meeting_node=$(jq -r '.media.node' "$board_media")
meeting_transport=$(jq -r '.media.transport' "$board_media")
join_to_media_ms=$(jq -r '.meeting.joinToMediaMs' "$board_media")
time_to_media_ms=$(jq -r '.media.timeToMediaMs' "$board_media")
record meeting passed "$(seconds_since "$started")" \
  "the board is in-media in $meeting_id on node $meeting_node over $meeting_transport ($(jq -r '.media.localAddress' "$board_media") to $(jq -r '.media.remoteAddress' "$board_media")); join to media ${join_to_media_ms} ms, of which the media path's start to the first far-end SRTP ${time_to_media_ms} ms (the agent's figures); the peer is $peer_device"
done_step

# ---- 10. stream: each room decodes the other's video; the board's GStreamer pipeline (x264enc,
# openh264dec: docs/av-pipeline.md) runs under QEMU. Two readings STREAM_WINDOW seconds apart give
# the rate at which each side decodes the other's 15 frames/s.
started=$(now_ns)
min_frames=30
frames() { jq -r '.media.videoFramesDecoded // 0' "$1" 2>/dev/null || echo 0; }
peer_report() { on_peer report --output "$OUT/$1" >"$OUT/peer-report-command.txt" 2>&1; }
streaming=false
for _ in $(seq 1 120); do
  if board_report agent-report-stream.json && peer_report peer-report-stream.json \
    && [ "$(frames "$OUT/agent-report-stream.json")" -gt $min_frames ] \
    && [ "$(frames "$OUT/peer-report-stream.json")" -gt $min_frames ]; then
    streaming=true
    break
  fi
  kill -0 "$agent_pid" 2>/dev/null || break
  if (($(now_ns) - started > 300000000000)); then break; fi
  sleep 1
done
if ! $streaming; then
  fail_and_exit stream "$(seconds_since "$started")" \
    "far-end video frames decoded within 300 s: board $(frames "$OUT/agent-report-stream.json"), peer $(frames "$OUT/peer-report-stream.json"), both must exceed $min_frames; see $OUT/agent.log and $OUT/peer.log"
fi
sleep "${STREAM_WINDOW:-10}"
board_report agent-report-stream-2.json || fail_and_exit stream "$(seconds_since "$started")" "room-agent report on the board failed: $(tr '\n' ' ' <"$OUT/report-command.txt")"
peer_report peer-report-stream-2.json || fail_and_exit stream "$(seconds_since "$started")" "room-agent report on the peer failed: $(tr '\n' ' ' <"$OUT/peer-report-command.txt")"
rate() { # first second: frames decoded per second between the two reports, by their generatedAt
  awk -v f1="$(frames "$1")" -v f2="$(frames "$2")" \
    -v t1="$(date -d "$(jq -r .generatedAt "$1")" +%s.%N)" -v t2="$(date -d "$(jq -r .generatedAt "$2")" +%s.%N)" \
    'BEGIN { if (t2 > t1) printf "%.1f", (f2 - f1) / (t2 - t1); else print "unknown" }'
}
board_frames=$(frames "$OUT/agent-report-stream-2.json")
peer_frames=$(frames "$OUT/peer-report-stream-2.json")
board_fps=$(rate "$OUT/agent-report-stream.json" "$OUT/agent-report-stream-2.json")
peer_fps=$(rate "$OUT/peer-report-stream.json" "$OUT/peer-report-stream-2.json")
record stream passed "$(seconds_since "$started")" \
  "far-end video frames decoded: the board $board_frames ($board_fps/s, $(jq -r '.media.videoFormat // "?"' "$OUT/agent-report-stream-2.json")), the peer $peer_frames ($peer_fps/s, $(jq -r '.media.videoFormat // "?"' "$OUT/peer-report-stream-2.json")); the board's encoder $(jq -r '.call.encoder // "?"' "$OUT/agent-report-stream-2.json")"
done_step

# ---- 11. report: room-agent report on the board (provisioning, registration, discovery, hal,
# call, meeting and media sections)
started=$(now_ns)
if ! on_board room-agent report --output /var/lib/room-agent/report.json >"$OUT/report-command.txt" 2>&1 \
  || ! grep -q "\"$device_id\"" "$rootfs/var/lib/room-agent/report.json"; then
  fail_and_exit report "$(seconds_since "$started")" "room-agent report failed: $(tr '\n' ' ' <"$OUT/report-command.txt")"
fi
cp "$rootfs/var/lib/room-agent/report.json" "$OUT/agent-report.json"
if ! notified WATCHDOG=1; then
  fail_and_exit report "$(seconds_since "$started")" "the agent never sent WATCHDOG=1 (WatchdogSec=$watchdog_sec); see $OUT/notify.txt"
fi
record report passed "$(seconds_since "$started")" \
  "room-agent report written on the board: $OUT/agent-report.json; $(grep -o 'WATCHDOG=1' "$OUT/notify.txt" | wc -l) WATCHDOG=1 so far"
done_step

# ---- 12. stop: SIGTERM, as systemctl stop sends; the unit counts exit 143 as success
started=$(now_ns)
kill -TERM "$agent_pid"
exit_status=timeout
for _ in $(seq 1 600); do
  if ! kill -0 "$agent_pid" 2>/dev/null; then
    wait "$agent_pid" && exit_status=0 || exit_status=$?
    break
  fi
  sleep 0.1
done
if [ "$exit_status" != 143 ] && [ "$exit_status" != 0 ]; then
  fail_and_exit stop "$(seconds_since "$started")" "the agent's exit status after SIGTERM was $exit_status, not 143"
fi
for _ in $(seq 1 50); do notified STOPPING=1 && break; sleep 0.1; done
if ! notified STOPPING=1; then
  fail_and_exit stop "$(seconds_since "$started")" "no STOPPING=1 reached NOTIFY_SOCKET; see $OUT/notify.txt"
fi
record stop passed "$(seconds_since "$started")" "STOPPING=1, then exit status $exit_status after SIGTERM"
done_step

write_report
echo "board-test: passed on $board_arch; report: $report"
}

main "$@"
