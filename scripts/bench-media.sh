#!/usr/bin/env bash
# The whole-flow media benchmark (docs/benchmarks.md, "time to media and failover gap in the
# agent"; `make bench-media`): the cloud emulator in-process, two emulated rooms with real GStreamer
# pipelines joining one meeting on a loopback media node through the agent's MediaPath, default
# media.* settings. Measures time to media per transport (UDP alone, TCP alone, TLS alone), with UDP
# silently dropped (the race falls back to TCP), the media gap when UDP is cut mid-call (failover to
# TCP), and the process's RSS during the call; BENCH_MEDIA_RUNS runs of each (default 3). Prints a
# markdown table (median, min, max), also written to target/bench-media/bench-media.md; the
# process's log goes to target/bench-media/bench-media.log. About 2 to 3 minutes with 3 runs.
# The JVM runs with the agent's systemd unit options (BENCH_MEDIA_JAVA_OPTS to change them), so its
# memory behaves as the agent's does. Needs GStreamer (scripts/install-deps.sh). Not part of
# `make test`.
set -euo pipefail
cd "$(dirname "$0")/.."

runs="${BENCH_MEDIA_RUNS:-3}"
# As yocto/.../room-agent.service's ROOM_AGENT_JAVA_OPTS.
java_opts="${BENCH_MEDIA_JAVA_OPTS:--XX:+UseSerialGC -XX:-UsePerfData -XX:+ExitOnOutOfMemoryError}"
case "$runs" in
  '' | *[!0-9]* | 0)
    echo "bench-media: BENCH_MEDIA_RUNS must be a whole number of at least 1, got '$runs'" >&2
    exit 2
    ;;
esac

out=target/bench-media
rm -rf "$out"
mkdir -p "$out"

echo "== building device-agent's classes and test classes, and their class path"
mvn -q -B -pl device-agent -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$PWD/$out/classpath.txt"
classpath="device-agent/target/test-classes:device-agent/target/classes:$(cat "$out/classpath.txt")"

echo "== MediaPathBench: $runs runs of each scenario after one warm-up meeting (log: $out/bench-media.log)"
set +e
# shellcheck disable=SC2086 # java_opts is a list of options.
java $java_opts -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Djdk.http.auth.tunneling.disabledSchemes= \
  -cp "$classpath" com.roomagent.agent.media.MediaPathBench "$runs" \
  >"$out/bench-media.md" 2>"$out/bench-media.log"
status=$?
set -e
cat "$out/bench-media.md"
if [ "$status" -ne 0 ]; then
  echo "bench-media: the benchmark failed (exit $status); the end of $out/bench-media.log:" >&2
  tail -n 30 "$out/bench-media.log" >&2
  exit "$status"
fi
