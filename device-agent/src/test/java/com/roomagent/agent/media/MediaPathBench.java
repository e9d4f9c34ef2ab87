package com.roomagent.agent.media;

import com.roomagent.agent.call.CallMedia;
import com.roomagent.agent.call.CallMediaRequest;
import com.roomagent.agent.call.EmulatedRoom;
import com.roomagent.agent.call.TwoRooms;
import com.roomagent.agent.discovery.TrustAnchors;
import com.roomagent.av.media.MediaException;
import com.roomagent.av.media.SsrcPlan;
import com.roomagent.emulator.CloudEmulator;
import com.roomagent.emulator.config.EmulatorConfig;
import com.roomagent.emulator.config.NodeConfig;
import com.roomagent.emulator.config.TransportMode;
import com.roomagent.emulator.medianode.MediaAdmission;
import com.roomagent.protocol.discovery.MediaTransport;
import com.roomagent.transport.MediaCandidate;
import com.roomagent.transport.stun.ShortTermCredentials;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Predicate;
import javax.net.ssl.SSLContext;

/**
 * The whole-flow media benchmark ({@code make bench-media}, scripts/bench-media.sh;
 * docs/benchmarks.md): the cloud emulator in-process, two emulated rooms with real GStreamer
 * pipelines joining one meeting on a loopback media node through {@link MediaPath} with the agent's
 * default {@code media.*} settings, N runs of each scenario, a markdown table with median, min and
 * max on standard output.
 *
 * <p>Scenarios: time to media with each transport alone (the assignment lists only that node's UDP,
 * TCP or TLS candidate), with UDP silently dropped by the node (every candidate listed: the race
 * falls back to TCP); the media gap when UDP is cut mid-call (failover to TCP, loss noticed by the
 * default 5 s {@code mediaTimeout}); and the process's resident set size (VmRSS) before the meeting
 * and while the call runs. Not a test: surefire does not pick it up (no {@code Test} suffix).
 *
 * <p>Usage: {@code MediaPathBench [runs]} (default 3).
 */
public final class MediaPathBench {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** Media flowing this long before RSS is read: the pipelines and the node's relay are warm. */
    private static final Duration STEADY = Duration.ofSeconds(3);

    private final CloudEmulator emulator;
    private final SSLContext trust;
    private final Path stateDir;
    private final MediaPathSettings settings = MediaPathSettings.defaults();
    private final Map<String, List<Long>> samples = new LinkedHashMap<>();

    private MediaPathBench(CloudEmulator emulator, SSLContext trust, Path stateDir) {
        this.emulator = emulator;
        this.trust = trust;
        this.stateDir = stateDir;
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be at least 1, got " + runs);
        }
        Path stateDir = Files.createTempDirectory("bench-media");
        PrintStream out = System.out;
        String loadBefore = loadAverage();
        Instant started = Instant.now();
        try (CloudEmulator emulator = CloudEmulator.start(
                EmulatorConfig.loopback(
                        NodeConfig.loopback("serving").build(),
                        NodeConfig.loopback("udp-dropped")
                                .mode(MediaTransport.UDP, TransportMode.DROP)
                                .mode(MediaTransport.UDP_LAST_RESORT, TransportMode.DROP)
                                .build(),
                        NodeConfig.loopback("cut-me").build()),
                stateDir)) {
            MediaPathBench bench =
                    new MediaPathBench(emulator, TrustAnchors.sslContextTrusting(emulator.caCertificate()), stateDir);
            bench.record("rss_before_meeting_mib", rssKib() / 1024);
            System.err.println("event=bench-media-warmup");
            bench.timeToMedia("warmup", "serving", candidate -> true, false);
            for (int run = 1; run <= runs; run++) {
                System.err.println("event=bench-media-run run=" + run + " of=" + runs);
                bench.timeToMedia("udp", "serving", only(MediaTransport.UDP), true);
                bench.timeToMedia("tcp", "serving", only(MediaTransport.TCP), false);
                bench.timeToMedia("tls", "serving", only(MediaTransport.TLS), false);
                bench.timeToMedia("udp_dropped", "udp-dropped", candidate -> true, false);
                bench.failover();
            }
            bench.samples.remove("warmup_second_room_ms");
            bench.samples.remove("warmup_first_room_ms");
            out.println("Machine: " + machine());
            out.println("Date: " + started + ", "
                    + Duration.between(started, Instant.now()).toSeconds()
                    + " s for " + runs + " runs of each scenario after one warm-up meeting; load average "
                    + loadBefore + " before, " + loadAverage() + " after");
            out.println();
            bench.table(out, runs);
        }
        System.exit(0);
    }

    private static Predicate<MediaCandidate> only(MediaTransport transport) {
        return candidate -> candidate.transport() == transport;
    }

    /** One meeting: room a joins, room b joins, both decode the other's video; time to media for each. */
    private void timeToMedia(String name, String node, Predicate<MediaCandidate> candidates, boolean readRss)
            throws Exception {
        try (Meeting meeting = new Meeting(node)) {
            MediaPath a = meeting.join(meeting.roomA, "room-a", meeting.ssrcs, candidates);
            MediaPath b = meeting.join(meeting.roomB, "room-b", meeting.ssrcs.reversed(), candidates);
            TwoRooms.await(
                    name + ": time to media in both rooms",
                    PATIENCE,
                    () -> a.status().timeToMediaMs() != null && b.status().timeToMediaMs() != null);
            String transport = b.status().transport();
            String expected = name.equals("udp_dropped") ? "tcp" : name.equals("warmup") ? "udp" : name;
            if (!expected.equals(transport)) {
                throw new IllegalStateException(name + ": the path runs over " + transport + ", not " + expected);
            }
            record(name + "_second_room_ms", b.status().timeToMediaMs());
            record(name + "_first_room_ms", a.status().timeToMediaMs());
            if (readRss) {
                TwoRooms.await(
                        name + ": video both ways",
                        PATIENCE,
                        () -> EmulatedRoom.frames(a.media()) > 5 && EmulatedRoom.frames(b.media()) > 5);
                Thread.sleep(STEADY.toMillis());
                record("rss_during_call_mib", rssKib() / 1024);
                java.lang.management.MemoryUsage heap =
                        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
                record("heap_used_during_call_mib", heap.getUsed() / (1024 * 1024));
                record("heap_committed_during_call_mib", heap.getCommitted() / (1024 * 1024));
            }
        }
    }

    /** UDP cut mid-call: both rooms fail over to TCP; each room's gap and recovery. */
    private void failover() throws Exception {
        try (Meeting meeting = new Meeting("cut-me")) {
            MediaPath a = meeting.join(meeting.roomA, "room-a", meeting.ssrcs, candidate -> true);
            MediaPath b = meeting.join(meeting.roomB, "room-b", meeting.ssrcs.reversed(), candidate -> true);
            TwoRooms.await(
                    "failover: video both ways over udp",
                    PATIENCE,
                    () -> EmulatedRoom.frames(a.media()) > 5 && EmulatedRoom.frames(b.media()) > 5);
            try {
                emulator.mediaNodes().cut("cut-me", MediaTransport.UDP, true);
                for (MediaPath path : new MediaPath[] {a, b}) {
                    TwoRooms.await(
                            "failover: the gap is measured",
                            PATIENCE,
                            () -> path.status().failovers().size() == 1
                                    && path.status().failovers().get(0).gapMs() != null);
                    PathStatus.Failover failover = path.status().failovers().get(0);
                    if (!failover.to().contains(" tcp ")) {
                        throw new IllegalStateException("failover went to " + failover.to() + ", not tcp");
                    }
                    record("failover_gap_ms", failover.gapMs());
                    record("failover_recovery_ms", failover.recoveryMs());
                    record("failover_detection_ms", failover.gapMs() - failover.recoveryMs());
                }
            } finally {
                emulator.mediaNodes().cut("cut-me", MediaTransport.UDP, false);
            }
        }
    }

    private void record(String measure, long value) {
        samples.computeIfAbsent(measure, key -> new ArrayList<>()).add(value);
    }

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("udp_second_room_ms", "time to media, UDP alone: room joining second (ms)"),
            Map.entry("tcp_second_room_ms", "time to media, TCP alone: room joining second (ms)"),
            Map.entry("tls_second_room_ms", "time to media, TLS alone: room joining second (ms)"),
            Map.entry(
                    "udp_dropped_second_room_ms",
                    "time to media, UDP silently dropped (UDP, TCP, TLS raced; TCP wins): room joining second (ms)"),
            Map.entry("udp_first_room_ms", "time to media, UDP alone: room joining first (ms)"),
            Map.entry("tcp_first_room_ms", "time to media, TCP alone: room joining first (ms)"),
            Map.entry("tls_first_room_ms", "time to media, TLS alone: room joining first (ms)"),
            Map.entry("udp_dropped_first_room_ms", "time to media, UDP silently dropped: room joining first (ms)"),
            Map.entry("failover_gap_ms", "media gap, UDP cut mid-call, failover to TCP (ms; both rooms)"),
            Map.entry(
                    "failover_detection_ms",
                    "  gap minus recovery: loss detection (mediaTimeout 5 s) and the first relayed packet (ms)"),
            Map.entry("failover_recovery_ms", "  recovery: loss noticed to TCP path keyed, race + DTLS (ms)"),
            Map.entry("rss_before_meeting_mib", "process RSS before the meeting: JVM + cloud emulator (MiB)"),
            Map.entry(
                    "rss_during_call_mib",
                    "process RSS during the call: JVM + emulator + two rooms' media (MiB; UDP meeting, 3 s in)"),
            Map.entry("heap_used_during_call_mib", "  Java heap used (MiB)"),
            Map.entry("heap_committed_during_call_mib", "  Java heap committed (MiB)"));

    private static final List<String> ORDER = List.of(
            "udp_second_room_ms",
            "tcp_second_room_ms",
            "tls_second_room_ms",
            "udp_dropped_second_room_ms",
            "udp_first_room_ms",
            "tcp_first_room_ms",
            "tls_first_room_ms",
            "udp_dropped_first_room_ms",
            "failover_gap_ms",
            "failover_detection_ms",
            "failover_recovery_ms",
            "rss_before_meeting_mib",
            "rss_during_call_mib",
            "heap_used_during_call_mib",
            "heap_committed_during_call_mib");

    private void table(PrintStream out, int runs) {
        out.println("| measure | samples | median | min | max |");
        out.println("|---|---|---|---|---|");
        for (String measure : ORDER) {
            List<Long> values = samples.get(measure);
            if (values == null) {
                continue;
            }
            List<Long> sorted = new ArrayList<>(values);
            Collections.sort(sorted);
            out.printf(
                    Locale.ROOT,
                    "| %s | %d | %s | %d | %d |%n",
                    LABELS.get(measure),
                    sorted.size(),
                    median(sorted),
                    sorted.get(0),
                    sorted.get(sorted.size() - 1));
        }
        out.println();
        out.println("Raw samples, in run order: " + samples);
    }

    private static String median(List<Long> sorted) {
        int n = sorted.size();
        if (n % 2 == 1) {
            return Long.toString(sorted.get(n / 2));
        }
        long sum = sorted.get(n / 2 - 1) + sorted.get(n / 2);
        return sum % 2 == 0 ? Long.toString(sum / 2) : String.format(Locale.ROOT, "%.1f", sum / 2.0);
    }

    /** This process's resident set size, from /proc/self/status (VmRSS, KiB). */
    private static long rssKib() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.US_ASCII)) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IOException("/proc/self/status has no VmRSS line");
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String machine() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElse(cpu);
        } catch (IOException e) {
            // keep "unknown CPU"
        }
        long memoryMib = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                        .getTotalMemorySize()
                / (1024 * 1024);
        return Runtime.getRuntime().availableProcessors() + " CPUs (" + cpu + "), " + memoryMib / 1024 + " GiB, "
                + System.getProperty("os.name") + " " + System.getProperty("os.version") + ", Java "
                + System.getProperty("java.runtime.version") + ", JVM options "
                + ManagementFactory.getRuntimeMXBean().getInputArguments();
    }

    private static MediaPath.CallMediaHost host(EmulatedRoom room) {
        return new MediaPath.CallMediaHost() {
            @Override
            public CallMedia start(CallMediaRequest request) throws MediaException {
                return room.start(request);
            }

            @Override
            public void end(CallMedia media) {
                media.close();
            }
        };
    }

    /** One meeting on one node, two rooms, and the paths they opened. */
    private final class Meeting implements AutoCloseable {
        final String node;
        final String id = "meeting-" + UUID.randomUUID();
        final SsrcPlan ssrcs = SsrcPlan.random(new Random());
        final EmulatedRoom roomA;
        final EmulatedRoom roomB;
        private final List<MediaPath> paths = new ArrayList<>();

        Meeting(String node) throws IOException {
            this.node = node;
            roomA = new EmulatedRoom(Files.createTempDirectory(stateDir, "room-a"));
            roomB = new EmulatedRoom(Files.createTempDirectory(stateDir, "room-b"));
        }

        MediaPath join(EmulatedRoom room, String participant, SsrcPlan plan, Predicate<MediaCandidate> keep)
                throws Exception {
            MediaAdmission admission = emulator.mediaNodes()
                    .admit(
                            node,
                            id,
                            participant,
                            new ShortTermCredentials(
                                    "user-" + UUID.randomUUID(),
                                    "pass-" + UUID.randomUUID().toString().replace("-", "")));
            MediaAssignment assignment = new MediaAssignment(
                    admission.meetingId(),
                    admission.nodeId(),
                    admission.fingerprint(),
                    admission.credentials(),
                    admission.candidates().stream().filter(keep).toList(),
                    plan);
            MediaPath path =
                    MediaPath.open("call-" + participant, assignment, settings, trust, host(room), Clock.systemUTC());
            paths.add(path);
            return path;
        }

        @Override
        public void close() {
            paths.forEach(MediaPath::close);
            roomA.close();
            roomB.close();
        }
    }
}
