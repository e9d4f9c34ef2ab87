package com.roomagent.agent.call;

import com.roomagent.agent.hardware.HalEvents;
import com.roomagent.av.media.MediaException;
import com.roomagent.av.media.MediaSessionSettings;
import com.roomagent.av.media.SsrcPlan;
import com.roomagent.av.srtp.SrtpKeyPair;
import com.roomagent.av.srtp.SrtpKeys;
import com.roomagent.hal.RoomHardware;
import com.roomagent.hal.profile.BoardProfile;
import com.roomagent.hal.profile.BoardProfileException;
import com.roomagent.hal.profile.BoardProfiles;
import com.roomagent.protocol.metrics.MediaStatisticsRecord;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import org.apache.commons.configuration2.MapConfiguration;

/**
 * Two rooms in a call: each an emulated board (Pi4J mock platform, its own fake system root) with
 * a {@link CallMedia}, joined by an {@link InMemoryChannelPair}. The board profile caps video at
 * 320x240@15 and polls devices every 100 ms, which keeps the tests light on two shared cores.
 * Room "a" has a USB camera plugged in at start.
 */
public final class TwoRooms implements AutoCloseable {
    static final String CAMERA_NODE = "video0";
    static final String CAMERA_NAME = "HD Pro Webcam C920";
    static final String CAMERA_PORT = "1-1.2";
    /** Room "a"'s USB microphone (card 1, capture only) and USB speaker (card 2, playback only). */
    static final int MICROPHONE_CARD = 1;

    static final String MICROPHONE_ID = "Mic";
    static final String MICROPHONE_NAME = "USB Conference Microphone";
    static final int SPEAKER_CARD = 2;
    static final String SPEAKER_ID = "Speaker";
    static final String SPEAKER_NAME = "USB Room Speaker";

    final InMemoryChannelPair channel = new InMemoryChannelPair();
    final FakeSystemRoot systemA;
    final HalEvents eventsA = new HalEvents();
    final HalEvents eventsB = new HalEvents();
    final RoomHardware halA;
    final RoomHardware halB;
    final CallMedia a;
    final CallMedia b;
    final SrtpKeyPair keys;
    /** What room "a" recorded to its metrics, every {@link #METRICS_INTERVAL}. */
    final List<MediaStatisticsRecord> metricsA = new CopyOnWriteArrayList<>();

    static final Duration METRICS_INTERVAL = Duration.ofMillis(500);

    TwoRooms(Path dirA, Path dirB) throws IOException, MediaException {
        this(dirA, dirB, VideoSourceMode.AUTO);
    }

    /** Room "a" takes its video from {@code sourceA}; room "b" from the emulated board's default. */
    TwoRooms(Path dirA, Path dirB, VideoSourceMode sourceA) throws IOException, MediaException {
        this(dirA, dirB, sourceA, UnaryOperator.identity());
    }

    /**
     * Room "a" takes its video from {@code sourceA}, and its plan is changed by {@code planA} (a
     * test makes it a real board's, with ALSA devices); room "b" uses the emulated board's default.
     */
    TwoRooms(Path dirA, Path dirB, VideoSourceMode sourceA, UnaryOperator<CallMediaPlan> planA)
            throws IOException, MediaException {
        BoardProfile profile = smallEmulatedProfile();
        systemA = new FakeSystemRoot(dirA)
                .plugUsbCamera(CAMERA_NODE, CAMERA_NAME, CAMERA_PORT)
                .plugSoundCard(MICROPHONE_CARD, MICROPHONE_ID, MICROPHONE_NAME, true, false)
                .plugSoundCard(SPEAKER_CARD, SPEAKER_ID, SPEAKER_NAME, false, true);
        FakeSystemRoot systemB = new FakeSystemRoot(dirB);
        halA = RoomHardware.builder(profile)
                .systemRoot(systemA.root())
                .listener(eventsA)
                .start();
        halB = RoomHardware.builder(profile)
                .systemRoot(systemB.root())
                .listener(eventsB)
                .start();
        Random random = new Random();
        keys = randomKeys(random);
        SsrcPlan ssrcs = SsrcPlan.random(random);
        CallMediaPlan plan = CallMediaPlan.of(profile, halA.selection(), VideoSourceMode.AUTO, element -> true);
        a = CallMedia.start(
                new CallMediaRequest("call-1", ssrcs, keys, channel.a),
                planA.apply(CallMediaPlan.of(profile, halA.selection(), sourceA, element -> true)),
                halA,
                eventsA,
                TwoRooms::quick,
                Clock.systemUTC(),
                metricsA::add,
                METRICS_INTERVAL);
        b = CallMedia.start(
                new CallMediaRequest("call-1", ssrcs.reversed(), keys.reversed(), channel.b),
                plan,
                halB,
                eventsB,
                TwoRooms::quick,
                Clock.systemUTC());
        channel.a.onPacket(a);
        channel.b.onPacket(b);
    }

    /** Short RTCP and retry intervals: statistics and recovery within a test's patience. */
    private static MediaSessionSettings.Builder quick(MediaSessionSettings.Builder settings) {
        return settings.rtcpInterval(Duration.ofMillis(300))
                .bitrateAdaptationInterval(Duration.ofMillis(300))
                .captureRetryInterval(Duration.ofMillis(200));
    }

    static BoardProfile smallEmulatedProfile() {
        return emulatedWith(Map.of(
                "board.video.maxWidth", "320",
                "board.video.maxHeight", "240",
                "board.video.maxFps", "15",
                "board.devices.pollInterval", "100ms"));
    }

    static BoardProfile emulatedWith(Map<String, String> changes) {
        Properties properties = new Properties();
        try (InputStream in = BoardProfiles.class.getResourceAsStream("emulated.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        changes.forEach(properties::setProperty);
        try {
            return BoardProfiles.fromConfiguration(new MapConfiguration(properties), "test profile");
        } catch (BoardProfileException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    public static SrtpKeyPair randomKeys(Random random) {
        return new SrtpKeyPair(randomKeys1(random), randomKeys1(random));
    }

    private static SrtpKeys randomKeys1(Random random) {
        byte[] key = new byte[SrtpKeys.MASTER_KEY_LENGTH];
        byte[] salt = new byte[SrtpKeys.MASTER_SALT_LENGTH];
        random.nextBytes(key);
        random.nextBytes(salt);
        return SrtpKeys.of(key, salt);
    }

    /** Waits for {@code condition}, polling every 20 ms, for at most {@code limit} (real media, real time). */
    public static void await(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + limit.toMillis() + " ms: " + what);
            }
            Thread.sleep(20);
        }
    }

    static long frames(CallMedia call) {
        return call.status().received().videoFrames();
    }

    static double luma(CallMedia call) {
        Double luma = call.status().received().videoLuma();
        return luma == null ? -1 : luma;
    }

    /** What {@code call}'s speaker played last, dBFS, or -1000 before anything. */
    static double played(CallMedia call) {
        Double level = call.status().received().speakerLevelDb();
        return level == null ? -1000 : level;
    }

    static long playedReports(CallMedia call) {
        return call.status().received().speakerLevelReports();
    }

    static long levelReports(CallMedia call) {
        return call.status().received().audioLevelReports();
    }

    static double level(CallMedia call) {
        Double level = call.status().received().audioLevelDb();
        return level == null ? -1000 : level;
    }

    @Override
    public void close() {
        a.close();
        b.close();
        channel.close();
        halA.close();
        halB.close();
    }
}
