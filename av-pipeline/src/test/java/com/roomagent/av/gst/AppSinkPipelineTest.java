package com.roomagent.av.gst;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.av.gst.AppSinkPipeline.AtEnd;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The adapter plays a description and hands samples over as bytes. */
@Timeout(30)
class AppSinkPipelineTest {
    private static final String SINK = " ! appsink name=sink emit-signals=true sync=false";

    @Test
    void samplesArriveAsBytesAndTheEndIsReported() throws Exception {
        RecordingListener listener = new RecordingListener();
        AppSinkPipeline pipeline = AppSinkPipeline.start(
                "videotestsrc num-buffers=3 ! video/x-raw,format=GRAY8,width=8,height=2" + SINK,
                List.of(),
                "sink",
                AtEnd.REPORT,
                listener);
        try {
            assertTrue(listener.ended.await(10, TimeUnit.SECONDS));
        } finally {
            pipeline.close();
        }
        assertEquals(3, listener.samples.get());
        assertEquals(16, listener.lastSize.get());
    }

    @Test
    void aMissingElementIsRefusedWhileBuilding() {
        GstPipelineException e = assertThrows(
                GstPipelineException.class,
                () -> AppSinkPipeline.start(
                        "nosuchelementfactory ! videoconvert" + SINK,
                        List.of(),
                        "sink",
                        AtEnd.REPORT,
                        new RecordingListener()));

        assertEquals(GstPipelineException.Stage.BUILD, e.stage());
        assertTrue(e.getMessage().contains("nosuchelementfactory"), e.getMessage());
    }

    @Test
    void aPropertyOnAMissingElementIsRefusedWhileBuilding() {
        GstPipelineException e = assertThrows(
                GstPipelineException.class,
                () -> AppSinkPipeline.start(
                        "videotestsrc" + SINK,
                        List.of(new AppSinkPipeline.Property("filesrc", "location", "/x")),
                        "sink",
                        AtEnd.REPORT,
                        new RecordingListener()));

        assertEquals(Optional.of("filesrc"), e.elementName());
    }

    @Test
    void aSinkThatIsNoAppsinkIsRefused() {
        assertThrows(
                GstPipelineException.class,
                () -> AppSinkPipeline.start(
                        "videotestsrc ! fakesink name=sink", List.of(), "sink", AtEnd.REPORT, new RecordingListener()));
    }

    @Test
    void closingTwiceIsHarmless() throws Exception {
        AppSinkPipeline pipeline = AppSinkPipeline.start(
                "videotestsrc is-live=true" + SINK, List.of(), "sink", AtEnd.REPORT, new RecordingListener());
        pipeline.close();
        pipeline.close();
    }

    /** Counts what it hears. */
    static final class RecordingListener implements AppSinkPipeline.Listener {
        final AtomicInteger samples = new AtomicInteger();
        final AtomicInteger lastSize = new AtomicInteger();
        final CountDownLatch ended = new CountDownLatch(1);

        @Override
        public void onSample(ByteBuffer data, long presentationTimeNanos) {
            samples.incrementAndGet();
            lastSize.set(data.remaining());
        }

        @Override
        public void onError(String elementName, String message) {}

        @Override
        public void onEndOfStream() {
            ended.countDown();
        }
    }
}
