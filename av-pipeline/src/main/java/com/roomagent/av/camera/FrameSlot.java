package com.roomagent.av.camera;

import com.roomagent.av.gst.AppSinkPipeline;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hand-off between GStreamer's threads and the caller of {@link FrameGrabber#nextFrame}: holds
 * the newest frame not yet taken (an older one is simply replaced, a scanner wants the present),
 * and the first failure or the end of the stream, which are sticky.
 *
 * <p>Threads: {@link #onSample} runs on a streaming thread and copies the pixels before taking the
 * lock; {@link #onError} and {@link #onEndOfStream} run on the bus thread; {@link #take} on the
 * caller's. All state is guarded by {@code lock}, which is never held while calling out.
 */
final class FrameSlot implements AppSinkPipeline.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(FrameSlot.class);

    private final CameraSource source;
    private final FrameSize size;
    private final Object lock = new Object();

    // Guarded by lock.
    private Frame newest;
    private long received;
    private long replaced;
    private String failedElement;
    private String failure;
    private boolean ended;
    private boolean closed;

    FrameSlot(CameraSource source, FrameSize size) {
        this.source = source;
        this.size = size;
    }

    @Override
    public void onSample(ByteBuffer data, long presentationTimeNanos) {
        Frame frame;
        try {
            byte[] luma = LumaPlane.copyPacked(data, size.width(), size.height());
            Duration timestamp = presentationTimeNanos >= 0 ? Duration.ofNanos(presentationTimeNanos) : Duration.ZERO;
            frame = new Frame(size.width(), size.height(), luma, timestamp);
        } catch (IllegalArgumentException e) {
            onError(CameraPipeline.SINK_NAME, e.getMessage());
            return;
        }
        synchronized (lock) {
            if (newest != null) {
                replaced++;
            }
            newest = frame;
            received++;
            lock.notifyAll();
        }
    }

    @Override
    public void onError(String elementName, String message) {
        synchronized (lock) {
            if (failure != null || closed) {
                LOG.debug(
                        "camera error after the first source=\"{}\" element={} message=\"{}\"",
                        source,
                        elementName,
                        message);
                return;
            }
            failedElement = elementName;
            failure = message;
            lock.notifyAll();
        }
        LOG.warn("camera failed source=\"{}\" element={} message=\"{}\"", source, elementName, message);
    }

    @Override
    public void onEndOfStream() {
        synchronized (lock) {
            ended = true;
            lock.notifyAll();
        }
        LOG.info("camera stream ended source=\"{}\"", source);
    }

    /** Wakes every waiting {@link #take}, which then fails with {@link CameraException.Reason#CLOSED}. */
    void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
    }

    /** Frames that arrived, and frames replaced by a newer one before anybody took them. */
    record Counts(long received, long replaced) {}

    Counts counts() {
        synchronized (lock) {
            return new Counts(received, replaced);
        }
    }

    /**
     * Takes the newest frame not taken yet, waiting up to {@code timeout} for one.
     *
     * @return empty if no frame came within the timeout
     * @throws CameraException if the slot is closed, the source failed (this wins over a waiting
     *     frame: the pipeline is broken), or the stream ended and no frame is left
     */
    Optional<Frame> take(Duration timeout) throws CameraException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (true) {
                if (closed) {
                    throw new CameraException(CameraException.Reason.CLOSED, source + ": the frame grabber is closed");
                }
                if (failure != null) {
                    throw new CameraException(
                            CameraException.Reason.SOURCE_FAILED,
                            source + ": element " + failedElement + " failed: " + failure,
                            failedElement,
                            null);
                }
                if (newest != null) {
                    Frame frame = newest;
                    newest = null;
                    return Optional.of(frame);
                }
                if (ended) {
                    throw new CameraException(CameraException.Reason.END_OF_STREAM, source + ": the stream ended");
                }
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return Optional.empty();
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, remaining);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CameraException(
                            CameraException.Reason.INTERRUPTED,
                            source + ": interrupted while waiting for a frame",
                            null,
                            e);
                }
            }
        }
    }
}
