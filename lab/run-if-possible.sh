#!/usr/bin/env bash
# `make test`'s hook: runs the network lab when this machine can (root, network namespaces,
# nftables, tc, jq), and otherwise says plainly why it is skipped. `make lab` runs lab/lab.sh
# directly and fails when the lab cannot run.
set -euo pipefail
cd "$(dirname "$0")/.."
reason=""
if [ "$(id -u)" -ne 0 ]; then
  reason="not root (the lab creates network namespaces and nftables tables; run 'sudo make lab')"
else
  for tool in ip nft tc jq python3; do
    if ! command -v "$tool" >/dev/null 2>&1; then
      reason="'$tool' is missing (scripts/install-deps.sh installs it)"
      break
    fi
  done
  if [ -z "$reason" ]; then
    probe="ra-probe-$$"
    if ip netns add "$probe" 2>/dev/null; then
      ip netns delete "$probe"
    else
      reason="network namespaces are not available here (ip netns add failed)"
    fi
  fi
fi
if [ -n "$reason" ]; then
  echo "lab skipped: $reason"
  exit 0
fi
exec lab/lab.sh
