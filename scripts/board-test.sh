#!/usr/bin/env bash
# make board-test: the agent on an emulated arm64 board, end to end, for firmware CI.
#
#   1. host-tools  qemu-user-static, debootstrap, binfmt-support; the aarch64 binfmt_misc handler
#   2. rootfs      a Debian bookworm arm64 root file system with a Java runtime and the GStreamer
#                  plugins, built once with debootstrap and cached as a tarball keyed by its package
#                  list ($ROOM_AGENT_BOARD_CACHE, default ~/.cache/room-agent/board)
#   3. install     the agent jar, and the systemd unit and configuration from the Yocto layer
#                  (yocto/meta-room-agent/recipes-room-agent/room-agent/files: one source)
#   4. boot        the unit's ExecStart, run under QEMU user-mode emulation in a chroot; the agent
#                  must open its control socket and say READY=1 to the notify socket
#   5. provision   the cloud emulator (on the host, loopback: the chroot shares the network
#                  namespace) issues an activation code; room-agent activate, inside the chroot
#   6. discover    the agent probes every media node of the emulator
#   7. register, meeting, stream   skipped: not implemented yet
#   8. report      room-agent report, then the emulator must hold the agent's discovery report
#
# Writes build/board-test/report.json: every step's outcome (passed, failed, skipped) and seconds,
# the architecture the agent ran on, and the cold start to "provisioned" and "discovered".
# Needs root (debootstrap, chroot, mounts). Exit status 0 only when no step failed.
set -euo pipefail
cd "$(dirname "$0")/.."
root_dir=$PWD

SUITE=bookworm
MIRROR=${ROOM_AGENT_BOARD_MIRROR:-http://deb.debian.org/debian}
CACHE=${ROOM_AGENT_BOARD_CACHE:-$HOME/.cache/room-agent/board}
OUT=build/board-test
# What the board's root file system holds besides debootstrap's minbase: the Java runtime, the
# GStreamer plugins the agent's pipelines use (the same set the Yocto recipe's RDEPENDS name),
# libsystemd for sd_notify, and the network tools the agent reads.
BOARD_PACKAGES=(openjdk-17-jre-headless libsystemd0 ca-certificates iproute2 procps
  gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-plugins-bad
  gstreamer1.0-plugins-ugly)
HOST_PACKAGES=(qemu-user-static debootstrap binfmt-support zstd)
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
record() { # name outcome seconds detail
  steps+=("{\"name\": $(json_text "$1"), \"outcome\": $(json_text "$2"), \"seconds\": $3, \"detail\": $(json_text "$4")}")
  printf 'board-test: %-10s %-8s %6ss  %s\n' "$1" "$2" "$3" "$4"
  if [ "$2" = failed ]; then failed=true; fi
}

mounted=()
pids=()
cleanup() {
  for pid in "${pids[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid" 2>/dev/null || true
      for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -KILL "$pid" 2>/dev/null || true
    fi
  done
  local i
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
    umount -l "${mounted[$i]}" 2>/dev/null || true
  done
}
trap cleanup EXIT

write_report() {
  local architecture=${board_arch:-unknown} status=passed
  if $failed; then status=failed; fi
  {
    printf '{\n  "test": "board-test",\n  "outcome": "%s",\n  "board": {"machine": "qemu-user aarch64 chroot", "distribution": "debian %s", "architecture": %s},\n' \
      "$status" "$SUITE" "$(json_text "$architecture")"
    printf '  "seconds": %s,\n  "coldStart": {"toControlSocketSeconds": %s, "toProvisionedSeconds": %s, "toDiscoveredSeconds": %s},\n' \
      "$(seconds_since "$run_started")" "${to_socket:-null}" "${to_provisioned:-null}" "${to_discovered:-null}"
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
    record "$name" skipped 0 "not run: an earlier step failed"
  done
  write_report
  echo "board-test: FAILED at $1; report: $report, logs: $OUT/" >&2
  exit 1
}
remaining=(rootfs install boot provision discover register meeting stream report)
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
started=$(now_ns)
key=$(printf '%s\n' "$SUITE" "$MIRROR" "${BOARD_PACKAGES[@]}" | sha256sum | cut -c1-16)
tarball=$CACHE/rootfs-$SUITE-arm64-$key.tar.zst
rm -rf "$rootfs"
mkdir -p "$rootfs"
if [ -f "$tarball" ]; then
  tar --zstd -xpf "$tarball" -C "$rootfs"
  rootfs_detail="cached: $tarball"
else
  include=$(IFS=,; echo "${BOARD_PACKAGES[*]}")
  if ! debootstrap --arch=arm64 --variant=minbase --include="$include" "$SUITE" "$rootfs" "$MIRROR" \
    >"$OUT/debootstrap.log" 2>&1; then
    fail_and_exit rootfs "$(seconds_since "$started")" "debootstrap failed; see $OUT/debootstrap.log"
  fi
  chroot "$rootfs" apt-get clean
  tar --zstd -cpf "$tarball.tmp" -C "$rootfs" .
  mv "$tarball.tmp" "$tarball"
  rootfs_detail="built with debootstrap and cached: $tarball ($(du -sh "$tarball" | cut -f1))"
fi
board_arch=$(chroot "$rootfs" uname -m)
java_version=$(chroot "$rootfs" java -version 2>&1 | head -1)
if [ "$board_arch" != aarch64 ]; then
  fail_and_exit rootfs "$(seconds_since "$started")" "the chroot runs $board_arch, not aarch64"
fi
record rootfs passed "$(seconds_since "$started")" "$rootfs_detail; uname -m: $board_arch; $java_version"
done_step
if $ONLY_ROOTFS; then write_report; exit 0; fi
