#!/usr/bin/env bash
# Installs the Debian packages the build, the tests and the demo need, when they are missing.
# Idempotent and quiet when everything is already there; runs apt-get update at most once.
set -euo pipefail

# What each package is for:
#   openjdk-17-jdk-headless, maven  build the agent (Java 17, Maven 3.8.7+)
#   coturn                          a real STUN server, started by tests on loopback
#   tinyproxy                       a real HTTP proxy (CONNECT, Basic auth), started by tests on loopback
#   iproute2, procps                network state the agent reads; process control in scripts
#   systemd                         systemd-analyze verify on the Yocto layer's unit (YoctoLayerTest)
#   gstreamer1.0-*                  the camera on the emulated board (a GStreamer source) and the
#                                   media pipeline: base (videoconvert, opus), good (rtp, png),
#                                   bad (srtpenc/srtpdec), ugly (x264enc)
PACKAGES=(openjdk-17-jdk-headless maven coturn tinyproxy iproute2 procps ca-certificates curl systemd
  gstreamer1.0-tools gstreamer1.0-plugins-base gstreamer1.0-plugins-good
  gstreamer1.0-plugins-bad gstreamer1.0-plugins-ugly)

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
