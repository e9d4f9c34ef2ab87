# The two commands a new machine needs: `make demo` and `make test`.
# Each installs what is missing first (Debian packages, then Maven dependencies through the build).
SHELL := /bin/bash
MVN := mvn -B -q -Dstyle.color=never
AGENT_JAR := device-agent/target/device-agent-0.1.0-SNAPSHOT-all.jar
EMULATOR_JAR := cloud-emulator/target/cloud-emulator-0.1.0-SNAPSHOT-all.jar

.PHONY: all deps build test demo bench format clean

all: build

## deps: install missing Debian packages (quiet when there is nothing to do)
deps:
	@scripts/install-deps.sh

## build: runnable jars and the launchers bin/room-agent and bin/cloud-emulator
build: deps
	$(MVN) -DskipTests install

## test: the whole suite (unit and loopback integration tests) and the formatting check, then the
## network lab when root and the tools are available (it says "lab skipped: <reason>" otherwise)
test: deps
	$(MVN) install
	@lab/run-if-possible.sh

## demo: the cloud emulator on loopback with several media nodes; the agent probes them all
demo: build
	@scripts/demo.sh

## bench: JMH for the STUN codec and the wall time of a 20-node probe (see docs/benchmarks.md)
bench: build
	@scripts/bench.sh

## format: rewrite sources in the house format (the build checks it)
format:
	$(MVN) spotless:apply

clean:
	$(MVN) clean

## bench-media: time to media per transport, with UDP dropped, the failover gap and RSS; two rooms, real pipelines, emulator in-process (BENCH_MEDIA_RUNS=3; docs/benchmarks.md)
.PHONY: bench-media
bench-media: deps
	@scripts/bench-media.sh

## soak: a 30-minute two-party meeting at 720p30 with audio; memory must stay flat (SOAK_MINUTES=2 for a short run)
.PHONY: soak
soak: deps
	@scripts/soak.sh

## lab: the network lab (root): namespaces, nftables firewall profiles, NAT, squid; every scenario (docs/lab.md)
.PHONY: lab
lab: build
	@lab/lab.sh

## board-test: the agent on an emulated arm64 board (QEMU user mode, Debian arm64 chroot) against the cloud emulator; root; report in build/board-test/report.json (yocto/README.md)
.PHONY: board-test
board-test: build
	@scripts/board-test.sh
