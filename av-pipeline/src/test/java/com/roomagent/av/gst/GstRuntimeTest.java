package com.roomagent.av.gst;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.freedesktop.gstreamer.Gst;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class GstRuntimeTest {
    @Test
    void initialisingFromManyThreadsAtOnceSucceedsEverywhere() throws Exception {
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> new Thread(r, "gst-init-test"));
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit((Callable<Boolean>) () -> {
                    start.await();
                    GstRuntime.ensureInitialized();
                    return Gst.isInitialized();
                }));
            }
            start.countDown();
            for (Future<Boolean> result : results) {
                assertTrue(result.get(10, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void apiOfGStreamer122IsAllowed() throws Exception {
        GstRuntime.ensureInitialized();

        assertTrue(Gst.testVersion(1, 22), "gst1-java-core refuses calls newer than the version given to init");
    }
}
