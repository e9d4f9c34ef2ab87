#!/usr/bin/env bash
# The demo: the cloud emulator on loopback with several media nodes (its embedded default
# configuration), and the agent discovering them over UDP, TCP, TLS and the last-resort port.
# Leaves the report at target/demo/report.json and the emulator's log at target/demo/cloud-emulator.log.
set -euo pipefail
cd "$(dirname "$0")/.."

out=target/demo
rm -rf "$out"
mkdir -p "$out/etc" "$out/state" "$out/emulator"

emulator_pid=""
stop_emulator() {
  if [ -n "$emulator_pid" ] && kill -0 "$emulator_pid" 2>/dev/null; then
    kill -TERM "$emulator_pid"
    for _ in $(seq 1 50); do kill -0 "$emulator_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$emulator_pid" 2>/dev/null || true
  fi
}
trap stop_emulator EXIT

echo "== 1. The cloud emulator starts on loopback (signaling over HTTPS, media nodes answering STUN)"
bin/cloud-emulator --state-dir "$out/emulator" --ready-file "$out/emulator/ready.json" \
  >"$out/cloud-emulator.log" 2>&1 &
emulator_pid=$!
for _ in $(seq 1 300); do
  [ -f "$out/emulator/ready.json" ] && break
  if ! kill -0 "$emulator_pid" 2>/dev/null; then
    echo "demo: the cloud emulator stopped during start-up; its log:" >&2
    cat "$out/cloud-emulator.log" >&2
    exit 1
  fi
  sleep 0.1
done
if [ ! -f "$out/emulator/ready.json" ]; then
  echo "demo: the cloud emulator was not ready after 30 s; see $out/cloud-emulator.log" >&2
  exit 1
fi
grep -E "listening|node" "$out/cloud-emulator.log" | sed 's/^/   emulator | /' | head -40

signaling_uri=$(grep -o '"signalingUri" *: *"[^"]*"' "$out/emulator/ready.json" | sed 's/.*: *"\(.*\)"/\1/')
ca_certificate=$(grep -o '"caCertificate" *: *"[^"]*"' "$out/emulator/ready.json" | sed 's/.*: *"\(.*\)"/\1/')

echo
echo "== 2. The agent fetches the node list from $signaling_uri and probes every node over every transport"
bin/room-agent discover --config-dir "$out/etc" --state-dir "$out/state" \
  --set "cloud.signalingUrl=$signaling_uri" --set "cloud.trustAnchors=$ca_certificate" \
  --set device.id=demo-room-1 \
  --output "$out/report.json"

echo
echo "== 3. The cloud emulator stored the report (GET /v1/devices/demo-room-1/discovery-reports/latest)"
stored=$(curl -sS --cacert "$ca_certificate" "$signaling_uri/v1/devices/demo-room-1/discovery-reports/latest")
echo "   $(grep -o '"nodeId"' <<<"$stored" | wc -l) results stored for demo-room-1"

echo
echo "JSON report: $out/report.json"
