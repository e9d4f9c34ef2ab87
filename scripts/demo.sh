#!/usr/bin/env bash
# The demo, end to end on loopback:
#   1. the cloud emulator starts (signaling over HTTPS, an activation service, six media nodes
#      answering STUN on UDP 5004, TCP 5004, TLS 443 and UDP 33434);
#   2. the agent boots on the emulated board with no identity: it shows a pairing QR code and a
#      short code (console and target/demo/state/display/);
#   3. an administrator issues an activation code; the installer types it (room-agent activate,
#      over the agent's local control socket); the agent enrolls (key generated on the device, CSR,
#      certificate) and stores its identity atomically;
#   4. the provisioned agent registers over mutual TLS and opens its WebSocket event channel; the
#      cloud pushes a welcome event, which the agent logs and acknowledges (docs/signaling.md);
#   5. the agent discovers every media node over every transport and reports to the cloud (over
#      the event channel and over HTTPS), which stores it;
#   6. the emulated board: room-agent hal shows it, the demo presses its mute button once over the
#      control socket (room-agent board press-mute) and room-agent hal shows the microphone muted;
#   7. the cloud emulator stored the agent's reports;
#   8. a second room boots and is activated the same way;
#   9. both rooms join one meeting (room-agent meeting join): the cloud assigns the node both
#      reached, each agent races its candidates, keys DTLS-SRTP with the node and streams encoded
#      test video and audio (H.264, Opus) through the node's SRTP relay; each side decodes the other's.
# Leaves target/demo/report.json and report-room-b.json (sections: provisioning, registration,
# discovery, hal, call, meeting, media) and the logs in target/demo/.
set -euo pipefail
cd "$(dirname "$0")/.."

out=target/demo
rm -rf "$out"
mkdir -p "$out/etc" "$out/state" "$out/etc-b" "$out/state-b" "$out/emulator"

pids=()
stop_all() {
  for pid in "${pids[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid"
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -KILL "$pid" 2>/dev/null || true
    fi
  done
}
trap stop_all EXIT

wait_for() { # seconds, description, command...
  local seconds=$1 what=$2
  shift 2
  for _ in $(seq 1 $((seconds * 10))); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.1
  done
  echo "demo: $what did not happen within $seconds s; logs are in $out/" >&2
  exit 1
}

echo "== 1. The cloud emulator starts on loopback"
bin/cloud-emulator --state-dir "$out/emulator" --ready-file "$out/emulator/ready.json" \
  >"$out/cloud-emulator.log" 2>&1 &
pids+=($!)
wait_for 30 "the cloud emulator's start" test -f "$out/emulator/ready.json"
grep -E "emulator.started|node.transport" "$out/cloud-emulator.log" | sed 's/^.* - /   emulator | /' | head -30
signaling_uri=$(grep -o '"signalingUri" *: *"[^"]*"' "$out/emulator/ready.json" | sed 's/.*: *"\(.*\)"/\1/')
ca_certificate=$(grep -o '"caCertificate" *: *"[^"]*"' "$out/emulator/ready.json" | sed 's/.*: *"\(.*\)"/\1/')

# The firmware image's defaults: where the cloud is and which CA it trusts. They sit in the board
# layer, below what provisioning writes, so the organization's settings take over once provisioned.
cat >"$out/etc/board.properties" <<PROPERTIES
cloud.signalingUrl=$signaling_uri
cloud.trustAnchors=$PWD/$out/emulator/ca.pem
device.serialNumber=DEMO-0001
PROPERTIES
agent=(--config-dir "$out/etc" --state-dir "$out/state")

echo
echo "== 2. The agent boots unprovisioned and shows what an installer sees on the room display"
started=$(date +%s%N)
bin/room-agent run "${agent[@]}" >"$out/agent-console.txt" 2>"$out/agent.log" &
pids+=($!)
wait_for 30 "the agent's control socket" test -S "$out/state/control.sock"
wait_for 30 "the pairing QR code on the display" test -f "$out/state/display/pairing.png"
sleep 0.5
cat "$out/agent-console.txt"
echo "   (the same QR code as an image: $out/state/display/pairing.png)"
bin/room-agent status "${agent[@]}" | sed 's/^/   status | /'

echo
echo "== 3. An administrator issues an activation code; the installer types it"
code=$(bin/cloud-emulator issue-code --state-dir "$out/emulator" 2>/dev/null | grep -oE '[0-9]{4}(-[0-9]{4}){3}' | head -1)
echo "   cloud-emulator issue-code -> $code"
echo "   room-agent activate $code"
bin/room-agent activate "$code" "${agent[@]}" | sed 's/^/   /'
provisioned=$(date +%s%N)
echo "   provisioned $(( (provisioned - started) / 1000000 )) ms after boot (the code was typed at once)"
echo "   identity stored: $(ls "$out/state/identity/" | tr "\n" " ")"

echo
echo "== 4. The provisioned agent registers with the cloud and opens its event channel"
is_registered() { bin/room-agent status "${agent[@]}" | grep -q "^Registration: registered"; }
wait_for 60 "the registration" is_registered
bin/room-agent status "${agent[@]}" | grep "^Registration:" | sed 's/^/   status | /'
demo_device=$(bin/room-agent status --json "${agent[@]}" | grep -o '"deviceId":"[^"]*"' | head -1 | sed 's/.*:"\(.*\)"/\1/')
echo "   the cloud pushes an event to $demo_device over the channel:"
curl -sS --cacert "$ca_certificate" -H "Authorization: Bearer $(cat "$out/emulator/admin-token")" \
  -H "Content-Type: application/json" \
  -d '{"event":"demo.welcome","body":{"text":"Welcome to the room, from the cloud emulator"}}' \
  "$signaling_uri/v1/admin/devices/$demo_device/events" | sed 's/^/   cloud | /'
echo
has_event() { grep -q "event=signaling.event " "$out/agent.log"; }
wait_for 30 "the agent's receipt of the event" has_event
grep -E "event=signaling\.(registration-created|registered|event) " "$out/agent.log" | sed 's/^.* - /   agent | /'
grep -E "registration.created|channel.attached|event.pushed" "$out/cloud-emulator.log" | sed 's/^.* - /   emulator | /'

echo
echo "== 5. The provisioned agent discovers the media nodes and reports to the cloud"
has_discovery() { bin/room-agent status "${agent[@]}" | grep -q "^Discovery: .*reachable"; }
wait_for 60 "the first discovery" has_discovery
bin/room-agent status "${agent[@]}" | sed 's/^/   status | /'

echo
echo "   The same probe, as the table an administrator reads (room-agent discover):"
bin/room-agent discover "${agent[@]}" | sed 's/^/   /'

echo
echo "== 6. The room's hardware: the emulated board, and one press of its mute button"
bin/room-agent hal "${agent[@]}" | sed 's/^/   hal | /'
echo
echo "   room-agent board press-mute   (a person presses the button; CI does it over the control socket)"
bin/room-agent board press-mute "${agent[@]}" | sed 's/^/   /'
echo
echo "   After the press:"
bin/room-agent hal "${agent[@]}" | grep -E "^(microphone|agent state):|mute (button|LED)" | sed 's/^/   hal | /'
grep -E "event=hal-microphone|event=emulated-board-driven" "$out/agent.log" | sed 's/^.* - /   agent | /'

bin/room-agent report "${agent[@]}" --output "$out/report.json"
device_id=$(grep -o '"deviceId" *: *"[^"]*"' "$out/report.json" | head -1 | sed 's/.*: *"\(.*\)"/\1/')

echo
echo "== 7. The cloud emulator stored the agent's reports"
stored=$(curl -sS --cacert "$ca_certificate" "$signaling_uri/v1/devices/$device_id/discovery-reports/latest")
echo "   $(grep -o '"nodeId"' <<<"$stored" | wc -l) results stored for $device_id"

echo
echo "== 8. A second room boots and is activated the same way"
cat >"$out/etc-b/board.properties" <<PROPERTIES
cloud.signalingUrl=$signaling_uri
cloud.trustAnchors=$PWD/$out/emulator/ca.pem
device.serialNumber=DEMO-0002
PROPERTIES
room_b=(--config-dir "$out/etc-b" --state-dir "$out/state-b")
bin/room-agent run "${room_b[@]}" >"$out/agent-b-console.txt" 2>"$out/agent-b.log" &
pids+=($!)
wait_for 30 "room b's control socket" test -S "$out/state-b/control.sock"
wait_for 30 "room b's pairing screen" test -f "$out/state-b/display/pairing.png"
code_b=$(bin/cloud-emulator issue-code --state-dir "$out/emulator" 2>/dev/null | grep -oE '[0-9]{4}(-[0-9]{4}){3}' | head -1)
echo "   room-agent activate $code_b   (room b)"
bin/room-agent activate "$code_b" "${room_b[@]}" | sed 's/^/   /'
is_registered_b() { bin/room-agent status "${room_b[@]}" | grep -q "^Registration: registered"; }
wait_for 60 "room b's registration" is_registered_b
has_discovery_b() { bin/room-agent status "${room_b[@]}" | grep -q "^Discovery: .*reachable"; }
wait_for 60 "room b's first discovery" has_discovery_b
bin/room-agent status "${room_b[@]}" | grep -E "^(Registration|Discovery|Best path):" | sed 's/^/   room b | /'

echo
echo "== 9. Both rooms join one meeting; media flows both ways through the node the cloud assigned"
echo "   room-agent mute off   (room a unmutes, so room b hears its test tone)"
bin/room-agent mute off "${agent[@]}" | sed 's/^/   /'
echo "   room-agent meeting join demo-meeting   (room a)"
bin/room-agent meeting join demo-meeting "${agent[@]}" | sed 's/^/   /'
bin/room-agent status "${agent[@]}" | grep "^Meeting:" | sed 's/^/   room a | /'
echo "   room-agent meeting join demo-meeting   (room b)"
bin/room-agent meeting join demo-meeting "${room_b[@]}" | sed 's/^/   /'
frames_decoded() { # agent options...: far-end video frames decoded so far
  bin/room-agent report "$@" | jq -r '.media.videoFramesDecoded // 0'
}
both_decode() { [ "$(frames_decoded "${agent[@]}")" -gt 30 ] && [ "$(frames_decoded "${room_b[@]}")" -gt 30 ]; }
wait_for 60 "video decoded on both sides" both_decode
sleep 2
for room in a b; do
  if [ "$room" = a ]; then options=("${agent[@]}"); else options=("${room_b[@]}"); fi
  bin/room-agent status "${options[@]}" | grep -E "^(Meeting|Call|Media path):|^ +(video|audio) " | sed "s/^/   room $room | /"
done
grep -E "event=meeting_(joined|assigned)" "$out/cloud-emulator.log" | sed 's/^.* - /   emulator | /'
grep -E "event=(meeting-assigned|media-path-up|media-path-first-media|meeting-media) " "$out/agent.log" | sed 's/^.* - /   room a | /'

bin/room-agent report "${agent[@]}" --output "$out/report.json"
bin/room-agent report "${room_b[@]}" --output "$out/report-room-b.json"
echo
echo "Reports (provisioning, registration, discovery, hal, call, meeting and media sections): $out/report.json, $out/report-room-b.json"
grep -E '"(registrationId|eventChannelUrl|lastEventSeq)"' "$out/report.json" | head -3 | sed 's/^ */   report | /'
grep -E '"(board|microphoneMuted|agentState)"' "$out/report.json" | head -3 | sed 's/^ */   report | /'
for file in report.json report-room-b.json; do
  jq -c '.media | {node, transport, timeToMediaMs, joinToMediaMs, videoFramesDecoded, audioLevelDb, videoFormat}' "$out/$file" \
    | sed "s/^/   $file media | /"
done
