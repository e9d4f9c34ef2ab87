package com.roomagent.agent.provisioning;

import com.roomagent.agent.config.CameraSelection;
import com.roomagent.av.camera.CameraException;
import com.roomagent.av.camera.CameraSource;
import com.roomagent.av.camera.Frame;
import com.roomagent.av.camera.FrameGrabber;
import com.roomagent.av.camera.FrameSize;
import com.roomagent.protocol.activation.ActivationCode;
import com.roomagent.protocol.activation.ActivationCodeException;
import com.roomagent.provisioning.qr.ActivationQrPayload;
import com.roomagent.provisioning.qr.GrayFrame;
import com.roomagent.provisioning.qr.QrPayloadException;
import com.roomagent.provisioning.qr.QrScanner;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The camera way in: plays the configured camera ({@code provisioning.camera}) at a few frames per
 * second, looks for a QR code in every frame, and hands each new activation code to the {@link
 * ProvisioningService}. The same QR code seen again is ignored; a QR code that is not an activation
 * code is reported once. Stops by itself once the device is provisioned.
 *
 * <p>Threads and ownership: one thread, {@code camera-qr}, owned by this watcher, owns the {@link
 * FrameGrabber} (the GStreamer pipeline) while it plays. A camera that fails (missing, unplugged,
 * GStreamer missing) is logged once per cause and opened again after a backoff with full jitter,
 * from 1 s up to a minute.
 */
public final class CameraQrWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CameraQrWatcher.class);
    private static final Backoff REOPEN = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1));

    private final CameraSource source;
    private final Duration scanInterval;
    private final ProvisioningService service;
    private final Random random;
    private final ScheduledExecutorService thread;
    private final Set<CameraException.Reason> reported = EnumSet.noneOf(CameraException.Reason.class);
    private volatile FrameGrabber grabber;
    private volatile boolean closed;
    private String lastText = "";
    private int failures;

    /**
     * @param camera the camera to watch; not {@link CameraSelection.Kind#NONE}
     * @param scanInterval time between two frames scanned
     */
    public CameraQrWatcher(CameraSelection camera, Duration scanInterval, ProvisioningService service, Random random) {
        this.source = sourceOf(camera);
        this.scanInterval = Objects.requireNonNull(scanInterval, "scanInterval");
        this.service = Objects.requireNonNull(service, "service");
        this.random = Objects.requireNonNull(random, "random");
        this.thread = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread named = new Thread(task, "camera-qr");
            named.setDaemon(true);
            return named;
        });
    }

    /** The GStreamer source for a camera setting. */
    static CameraSource sourceOf(CameraSelection camera) {
        return switch (camera.kind()) {
            case TEST_PATTERN -> CameraSource.testPattern();
            case IMAGE -> CameraSource.imageFile(camera.path());
            case CLIP -> CameraSource.clipFile(camera.path());
            case V4L2 -> CameraSource.v4l2(camera.path());
            case NONE -> throw new IllegalArgumentException("provisioning.camera is none: there is nothing to watch");
        };
    }

    /** Opens the camera and starts scanning, on the watcher's thread. */
    public void start() {
        LOG.info("event=camera-watch-started source=\"{}\" scan_interval_ms={}", source, scanInterval.toMillis());
        thread.execute(ProvisioningService.guarded("camera-qr", this::watch));
    }

    private void watch() {
        int framesPerSecond = (int) Math.max(
                1, Math.min(FrameGrabber.MAX_FRAMES_PER_SECOND, 1000 / Math.max(1, scanInterval.toMillis())));
        try (FrameGrabber camera = FrameGrabber.open(source, FrameSize.SCANNER, framesPerSecond)) {
            grabber = camera;
            if (closed) {
                return;
            }
            failures = 0;
            while (!closed && !provisioned()) {
                Optional<Frame> frame = camera.nextFrame(scanInterval.multipliedBy(4));
                if (frame.isPresent()) {
                    Frame f = frame.get();
                    QrScanner.scan(new GrayFrame(f.width(), f.height(), f.luma()))
                            .ifPresent(this::seen);
                }
            }
        } catch (CameraException e) {
            if (closed || e.reason() == CameraException.Reason.CLOSED) {
                return;
            }
            if (e.reason() == CameraException.Reason.INTERRUPTED) {
                Thread.currentThread().interrupt();
                return;
            }
            Duration wait = REOPEN.delay(failures++, random);
            if (reported.add(e.reason())) {
                LOG.warn(
                        "event=camera-failed source=\"{}\" reason={} retry_in_ms={} error=\"{}\"",
                        source,
                        e.reason(),
                        wait.toMillis(),
                        e.getMessage());
            } else {
                LOG.debug(
                        "event=camera-failed source=\"{}\" reason={} retry_in_ms={}",
                        source,
                        e.reason(),
                        wait.toMillis());
            }
            if (!closed) {
                thread.schedule(
                        ProvisioningService.guarded("camera-qr", this::watch), wait.toMillis(), TimeUnit.MILLISECONDS);
            }
        } finally {
            grabber = null;
        }
        if (provisioned()) {
            LOG.info("event=camera-watch-stopped reason=provisioned");
        }
    }

    private boolean provisioned() {
        return service.status().state() == ProvisioningStatus.State.PROVISIONED;
    }

    /** A QR code's text: may hold a secret code, so it is never logged. */
    private void seen(String text) {
        if (text.equals(lastText)) {
            return;
        }
        lastText = text;
        try {
            ActivationCode code = ActivationQrPayload.parse(text);
            LOG.info("event=camera-code-seen code={}", code);
            service.activate(code, ProvisioningService.Source.CAMERA);
        } catch (QrPayloadException e) {
            LOG.info("event=camera-qr-ignored reason=not-an-activation-code");
            service.reject(EnrollmentFailures.fromQr(e), ProvisioningService.Source.CAMERA);
        } catch (ActivationCodeException e) {
            service.reject(EnrollmentFailures.fromCode(e), ProvisioningService.Source.CAMERA);
        }
    }

    /** Stops scanning and closes the camera; waits up to 2 s for its thread. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        FrameGrabber playing = grabber;
        if (playing != null) {
            playing.close(); // wakes the thread waiting in nextFrame
        }
        thread.shutdownNow();
        try {
            if (!thread.awaitTermination(2, TimeUnit.SECONDS)) {
                LOG.warn("event=camera-stop-slow thread=camera-qr");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("event=camera-watch-closed source=\"{}\"", source);
    }
}
