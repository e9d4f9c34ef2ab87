package com.roomagent.av.camera;

import com.roomagent.av.gst.AppSinkPipeline;
import com.roomagent.av.gst.GstPipelineException;
import com.roomagent.av.gst.GstUnavailableException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A playing camera that hands out its latest grayscale frame on request.
 *
 * <p>Use: {@code try (FrameGrabber camera = FrameGrabber.open(source)) { camera.nextFrame(...) }}.
 * Frames arrive at the requested rate whether or not anybody takes them; {@link #nextFrame} returns
 * the newest one not returned before, so a slow consumer (a QR decoder) skips frames instead of
 * falling behind.
 *
 * <p>Threads: the grabber starts none. GStreamer's streaming threads copy each frame out of its
 * buffer into a new array; {@link #nextFrame} may be called from any thread, and {@link #close} from
 * any thread, including while another waits in {@link #nextFrame} (which then fails with {@link
 * CameraException.Reason#CLOSED} at once).
 *
 * <p>Failures: {@link #open} fails if GStreamer or a plugin is missing, or if the source cannot be
 * opened (a missing file or device refuses to start). Failures that happen while playing (a file
 * that does not decode, a camera unplugged) are logged once when they happen and thrown by every
 * later {@link #nextFrame}; so is the end of a clip opened with {@link CameraSource.ClipEnd#STOP}.
 * A failed grabber stays failed: close it and open another.
 */
public final class FrameGrabber implements AutoCloseable {
    /** Frames per second when none is given: plenty for a scanner, cheap on a small board. */
    public static final int DEFAULT_FRAMES_PER_SECOND = 10;
    /** The highest rate accepted; this is a scanner, not the media path. */
    public static final int MAX_FRAMES_PER_SECOND = 60;

    private static final Logger LOG = LoggerFactory.getLogger(FrameGrabber.class);

    private final CameraSource source;
    private final FrameSize size;
    private final int framesPerSecond;
    private final FrameSlot slot;
    private final AppSinkPipeline pipeline;
    private final AtomicBoolean closed = new AtomicBoolean();

    private FrameGrabber(
            CameraSource source, FrameSize size, int framesPerSecond, FrameSlot slot, AppSinkPipeline pipeline) {
        this.source = source;
        this.size = size;
        this.framesPerSecond = framesPerSecond;
        this.slot = slot;
        this.pipeline = pipeline;
    }

    /** Opens {@code source} at {@link FrameSize#SCANNER} and {@value #DEFAULT_FRAMES_PER_SECOND} fps. */
    public static FrameGrabber open(CameraSource source) throws CameraException {
        return open(source, FrameSize.SCANNER, DEFAULT_FRAMES_PER_SECOND);
    }

    /**
     * Builds the pipeline for {@code source} and starts playing it. Returns without waiting for the
     * first frame (an image shows its first one within tens of milliseconds, a camera after its warm-up).
     *
     * @throws CameraException with {@link CameraException.Reason#GSTREAMER_MISSING} or {@link
     *     CameraException.Reason#PIPELINE_REFUSED} if something is not installed, {@link
     *     CameraException.Reason#SOURCE_FAILED} if the file or device cannot be opened
     */
    public static FrameGrabber open(CameraSource source, FrameSize size, int framesPerSecond) throws CameraException {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(size, "size");
        if (framesPerSecond < 1 || framesPerSecond > MAX_FRAMES_PER_SECOND) {
            throw new IllegalArgumentException(
                    "framesPerSecond must be 1.." + MAX_FRAMES_PER_SECOND + ", got " + framesPerSecond);
        }
        CameraPipeline.Plan plan = CameraPipeline.plan(source, size, framesPerSecond);
        FrameSlot slot = new FrameSlot(source, size);
        try {
            AppSinkPipeline pipeline = AppSinkPipeline.start(
                    plan.description(), plan.properties(), CameraPipeline.SINK_NAME, plan.atEnd(), slot);
            LOG.info("camera opened source=\"{}\" size={} fps={}", source, size, framesPerSecond);
            return new FrameGrabber(source, size, framesPerSecond, slot, pipeline);
        } catch (GstUnavailableException e) {
            throw new CameraException(CameraException.Reason.GSTREAMER_MISSING, e.getMessage(), null, e);
        } catch (GstPipelineException e) {
            CameraException.Reason reason = e.stage() == GstPipelineException.Stage.BUILD
                    ? CameraException.Reason.PIPELINE_REFUSED
                    : CameraException.Reason.SOURCE_FAILED;
            throw new CameraException(
                    reason, source + ": " + e.getMessage(), e.elementName().orElse(null), e);
        }
    }

    /**
     * Returns the newest frame not returned before, waiting up to {@code timeout} for one.
     *
     * @param timeout how long to wait; zero only looks
     * @return empty if no new frame came within {@code timeout}
     * @throws CameraException if the source failed or ended, the grabber was closed, or the thread
     *     was interrupted; see {@link CameraException#reason()}
     */
    public Optional<Frame> nextFrame(Duration timeout) throws CameraException {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative, got " + timeout);
        }
        return slot.take(timeout);
    }

    public CameraSource source() {
        return source;
    }

    public FrameSize size() {
        return size;
    }

    public int framesPerSecond() {
        return framesPerSecond;
    }

    /**
     * Stops the pipeline (state NULL, which joins GStreamer's streaming threads) and disposes every
     * GStreamer object of this grabber. Idempotent; safe from any thread.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        slot.close();
        pipeline.close();
        FrameSlot.Counts counts = slot.counts();
        LOG.info("camera closed source=\"{}\" frames={} replaced={}", source, counts.received(), counts.replaced());
    }
}
