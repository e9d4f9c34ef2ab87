package com.roomagent.av.media;

import com.roomagent.av.camera.CameraPipeline;
import com.roomagent.av.gst.AppSinkPipeline.AtEnd;
import com.roomagent.av.gst.AppSinkPipeline.Property;
import com.roomagent.av.gst.GstPipelineException;
import com.roomagent.av.gst.GstUnavailableException;
import com.roomagent.av.gst.LivePipeline;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one device's pipeline playing beside the session: the camera's capture into the session's
 * {@code intervideosink} channel, the microphone's into its {@code interaudiosink} channel, or the
 * speaker's playback from the session's {@code interaudiosink}. Starts it when the device is
 * switched on, stops it when it is switched off, and when it fails (an error or the end of its
 * stream: a camera or microphone unplugged, a file gone, a speaker that vanished) closes it and
 * tries again every retry interval until it plays, telling its listener once per loss and once on
 * recovery. While nothing plays, the session's {@code intervideosrc} sends black frames and its
 * {@code interaudiosrc} silence; nothing in the session pipeline notices.
 *
 * <p>Threads: every method runs on the session's executor thread, which owns all state here; bus
 * callbacks from GStreamer's service thread only post a task to it, tagged with the generation of
 * the pipeline that reported, so a late report from a pipeline already replaced is ignored. Level
 * reports go to the listener directly, on the bus thread.
 */
final class CaptureSupervisor {
    private static final Logger LOG = LoggerFactory.getLogger(CaptureSupervisor.class);
    private static final Duration PLAY_TIMEOUT = Duration.ofSeconds(5);

    /** Told about losses and recoveries on the executor thread, about levels on the bus thread. */
    interface Listener {
        void lost(String elementName, String message, Duration retryIn);

        void restored(int attempts);

        /** A {@code level} element of the device's pipeline measured its last interval. */
        default void level(double[] rmsDecibels) {}
    }

    private final String sessionName;
    private final String what;
    private final SessionPipeline.Plan plan;
    private final String lastElement;
    private final AtEnd atEnd;
    private final Duration retryInterval;
    private final ScheduledExecutorService executor;
    private final Listener listener;

    // Owned by the executor thread.
    private LivePipeline pipeline;
    private ScheduledFuture<?> retry;
    private int generation;
    private boolean wanted;
    private boolean lost;
    private int attempts;

    /**
     * @param what the device's pipeline in log lines: {@code camera capture}, {@code microphone capture}
     * @param lastElement the element blamed when GStreamer names none
     */
    CaptureSupervisor(
            String sessionName,
            String what,
            SessionPipeline.Plan plan,
            String lastElement,
            AtEnd atEnd,
            Duration retryInterval,
            ScheduledExecutorService executor,
            Listener listener) {
        this.sessionName = sessionName;
        this.what = what;
        this.plan = plan;
        this.lastElement = lastElement;
        this.atEnd = atEnd;
        this.retryInterval = retryInterval;
        this.executor = executor;
        this.listener = listener;
    }

    /** The camera's capture into {@code channel}, reported as {@link MediaEvent.CaptureLost}/{@code Restored}. */
    static CaptureSupervisor camera(
            String sessionName,
            VideoSettings video,
            String channel,
            Duration retryInterval,
            ScheduledExecutorService executor,
            Consumer<MediaEvent> events) {
        return new CaptureSupervisor(
                sessionName,
                "camera capture",
                SessionPipeline.capture(video, channel),
                SessionPipeline.CAPTURE_SINK,
                CameraPipeline.head(video.camera(), video.framesPerSecond()).atEnd(),
                retryInterval,
                executor,
                new Listener() {
                    @Override
                    public void lost(String elementName, String message, Duration retryIn) {
                        events.accept(new MediaEvent.CaptureLost(elementName, message, retryIn));
                    }

                    @Override
                    public void restored(int attempts) {
                        events.accept(new MediaEvent.CaptureRestored(attempts));
                    }
                });
    }

    /** Camera on: plays capture now, or keeps trying. Executor thread. */
    void start() {
        if (wanted) {
            return;
        }
        wanted = true;
        lost = false;
        attempts = 0;
        attempt();
    }

    /** Camera off, or the session ends: stops capture and every retry. Executor thread. */
    void stop() {
        wanted = false;
        if (retry != null) {
            retry.cancel(false);
            retry = null;
        }
        closePipeline();
    }

    /** Whether the camera is switched on (capture plays or is being retried). Executor thread. */
    boolean wanted() {
        return wanted;
    }

    /** Whether a capture pipeline is playing now. Executor thread. */
    boolean playing() {
        return pipeline != null;
    }

    private void attempt() {
        retry = null;
        if (!wanted) {
            return;
        }
        attempts++;
        int tag = ++generation;
        LivePipeline candidate = null;
        try {
            candidate = LivePipeline.create(plan.description(), atEnd, new Reports(tag));
            for (Property property : plan.properties()) {
                candidate.set(property.element(), property.name(), property.value());
            }
            candidate.play(PLAY_TIMEOUT);
            pipeline = candidate;
            if (lost) {
                LOG.info("{} restored session={} attempts={}", what, sessionName, attempts);
                listener.restored(attempts);
            } else {
                LOG.info("{} started session={}", what, sessionName);
            }
            lost = false;
            attempts = 0;
        } catch (GstPipelineException | GstUnavailableException e) {
            if (candidate != null) {
                candidate.close();
            }
            String element = e instanceof GstPipelineException failed
                    ? failed.elementName().orElse(lastElement)
                    : lastElement;
            failed(element, e.getMessage());
        } catch (IllegalArgumentException e) { // a property the element does not have
            if (candidate != null) {
                candidate.close();
            }
            failed(lastElement, e.getMessage());
        }
    }

    /** The capture pipeline {@code tag} failed or ended. Executor thread. */
    private void failed(String element, String message) {
        closePipeline();
        if (!wanted) {
            return;
        }
        if (!lost) {
            lost = true;
            LOG.warn(
                    "{} lost session={} element={} message=\"{}\" retryIn={}",
                    what,
                    sessionName,
                    element,
                    message,
                    retryInterval);
            listener.lost(element, message, retryInterval);
        } else {
            LOG.debug("{} still failing session={} element={} message=\"{}\"", what, sessionName, element, message);
        }
        try {
            retry = executor.schedule(this::attempt, retryInterval.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("capture retry not scheduled: session closing session={}", sessionName);
        }
    }

    private void closePipeline() {
        generation++; // reports from the pipeline being closed are stale from now on
        if (pipeline != null) {
            pipeline.close();
            pipeline = null;
        }
    }

    /** Bus reports of one capture pipeline, forwarded to the executor. Runs on GStreamer's bus thread. */
    private final class Reports implements LivePipeline.Listener {
        private final int tag;

        Reports(int tag) {
            this.tag = tag;
        }

        @Override
        public void onError(String elementName, String message) {
            post(() -> failed(elementName, message));
        }

        @Override
        public void onEndOfStream() {
            post(() -> failed(lastElement, "the " + what.split(" ")[0] + " stopped (end of stream)"));
        }

        @Override
        public void onLevel(String elementName, double[] rmsDecibels) {
            listener.level(rmsDecibels);
        }

        private void post(Runnable report) {
            try {
                executor.execute(() -> {
                    if (tag == generation && pipeline != null) {
                        report.run();
                    }
                });
            } catch (RejectedExecutionException e) {
                LOG.debug("capture report after the session closed session={}", sessionName);
            }
        }
    }
}
