package com.roomagent.av.media;

import com.roomagent.av.camera.CameraSource;
import com.roomagent.av.srtp.SrtpKeyPair;
import com.roomagent.av.srtp.SrtpKeys;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/**
 * Two media sessions, "a" and "b", in a call through an {@link InMemoryMediaChannel}: the fixture
 * of the session tests. Small video (320x240 at 15 frames per second) and short intervals keep the
 * tests quick.
 */
final class TestCall implements AutoCloseable {
    static final int WIDTH = 320;
    static final int HEIGHT = 240;
    static final int FRAMES_PER_SECOND = 15;

    final InMemoryMediaChannel channel;
    final MediaSession a;
    final MediaSession b;
    final List<MediaEvent> eventsA = new CopyOnWriteArrayList<>();
    final List<MediaEvent> eventsB = new CopyOnWriteArrayList<>();
    final SsrcPlan ssrcs;

    private TestCall(
            InMemoryMediaChannel channel,
            SsrcPlan ssrcs,
            SrtpKeyPair keysA,
            SrtpKeyPair keysB,
            UnaryOperator<MediaSessionSettings.Builder> tuneA,
            UnaryOperator<MediaSessionSettings.Builder> tuneB)
            throws MediaException {
        this.channel = channel;
        this.ssrcs = ssrcs;
        MediaSession started =
                MediaSession.start(tuneA.apply(settings(ssrcs)).build(), keysA, channel.a(), eventsA::add);
        try {
            b = MediaSession.start(tuneB.apply(settings(ssrcs.reversed())).build(), keysB, channel.b(), eventsB::add);
        } catch (MediaException | RuntimeException e) {
            started.close();
            throw e;
        }
        a = started;
        channel.a().connect(a::accept);
        channel.b().connect(b::accept);
    }

    /** A call in which both sides hold the right keys. */
    static TestCall start(
            UnaryOperator<MediaSessionSettings.Builder> tuneA, UnaryOperator<MediaSessionSettings.Builder> tuneB)
            throws MediaException {
        SrtpKeyPair keys = randomKeys(new Random());
        return new TestCall(
                InMemoryMediaChannel.lossless(), SsrcPlan.random(new Random()), keys, keys.reversed(), tuneA, tuneB);
    }

    /** A call through {@code channel}, which may already lose packets. */
    static TestCall start(InMemoryMediaChannel channel) throws MediaException {
        SrtpKeyPair keys = randomKeys(new Random());
        return new TestCall(
                channel,
                SsrcPlan.random(new Random()),
                keys,
                keys.reversed(),
                UnaryOperator.identity(),
                UnaryOperator.identity());
    }

    /** A call with defaults on both sides. */
    static TestCall start() throws MediaException {
        return start(UnaryOperator.identity(), UnaryOperator.identity());
    }

    /** A call with the keys each side was given. */
    static TestCall startWithKeys(SrtpKeyPair keysA, SrtpKeyPair keysB) throws MediaException {
        return new TestCall(
                InMemoryMediaChannel.lossless(),
                SsrcPlan.random(new Random()),
                keysA,
                keysB,
                UnaryOperator.identity(),
                UnaryOperator.identity());
    }

    /** The test settings: small video from the test pattern, a test tone, short intervals. */
    static MediaSessionSettings.Builder settings(SsrcPlan ssrcs) {
        return MediaSessionSettings.builder(ssrcs)
                .video(VideoSettings.hd720p30(CameraSource.testPattern()).withFormat(WIDTH, HEIGHT, FRAMES_PER_SECOND))
                .audio(AudioSettings.of(AudioSource.testTone()))
                .rtcpInterval(Duration.ofMillis(300))
                .bitrateAdaptationInterval(Duration.ofMillis(300))
                .captureRetryInterval(Duration.ofMillis(200));
    }

    static SrtpKeyPair randomKeys(Random random) {
        return new SrtpKeyPair(randomKeys1(random), randomKeys1(random));
    }

    private static SrtpKeys randomKeys1(Random random) {
        byte[] key = new byte[SrtpKeys.MASTER_KEY_LENGTH];
        byte[] salt = new byte[SrtpKeys.MASTER_SALT_LENGTH];
        random.nextBytes(key);
        random.nextBytes(salt);
        return SrtpKeys.of(key, salt);
    }

    /**
     * Waits for {@code condition}, polling every 20 ms, for at most {@code limit}: the sessions run
     * on real time, so tests wait for real media with a generous bound.
     */
    static void await(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + limit.toMillis() + " ms: " + what);
            }
            Thread.sleep(20);
        }
    }

    /** Frames decoded by {@code session} so far. */
    static long frames(MediaSession session) {
        return session.decoded().videoFrames();
    }

    /** The last audio level {@code session} measured, or -1000 dB before any. */
    static double level(MediaSession session) {
        return session.decoded().lastAudioRmsDecibels().orElse(-1000);
    }

    /** The mean luma of the last frame {@code session} decoded, or -1 before any. */
    static double luma(MediaSession session) {
        return session.decoded().lastFrameMeanLuma().orElse(-1);
    }

    @Override
    public void close() {
        a.close();
        b.close();
        channel.close();
    }
}
