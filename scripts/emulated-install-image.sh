#!/bin/sh
# The emulated board's installer hook (upgrade.installCommand, docs/cloud-services.md): the agent
# runs it with the path of a downloaded image whose signed manifest, size and SHA-256 it has
# verified, and ROOM_AGENT_UPGRADE_VERSION set. A real board writes the image to its inactive
# partition here; the emulated one records the install, one line per image, in installs.log
# beside the image (or in $ROOM_AGENT_INSTALL_LOG). The agent deletes the image afterwards.
set -eu
image="${1:?usage: emulated-install-image.sh IMAGE}"
version="${ROOM_AGENT_UPGRADE_VERSION:?ROOM_AGENT_UPGRADE_VERSION is not set}"
dir=$(dirname "$image")
log="${ROOM_AGENT_INSTALL_LOG:-$dir/installs.log}"
digest=$(sha256sum "$image" | cut -d' ' -f1)
printf 'installed version=%s sha256=%s bytes=%s\n' "$version" "$digest" "$(wc -c < "$image" | tr -d ' ')" >> "$log"
echo "emulated installer: version $version recorded in $log"
