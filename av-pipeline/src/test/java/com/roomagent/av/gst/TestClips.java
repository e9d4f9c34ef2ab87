package com.roomagent.av.gst;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.freedesktop.gstreamer.Bus;
import org.freedesktop.gstreamer.Element;
import org.freedesktop.gstreamer.Gst;
import org.freedesktop.gstreamer.Pipeline;
import org.freedesktop.gstreamer.State;

/**
 * Writes short video clips for tests with GStreamer itself (plugins-good only: {@code jpegenc} and
 * {@code avimux}; x264 is not installed everywhere).
 */
public final class TestClips {
    private TestClips() {}

    /**
     * Writes an MJPEG-in-AVI clip of {@code frames} frames of {@code videotestsrc}'s {@code pattern}
     * (for example {@code white}, {@code black}, {@code smpte}) at 320x240 and {@code framesPerSecond}.
     */
    public static Path writeMjpegAvi(Path file, String pattern, int frames, int framesPerSecond) throws Exception {
        GstRuntime.ensureInitialized();
        Pipeline pipeline = (Pipeline) Gst.parseLaunch("videotestsrc num-buffers=" + frames + " pattern=" + pattern
                + " ! video/x-raw,width=320,height=240,framerate=" + framesPerSecond + "/1"
                + " ! jpegenc ! avimux ! filesink name=sink");
        try {
            Element sink = pipeline.getElementByName("sink");
            sink.set("location", file.toAbsolutePath().toString());
            sink.dispose();
            CountDownLatch done = new CountDownLatch(1);
            AtomicReference<String> error = new AtomicReference<>();
            Bus.EOS onEos = source -> done.countDown();
            Bus.ERROR onError = (source, code, message) -> {
                error.set(message);
                done.countDown();
            };
            Bus bus = pipeline.getBus();
            bus.connect(onEos);
            bus.connect(onError);
            pipeline.setState(State.PLAYING);
            boolean finished = done.await(10, TimeUnit.SECONDS);
            pipeline.setState(State.NULL);
            bus.disconnect(onEos);
            bus.disconnect(onError);
            if (!finished || error.get() != null) {
                throw new IllegalStateException("could not write " + file + ": " + error.get());
            }
            return file;
        } finally {
            pipeline.dispose();
        }
    }
}
