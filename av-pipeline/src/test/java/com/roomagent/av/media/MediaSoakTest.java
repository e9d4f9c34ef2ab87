package com.roomagent.av.media;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The soak: a whole meeting between two sessions through the in-memory channel, 720p30 video and
 * audio both ways, with the process's resident memory, heap and CPU time sampled every minute.
 * It fails if resident memory grew by more than a limit after the warm-up (from the lowest sample
 * after it to the last), or if media stopped. The JSON also has the trend (least squares, MiB/h).
 * Not part of {@code make test}: {@code make soak} runs it ({@code scripts/soak.sh}).
 *
 * <p>Environment: {@code SOAK_MINUTES} (default 30), {@code SOAK_WARMUP_MINUTES} (default 5, at
 * most half the run), {@code SOAK_RSS_LIMIT_MIB} (default 48), {@code SOAK_OUTPUT} (default
 * {@code target/soak/soak.json}).
 */
@Tag("soak")
class MediaSoakTest {
    private static final Duration SAMPLE_INTERVAL = Duration.ofMinutes(1);

    private record Sample(
            int minute,
            double rssMib,
            double heapUsedMib,
            double cpuSeconds,
            int threads,
            long framesA,
            long framesB,
            long packetsSentA,
            long packetsSentB,
            int videoKbpsA,
            double levelB) {}

    @Test
    void aMeetingOfHalfAnHourKeepsMemoryFlatAndMediaFlowing() throws Exception {
        int minutes = intFromEnv("SOAK_MINUTES", 30);
        int warmUp = Math.min(intFromEnv("SOAK_WARMUP_MINUTES", 5), minutes / 2);
        double limitMib = intFromEnv("SOAK_RSS_LIMIT_MIB", 48);
        Path output = Path.of(System.getenv().getOrDefault("SOAK_OUTPUT", "target/soak/soak.json"));
        Instant started = Instant.now();
        List<Sample> samples = new ArrayList<>();

        try (TestCall call = TestCall.start(MediaSoakTest::hd, MediaSoakTest::hd)) {
            long wallStart = System.nanoTime();
            samples.add(sample(0, call));
            for (int minute = 1; minute <= minutes; minute++) {
                long due = wallStart + SAMPLE_INTERVAL.toNanos() * minute;
                Thread.sleep(Math.max(0, (due - System.nanoTime()) / 1_000_000)); // real time, bounded
                Sample sample = sample(minute, call);
                samples.add(sample);
                System.out.printf(
                        Locale.ROOT,
                        "soak minute %d/%d: rss %.1f MiB, heap %.1f MiB, cpu %.1f s, frames a=%d b=%d%n",
                        minute,
                        minutes,
                        sample.rssMib(),
                        sample.heapUsedMib(),
                        sample.cpuSeconds(),
                        sample.framesA(),
                        sample.framesB());
            }
        }

        Sample warm = samples.get(warmUp);
        Sample last = samples.get(samples.size() - 1);
        List<Sample> afterWarmUp = samples.subList(warmUp, samples.size());
        // From the lowest sample after the warm-up: a spike at the warm-up's end hides no growth.
        double lowestMib =
                afterWarmUp.stream().mapToDouble(Sample::rssMib).min().orElseThrow();
        double growthMib = last.rssMib() - lowestMib;
        double slopeMibPerHour = slopePerMinute(afterWarmUp) * 60;
        double measuredMinutes = last.minute() - warm.minute();
        double cores = (last.cpuSeconds() - warm.cpuSeconds()) / (measuredMinutes * 60);
        double framesPerSecondB = (last.framesB() - warm.framesB()) / (measuredMinutes * 60);
        write(output, started, minutes, warmUp, limitMib, samples, growthMib, slopeMibPerHour, cores, framesPerSecondB);
        System.out.printf(
                Locale.ROOT,
                "soak: %d min, rss %.1f MiB at the end of the warm-up, lowest %.1f, last %.1f (%+.1f MiB, limit %.0f;"
                        + " trend %+.1f MiB/h), cpu %.2f cores for two devices, b decodes %.1f frames/s; %s%n",
                minutes,
                warm.rssMib(),
                lowestMib,
                last.rssMib(),
                growthMib,
                limitMib,
                slopeMibPerHour,
                cores,
                framesPerSecondB,
                output.toAbsolutePath());

        assertTrue(growthMib <= limitMib, "resident memory grew by " + growthMib + " MiB after the warm-up");
        assertTrue(framesPerSecondB > 25, "b decoded " + framesPerSecondB + " frames/s of a's 30");
        assertTrue(last.levelB() > -30, "b hears a's tone at " + last.levelB() + " dB");
    }

    /** 720p30 both ways, everything else as the tests have it. */
    private static MediaSessionSettings.Builder hd(MediaSessionSettings.Builder settings) {
        VideoSettings small = settings.build().video();
        return settings.video(small.withFormat(1280, 720, 30))
                .rtcpInterval(MediaSessionSettings.DEFAULT_RTCP_INTERVAL)
                .bitrateAdaptationInterval(MediaSessionSettings.DEFAULT_BITRATE_ADAPTATION_INTERVAL);
    }

    private static Sample sample(int minute, TestCall call) throws IOException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc(); // a measurement: heap in use after a collection
        OperatingSystemMXBean os = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
        MediaStatistics a = call.a.statistics();
        MediaStatistics b = call.b.statistics();
        return new Sample(
                minute,
                residentMib(),
                memory.getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0),
                os.getProcessCpuTime() / 1e9,
                Thread.activeCount(),
                call.a.decoded().videoFrames(),
                call.b.decoded().videoFrames(),
                a.stream(MediaKind.VIDEO, StreamStatistics.Direction.SENT).packets(),
                b.stream(MediaKind.VIDEO, StreamStatistics.Direction.SENT).packets(),
                call.a.videoTargetKbps(),
                call.b.decoded().lastAudioRmsDecibels().orElse(-1000));
    }

    /** The least-squares slope of RSS over the samples' minutes, in MiB per minute; 0 for one sample. */
    private static double slopePerMinute(List<Sample> samples) {
        double meanMinute =
                samples.stream().mapToDouble(Sample::minute).average().orElse(0);
        double meanRss = samples.stream().mapToDouble(Sample::rssMib).average().orElse(0);
        double covariance = 0;
        double variance = 0;
        for (Sample sample : samples) {
            covariance += (sample.minute() - meanMinute) * (sample.rssMib() - meanRss);
            variance += (sample.minute() - meanMinute) * (sample.minute() - meanMinute);
        }
        return variance == 0 ? 0 : covariance / variance;
    }

    /** VmRSS from /proc/self/status, in MiB. */
    private static double residentMib() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.US_ASCII)) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        throw new IOException("no VmRSS in /proc/self/status");
    }

    private static int intFromEnv(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip());
    }

    private static void write(
            Path output,
            Instant started,
            int minutes,
            int warmUp,
            double limitMib,
            List<Sample> samples,
            double growthMib,
            double slopeMibPerHour,
            double cores,
            double framesPerSecondB)
            throws IOException {
        String rows = samples.stream()
                .map(s -> String.format(
                        Locale.ROOT,
                        "    {\"minute\": %d, \"rssMib\": %.1f, \"heapUsedMib\": %.1f, \"cpuSeconds\": %.1f,"
                                + " \"javaThreads\": %d, \"framesDecodedA\": %d, \"framesDecodedB\": %d,"
                                + " \"videoPacketsSentA\": %d, \"videoPacketsSentB\": %d, \"videoTargetKbpsA\": %d,"
                                + " \"audioLevelDbB\": %.1f}",
                        s.minute(),
                        s.rssMib(),
                        s.heapUsedMib(),
                        s.cpuSeconds(),
                        s.threads(),
                        s.framesA(),
                        s.framesB(),
                        s.packetsSentA(),
                        s.packetsSentB(),
                        s.videoKbpsA(),
                        s.levelB()))
                .collect(Collectors.joining(",\n"));
        String json = String.format(
                Locale.ROOT,
                "{%n  \"started\": \"%s\",%n  \"machine\": {\"processors\": %d, \"os\": \"%s %s\", \"java\": \"%s\"},%n"
                        + "  \"call\": \"two media sessions, 1280x720 at 30 frames/s (x264 ultrafast, test pattern)"
                        + " and Opus 32 kbit/s (test tone) both ways, through the in-memory channel\",%n"
                        + "  \"minutes\": %d,%n  \"warmUpMinutes\": %d,%n  \"rssLimitMib\": %.0f,%n"
                        + "  \"rssGrowthAfterWarmUpMib\": %.1f,%n  \"rssTrendAfterWarmUpMibPerHour\": %.1f,%n"
                        + "  \"cpuCoresForBothDevices\": %.3f,%n"
                        + "  \"framesPerSecondDecodedB\": %.2f,%n  \"samples\": [%n%s%n  ]%n}%n",
                started,
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"),
                System.getProperty("os.version"),
                System.getProperty("java.vm.version"),
                minutes,
                warmUp,
                limitMib,
                growthMib,
                slopeMibPerHour,
                cores,
                framesPerSecondB,
                rows);
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.writeString(output, json, StandardCharsets.UTF_8);
    }
}
