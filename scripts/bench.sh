#!/usr/bin/env bash
# The project's benchmarks: JMH for the STUN codec, and the wall time of a 20-node discovery
# against the cloud emulator on loopback: every node answering, then 4 of the 20 dropping UDP (so
# the probe is bounded by the silent UDP path's timeout). Figures go to target/bench/; record them in docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."

out=target/bench
rm -rf "$out"
mkdir -p "$out/emulator" "$out/etc" "$out/state"

echo "== JMH: STUN codec"
java -jar benchmarks/target/benchmarks-0.1.0-SNAPSHOT-all.jar StunCodec -f 1 -wi 3 -i 5 -w 1s -r 2s \
  -rf json -rff "$out/jmh-stun.json" | grep -E "^Benchmark|StunCodecBenchmark"

echo
echo "== JMH: media channel per-packet cost, time to a STUN-proven media path (docs/media-path.md)"
java -jar benchmarks/target/benchmarks-0.1.0-SNAPSHOT-all.jar MediaChannel -f 1 -wi 2 -i 3 -w 1s -r 2s \
  -rf json -rff "$out/jmh-media-channel.json" | grep -E "^Benchmark|MediaChannelBenchmark"
java -jar benchmarks/target/benchmarks-0.1.0-SNAPSHOT-all.jar TimeToMedia -f 1 -wi 1 -i 3 -w 2s -r 3s \
  -rf json -rff "$out/jmh-time-to-media.json" | grep -E "^Benchmark|TimeToMediaBenchmark"

emulator_pid=""
stop_emulator() {
  if [ -n "$emulator_pid" ] && kill -0 "$emulator_pid" 2>/dev/null; then
    kill -TERM "$emulator_pid"
    for _ in $(seq 1 50); do kill -0 "$emulator_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$emulator_pid" 2>/dev/null || true
  fi
}
trap stop_emulator EXIT

run_scenario() {
  local name=$1 config=$2
  echo
  echo "== 20-node discovery: $name (default probe settings)"
  rm -rf "$out/emulator" && mkdir -p "$out/emulator"
  bin/cloud-emulator --config "$config" --state-dir "$out/emulator" \
    --ready-file "$out/emulator/ready.json" >"$out/cloud-emulator-$name.log" 2>&1 &
  emulator_pid=$!
  for _ in $(seq 1 300); do
    [ -f "$out/emulator/ready.json" ] && break
    kill -0 "$emulator_pid" 2>/dev/null || { cat "$out/cloud-emulator-$name.log" >&2; exit 1; }
    sleep 0.1
  done
  local signaling_uri ca_certificate
  signaling_uri=$(grep -o '"signalingUri" *: *"[^"]*"' "$out/emulator/ready.json" | sed 's/.*: *"\(.*\)"/\1/')
  ca_certificate=$(grep -o '"caCertificate" *: *"[^"]*"' "$out/emulator/ready.json" | sed 's/.*: *"\(.*\)"/\1/')
  for run in 1 2 3; do
    local report="$out/report-$name-$run.json" start end probe_ms reachable
    start=$(date +%s%N)
    bin/room-agent discover --config-dir "$out/etc" --state-dir "$out/state" \
      --set "cloud.signalingUrl=$signaling_uri" --set "cloud.trustAnchors=$ca_certificate" \
      --set device.id=bench-room --json --output "$report" >/dev/null || true
    end=$(date +%s%N)
    probe_ms=$(grep -o '"durationMillis" *: *[0-9]*' "$report" | grep -o '[0-9]*$')
    reachable=$(grep -c '"reachable" *: *true' "$report" || true)
    echo "run $run: probe ${probe_ms} ms (report), command $(( (end - start) / 1000000 )) ms wall, ${reachable}/80 pairs reachable"
  done
  stop_emulator
}

run_scenario open benchmarks/scenarios/twenty-nodes-open.json
run_scenario udp-dropped benchmarks/scenarios/twenty-nodes.json
echo "figures: $out/"
