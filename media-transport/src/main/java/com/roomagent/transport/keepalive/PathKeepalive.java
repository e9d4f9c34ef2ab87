package com.roomagent.transport.keepalive;

import com.roomagent.transport.timing.Scheduler;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds a media path open and watches it (R14). Every {@code keepaliveInterval} it asks its {@link
 * Probe} to send a STUN Binding request on the media 5-tuple: a request, not an indication, so the
 * node's answer proves the path in both directions (consent freshness, RFC 7675) and refreshes
 * every NAT and firewall pinhole on the way. The path is lost when no answer has come for {@code
 * consentTimeout}, when no media has arrived for {@code mediaTimeout} while media is expected, or
 * when the channel closes; the listener hears {@link PathEvent.PathLost} once and the keepalive
 * stops.
 *
 * <p>Pure timing on the injected {@link Scheduler}: the checks run on its thread; the methods the
 * I/O edge calls ({@link #answered}, {@link #mediaArrived}, {@link #channelClosed}) may be called
 * from any thread and are synchronised. The listener is called with the lock held, on the
 * scheduler's thread or the caller's: it must hand slow work elsewhere.
 */
public final class PathKeepalive implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PathKeepalive.class);

    /** Sends one keepalive request; the edge calls {@link PathKeepalive#answered} with its RTT. */
    @FunctionalInterface
    public interface Probe {
        /** Sends a request without blocking; a send failure is logged by the probe, not thrown. */
        void send();
    }

    private final KeepaliveSettings settings;
    private final Scheduler scheduler;
    private final Probe probe;
    private final Consumer<PathEvent> listener;
    private final String path;
    private long lastAnswerAt;
    private long lastMediaAt;
    private long lastInboundAt;
    private long lastSentAt;
    private boolean mediaExpected;
    private boolean running;
    private boolean stopped;
    private Duration smoothedRtt;
    private Scheduler.Cancellable timer;

    /** @param path names the path in logs, for example the candidate's description */
    public PathKeepalive(
            KeepaliveSettings settings, Scheduler scheduler, Probe probe, Consumer<PathEvent> listener, String path) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.probe = Objects.requireNonNull(probe, "probe");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.path = Objects.requireNonNull(path, "path");
    }

    /**
     * Starts the clock: the path counts as answered now (the race's STUN exchange just proved it),
     * and the first keepalive goes out one interval from now.
     */
    public synchronized void start() {
        if (running || stopped) {
            return;
        }
        running = true;
        long now = scheduler.nanoTime();
        lastAnswerAt = now;
        lastMediaAt = now;
        lastInboundAt = now;
        lastSentAt = now;
        timer = scheduler.schedule(settings.keepaliveInterval(), this::tick);
        LOG.debug(
                "event=keepalive-started path=\"{}\" interval_ms={}",
                path,
                settings.keepaliveInterval().toMillis());
    }

    /**
     * Whether media should be arriving (a call is up and the far end sends); the media watchdog
     * runs only while it is. Turning it on restarts the watchdog's clock.
     */
    public synchronized void mediaExpected(boolean expected) {
        boolean turnedOn = expected && !mediaExpected;
        mediaExpected = expected;
        if (turnedOn) {
            lastMediaAt = scheduler.nanoTime();
            if (running && !stopped) {
                // Re-plan now, so a mediaTimeout shorter than the interval is honoured.
                timer.cancel();
                timer = scheduler.schedule(Duration.ZERO, this::tick);
            }
        }
    }

    /** The node answered a keepalive after {@code rtt}. */
    public synchronized void answered(Duration rtt) {
        if (stopped) {
            return;
        }
        long now = scheduler.nanoTime();
        lastAnswerAt = now;
        lastInboundAt = now;
        smoothedRtt = smoothedRtt == null
                ? rtt
                : smoothedRtt.multipliedBy(7).plus(rtt).dividedBy(8);
        listener.accept(new PathEvent.PathAlive(rtt, smoothedRtt));
    }

    /** A DTLS or SRTP packet arrived on the path. */
    public synchronized void mediaArrived() {
        long now = scheduler.nanoTime();
        lastMediaAt = now;
        lastInboundAt = now;
    }

    /** The channel failed or closed: the path is lost at once. */
    public synchronized void channelClosed(String detail) {
        lose(PathEvent.Cause.CHANNEL_CLOSED, scheduler.nanoTime() - lastInboundAt, detail);
    }

    /** The smoothed RTT of the answers so far, or null before the first. */
    public synchronized Duration smoothedRtt() {
        return smoothedRtt;
    }

    /** Stops sending; no event follows. */
    @Override
    public synchronized void close() {
        stopped = true;
        if (timer != null) {
            timer.cancel();
        }
    }

    /**
     * Runs the loss checks, sends a keepalive when an interval has passed since the last one, and
     * schedules itself for the earliest of the next send and the two loss deadlines.
     */
    private synchronized void tick() {
        if (stopped) {
            return;
        }
        long now = scheduler.nanoTime();
        long silent = now - lastAnswerAt;
        if (silent >= settings.consentTimeout().toNanos()) {
            lose(
                    PathEvent.Cause.CONSENT_EXPIRED,
                    silent,
                    "no answer to STUN keepalives for " + millis(silent) + " ms (consentTimeout "
                            + settings.consentTimeout().toMillis() + " ms)");
            return;
        }
        long quiet = now - lastMediaAt;
        if (mediaExpected && quiet >= settings.mediaTimeout().toNanos()) {
            lose(
                    PathEvent.Cause.MEDIA_STOPPED,
                    quiet,
                    "no media for " + millis(quiet) + " ms (mediaTimeout "
                            + settings.mediaTimeout().toMillis() + " ms)");
            return;
        }
        if (now - lastSentAt >= settings.keepaliveInterval().toNanos()) {
            lastSentAt = now;
            probe.send();
        }
        long next = lastSentAt + settings.keepaliveInterval().toNanos();
        next = Math.min(next, lastAnswerAt + settings.consentTimeout().toNanos());
        if (mediaExpected) {
            next = Math.min(next, lastMediaAt + settings.mediaTimeout().toNanos());
        }
        timer = scheduler.schedule(Duration.ofNanos(Math.max(1, next - now)), this::tick);
    }

    private void lose(PathEvent.Cause cause, long silentNanos, String detail) {
        if (stopped) {
            return;
        }
        stopped = true;
        if (timer != null) {
            timer.cancel();
        }
        LOG.warn(
                "event=path-lost path=\"{}\" cause={} silent_ms={} detail=\"{}\"",
                path,
                cause,
                millis(silentNanos),
                detail);
        listener.accept(new PathEvent.PathLost(cause, Duration.ofNanos(silentNanos), detail));
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }
}
