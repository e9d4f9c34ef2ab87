#!/usr/bin/env bash
# Installs the Debian packages the build, the tests and the demo need, when they are missing.
# Idempotent and quiet when everything is already there; runs apt-get update at most once.
set -euo pipefail

# What each package is for:
#   openjdk-17-jdk-headless, maven  build the agent (Java 17, Maven 3.8.7+)
#   coturn                          a real STUN server, started by tests on loopback
#   tinyproxy                       a real HTTP proxy (CONNECT, Basic auth), started by tests on loopback
#   squid, openssl                  the enterprise HTTP proxy (CONNECT, Basic auth with basic_ncsa_auth
#                                   over an htpasswd file hashed by `openssl passwd -apr1`), same
#   iproute2, procps                network state the agent reads; process control in scripts
#   systemd                         systemd-analyze verify on the Yocto layer's unit (YoctoLayerTest)
#   nftables, jq, python3           the network lab (lab/lab.sh): firewall profiles, reading the
#                                   agent's JSON reports, a STUN test client (squid serves it too)
#   conntrack                       the lab's firewall forgets its UDP flows mid-meeting (scenario 7)
#                                   and shows the media flow's pinhole (scenario 8)
#   gstreamer1.0-*                  the camera on the emulated board (a GStreamer source) and the
#                                   media pipeline: base (videoconvert, opus), good (rtp, png),
#                                   bad (srtpenc/srtpdec), ugly (x264enc)
#   gstreamer1.0-alsa               alsasrc/alsasink: a real board's microphone and speaker in a call
PACKAGES=(openjdk-17-jdk-headless maven coturn tinyproxy squid openssl iproute2 procps ca-certificates curl
  nftables jq python3 conntrack systemd
  gstreamer1.0-tools gstreamer1.0-plugins-base gstreamer1.0-plugins-good
  gstreamer1.0-plugins-bad gstreamer1.0-plugins-ugly gstreamer1.0-alsa)

missing=()
for package in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO=(sudo -n)
  else
    echo "install-deps: missing Debian packages: ${missing[*]}" >&2
    echo "install-deps: run as root (or install them with apt-get) and try again." >&2
    exit 1
  fi
else
  SUDO=()
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: done"
