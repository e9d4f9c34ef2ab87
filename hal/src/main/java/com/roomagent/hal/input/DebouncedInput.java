package com.roomagent.hal.input;

import com.roomagent.hal.board.HardwareException;
import com.roomagent.hal.board.InputLine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * An input line behind a {@link Debouncer}. Edges are stamped with the clock on the driver's thread
 * as they arrive, then handed to the HAL's executor, where the debouncer runs and the consumer is
 * called with each accepted change. The executor is the owning thread of the debouncer's state.
 */
public final class DebouncedInput {
    private final InputLine line;
    private final Debouncer debouncer;
    private final Clock clock;
    private final ScheduledExecutorService executor;
    private final Consumer<Boolean> onChange;
    private volatile boolean state;
    private ScheduledFuture<?> pendingSettle;

    /**
     * Reads the line's level now, so the state is right before the first edge.
     *
     * @param onChange called on the executor with each accepted state
     * @throws HardwareException when the line cannot be read
     */
    public DebouncedInput(
            InputLine line, Duration window, Clock clock, ScheduledExecutorService executor, Consumer<Boolean> onChange)
            throws HardwareException {
        this.line = line;
        this.clock = clock;
        this.executor = executor;
        this.onChange = onChange;
        this.state = line.isActive();
        this.debouncer = new Debouncer(window, state);
    }

    /** Starts listening to the line's edges. */
    public void start() {
        line.setListener(active -> {
            Instant at = clock.instant();
            executor.execute(() -> edge(active, at));
        });
    }

    /** Stops listening; a pending settle is cancelled. Call on the executor or after it stopped. */
    public void stop() {
        line.setListener(active -> {});
        if (pendingSettle != null) {
            pendingSettle.cancel(false);
        }
    }

    /** The debounced state: pressed, or closed. Any thread. */
    public boolean isActive() {
        return state;
    }

    private void edge(boolean active, Instant at) {
        debouncer.edge(active, at).ifPresent(this::accept);
        scheduleSettle();
    }

    private void settle() {
        pendingSettle = null;
        debouncer.settle(clock.instant()).ifPresent(this::accept);
        scheduleSettle();
    }

    private void scheduleSettle() {
        if (pendingSettle != null) {
            return;
        }
        debouncer.settleAt().ifPresent(at -> {
            long delayNanos = Math.max(0, Duration.between(clock.instant(), at).toNanos());
            pendingSettle = executor.schedule(this::settle, delayNanos, TimeUnit.NANOSECONDS);
        });
    }

    private void accept(boolean active) {
        state = active;
        onChange.accept(active);
    }
}
