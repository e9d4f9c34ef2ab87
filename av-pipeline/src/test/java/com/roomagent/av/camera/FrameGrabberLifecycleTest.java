package com.roomagent.av.camera;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Opening and closing a camera returns every thread it caused. */
@Timeout(60)
class FrameGrabberLifecycleTest {
    /**
     * GStreamer's streaming threads come from a GLib thread pool; the binding attaches them to the
     * JVM under these names when they first call back. GLib keeps a few idle ones for up to 15 s.
     */
    private static final Set<String> POOLED_NATIVE_THREADS = Set.of("GstBus", "GCallback");

    private static final int IDLE_POOLED_THREADS_ALLOWED = 4;
    private static final Duration SETTLE = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    @Test
    void openingAndClosingFiftyTimesLeaksNoThreads() throws Exception {
        Path png = TestImages.blackSquareOnWhite(dir.resolve("square.png"), 160, 120, 10, 10, 20);
        openGrabClose(png, 2); // starts GStreamer and the binding's own threads
        Map<String, Integer> before = javaThreads();

        long started = System.nanoTime();
        openGrabClose(png, 50);
        System.out.printf(
                "50 x (open imageFile 160x120, first frame, close): %d ms%n",
                Duration.ofNanos(System.nanoTime() - started).toMillis());

        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (pooledNativeThreads() > IDLE_POOLED_THREADS_ALLOWED && System.nanoTime() < deadline) {
            Thread.sleep(50); // waiting for real threads to end, bounded by SETTLE
        }
        assertTrue(
                pooledNativeThreads() <= IDLE_POOLED_THREADS_ALLOWED,
                "streaming threads still alive: " + pooledNativeThreads());
        assertEquals(before, javaThreads());
    }

    private static void openGrabClose(Path png, int times) throws Exception {
        for (int i = 0; i < times; i++) {
            try (FrameGrabber camera = FrameGrabber.open(CameraSource.imageFile(png), new FrameSize(160, 120), 10)) {
                camera.nextFrame(Duration.ofSeconds(5)).orElseThrow();
            }
        }
    }

    private static long pooledNativeThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> POOLED_NATIVE_THREADS.contains(t.getName()))
                .count();
    }

    /** Threads by name and count, GStreamer's pooled native threads left out. */
    private static Map<String, Integer> javaThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .map(Thread::getName)
                .filter(name -> !POOLED_NATIVE_THREADS.contains(name))
                .collect(Collectors.toMap(name -> name, name -> 1, Integer::sum, TreeMap::new));
    }
}
