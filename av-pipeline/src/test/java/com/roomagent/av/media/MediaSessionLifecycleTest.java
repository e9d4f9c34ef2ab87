package com.roomagent.av.media;

import static com.roomagent.av.media.TestCall.await;
import static com.roomagent.av.media.TestCall.frames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Calls that start and end, again and again, return every thread; a closed session is inert. */
@Timeout(60)
class MediaSessionLifecycleTest {
    /**
     * GStreamer's streaming threads come from a GLib pool; JNA attaches them to the JVM under these
     * names when they first call back, and GLib keeps a few idle ones for up to 15 s.
     */
    private static final Set<String> POOLED_NATIVE_THREADS = Set.of("GstBus", "GCallback");

    private static final int CALLS = 6;
    /** GLib reuses pooled threads: a call that leaked its streaming threads would add a dozen. */
    private static final int POOLED_SLACK = 4;

    @Test
    void startingAndEndingCallsRepeatedlyLeavesNoThreadBehind() throws Exception {
        oneCall(); // starts GStreamer, the binding's own threads and GLib's pool of streaming threads
        Map<String, Integer> before = javaThreads();
        long pooledBefore = pooledNativeThreads();

        for (int i = 0; i < CALLS; i++) {
            oneCall();
        }

        // A closed session's threads have finished their work but may still be exiting, and so may
        // threads of the tests before this one: wait (bounded) until no name has more threads than before.
        await(
                "no thread beyond those before the calls",
                Duration.ofSeconds(10),
                () -> added(before, javaThreads()).isEmpty());
        assertEquals(
                Map.of(), added(before, javaThreads()), "threads added (the sessions' and the channel's among them)");
        long pooled = pooledNativeThreads();
        assertTrue(
                pooled <= pooledBefore + POOLED_SLACK,
                "GStreamer's pooled streaming threads grew from " + pooledBefore + " to " + pooled);
    }

    @Test
    void aClosedSessionIgnoresPacketsAndControlsAndRefusesStatistics() throws Exception {
        TestCall call = TestCall.start();
        call.close();
        call.close(); // idempotent

        call.a.accept(new byte[] {(byte) 0x80, 96, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1});
        call.a.setMicrophoneMuted(true);
        call.a.setCameraOn(false);
        call.a.rekey(TestCall.randomKeys(new java.util.Random()));
        call.a.transportChanged(com.roomagent.av.bitrate.TransportKind.TLS);
        assertTrue(org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, call.a::statistics)
                .getMessage()
                .contains("closed"));
    }

    private static void oneCall() throws Exception {
        try (TestCall call = TestCall.start()) {
            await("a frame each way", Duration.ofSeconds(10), () -> frames(call.a) >= 1 && frames(call.b) >= 1);
        }
    }

    private static long pooledNativeThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> POOLED_NATIVE_THREADS.contains(t.getName()))
                .count();
    }

    /** The names with more threads in {@code after} than in {@code before}, with how many more. */
    private static Map<String, Integer> added(Map<String, Integer> before, Map<String, Integer> after) {
        Map<String, Integer> added = new TreeMap<>();
        after.forEach((name, count) -> {
            int extra = count - before.getOrDefault(name, 0);
            if (extra > 0) {
                added.put(name, extra);
            }
        });
        return added;
    }

    /** Threads by name and count, GStreamer's pooled native threads left out. */
    private static Map<String, Integer> javaThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .map(Thread::getName)
                .filter(name -> !POOLED_NATIVE_THREADS.contains(name))
                .collect(Collectors.toMap(name -> name, name -> 1, Integer::sum, TreeMap::new));
    }
}
