#!/usr/bin/env bash
# make soak: a meeting between two media sessions (720p30 video and Opus audio both ways, SRTP,
# through the in-memory channel) for SOAK_MINUTES (default 30), sampling resident memory, heap
# and CPU time every minute into target/soak/soak.json; fails if resident memory grows by more
# than SOAK_RSS_LIMIT_MIB (default 48) after the warm-up (SOAK_WARMUP_MINUTES, default 5).
# A short run: SOAK_MINUTES=2 make soak. See docs/av-pipeline.md ("Soak") and docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."

export SOAK_MINUTES="${SOAK_MINUTES:-30}"
export SOAK_OUTPUT="${SOAK_OUTPUT:-$PWD/target/soak/soak.json}"
mkdir -p "$(dirname "$SOAK_OUTPUT")"
echo "soak: ${SOAK_MINUTES} min, results in ${SOAK_OUTPUT}"

# -am builds the parent pom too; the heap is capped so that a growing heap cannot hide as RSS.
mvn -B -q -Dstyle.color=never -pl av-pipeline -am test \
    -Dtest=MediaSoakTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dsoak.excludedGroups=nothing -DargLine=-Xmx256m -Dspotless.check.skip=true
