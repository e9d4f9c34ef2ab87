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
 * Keeps the camera's capture pipeline playing into the session's {@code intervideosink} channel:
 * starts it when the camera is switched on, stops it when it is switched off, and when it fails
 * (an error or the end of its stream: a camera unplugged, a file gone) closes it and tries again
 * every retry interval until it plays, telling the session's listener once per loss and once on
 * recovery. While no capture plays, the session's {@code intervideosrc} sends black frames.
 *
 * <p>Threads: every method runs on the session's executor thread, which owns all state here; bus
 * callbacks from GStreamer's service thread only post a task to it, tagged with the generation of
 * the pipeline that reported, so a late report from a pipeline already replaced is ignored.
 */
final class CaptureSupervisor {
    private static final Logger LOG = LoggerFactory.getLogger(CaptureSupervisor.class);
    private static final Duration PLAY_TIMEOUT = Duration.ofSeconds(5);

    private final String sessionName;
    private final SessionPipeline.Plan plan;
    private final AtEnd atEnd;
    private final Duration retryInterval;
    private final ScheduledExecutorService executor;
    private final Consumer<MediaEvent> events;

    // Owned by the executor thread.
    private LivePipeline pipeline;
    private ScheduledFuture<?> retry;
    private int generation;
    private boolean wanted;
    private boolean lost;
    private int attempts;

    CaptureSupervisor(
            String sessionName,
            VideoSettings video,
            String channel,
            Duration retryInterval,
            ScheduledExecutorService executor,
            Consumer<MediaEvent> events) {
        this.sessionName = sessionName;
        this.plan = SessionPipeline.capture(video, channel);
        this.atEnd =
                CameraPipeline.head(video.camera(), video.framesPerSecond()).atEnd();
        this.retryInterval = retryInterval;
        this.executor = executor;
        this.events = events;
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
                LOG.info("camera capture restored session={} attempts={}", sessionName, attempts);
                events.accept(new MediaEvent.CaptureRestored(attempts));
            } else {
                LOG.info("camera capture started session={}", sessionName);
            }
            lost = false;
            attempts = 0;
        } catch (GstPipelineException | GstUnavailableException e) {
            if (candidate != null) {
                candidate.close();
            }
            String element = e instanceof GstPipelineException failed
                    ? failed.elementName().orElse(SessionPipeline.CAPTURE_SINK)
                    : SessionPipeline.CAPTURE_SINK;
            failed(element, e.getMessage());
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
                    "camera capture lost session={} element={} message=\"{}\" retryIn={}",
                    sessionName,
                    element,
                    message,
                    retryInterval);
            events.accept(new MediaEvent.CaptureLost(element, message, retryInterval));
        } else {
            LOG.debug(
                    "camera capture still failing session={} element={} message=\"{}\"", sessionName, element, message);
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
            post(() -> failed(SessionPipeline.CAPTURE_SINK, "the camera stopped (end of stream)"));
        }

        @Override
        public void onLevel(String elementName, double[] rmsDecibels) {}

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
