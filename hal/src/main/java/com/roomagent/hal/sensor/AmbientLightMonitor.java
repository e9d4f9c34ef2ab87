package com.roomagent.hal.sensor;

import com.roomagent.hal.board.HardwareException;
import com.roomagent.hal.health.Feature;
import com.roomagent.hal.health.FeatureHealth;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the ambient light every poll interval. When the sensor fails (no answer, the wrong chip, a
 * reset) only the ambient-light feature degrades, with the reason; every poll tries again,
 * identifying and starting the chip afresh, so a sensor that comes back is used again.
 *
 * <p>Polls run on the given scheduler, which owns the sensor; {@link #latest()} may be read from
 * any thread.
 */
public final class AmbientLightMonitor {
    private static final Logger log = LoggerFactory.getLogger(AmbientLightMonitor.class);

    private final Opt3001Sensor sensor;
    private final Duration interval;
    private final FeatureHealth health;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private boolean started;
    private volatile Optional<AmbientLightReading> latest = Optional.empty();
    private ScheduledFuture<?> polls;

    public AmbientLightMonitor(
            Opt3001Sensor sensor,
            Duration interval,
            FeatureHealth health,
            Clock clock,
            ScheduledExecutorService scheduler) {
        this.sensor = sensor;
        this.interval = interval;
        this.health = health;
        this.clock = clock;
        this.scheduler = scheduler;
    }

    /**
     * Starts the chip now, on the scheduler, and reads it every interval from one interval on (the
     * first conversion takes 800 ms; the interval is at least a second).
     */
    public void start() {
        scheduler.execute(this::pollSafely);
        long nanos = interval.toNanos();
        polls = scheduler.scheduleWithFixedDelay(this::pollSafely, nanos, nanos, TimeUnit.NANOSECONDS);
    }

    public void stop() {
        if (polls != null) {
            polls.cancel(false);
        }
    }

    /** The last good reading; empty before the first one and while the sensor fails. */
    public Optional<AmbientLightReading> latest() {
        return latest;
    }

    void poll() {
        try {
            if (!started) {
                sensor.start();
                started = true;
                health.ok(Feature.AMBIENT_LIGHT, "started; first reading within " + interval.toMillis() + " ms");
                return;
            }
            double lux = sensor.readLux();
            latest = Optional.of(new AmbientLightReading(lux, clock.instant()));
            health.ok(Feature.AMBIENT_LIGHT, String.format(Locale.ROOT, "%.2f lx", lux));
        } catch (HardwareException | SensorException e) {
            started = false;
            latest = Optional.empty();
            health.degraded(Feature.AMBIENT_LIGHT, "ambient light unavailable: " + e.getMessage());
        }
    }

    private void pollSafely() {
        try {
            poll();
        } catch (RuntimeException e) {
            // The top of a periodic task: an escaped exception would silently cancel every later poll.
            log.error("event=ambient-light-poll-failed reason=\"{}\"", e.toString(), e);
        }
    }
}
