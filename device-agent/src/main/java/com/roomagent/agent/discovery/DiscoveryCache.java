package com.roomagent.agent.discovery;

import com.roomagent.protocol.discovery.DiscoveryReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The latest discovery report and when it expires (R9: results are cached and expire after two
 * hours). Expiry counts from when the report was stored, read from the injected clock. Thread-safe:
 * the daemon's scheduler writes it, the CLI's status command reads it.
 */
public final class DiscoveryCache {
    /** R9's two hours. */
    public static final Duration DEFAULT_RESULT_TTL = Duration.ofHours(2);

    private record Entry(DiscoveryReport report, Instant expiresAt) {}

    private final Clock clock;
    private final Duration resultTtl;
    private volatile Entry entry;

    /**
     * @param resultTtl how long a report stays valid after it is stored; positive
     */
    public DiscoveryCache(Clock clock, Duration resultTtl) {
        this.clock = Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(resultTtl, "resultTtl");
        if (resultTtl.isNegative() || resultTtl.isZero()) {
            throw new IllegalArgumentException("resultTtl must be positive, was " + resultTtl);
        }
        this.resultTtl = resultTtl;
    }

    /** A cache with R9's two-hour expiry. */
    public DiscoveryCache(Clock clock) {
        this(clock, DEFAULT_RESULT_TTL);
    }

    public Duration resultTtl() {
        return resultTtl;
    }

    /** Stores {@code report} as the latest; it expires {@link #resultTtl()} from now. */
    public void put(DiscoveryReport report) {
        Objects.requireNonNull(report, "report");
        entry = new Entry(report, clock.instant().plus(resultTtl));
    }

    /** The latest report while it is fresh; empty when there is none or it has expired. */
    public Optional<DiscoveryReport> current() {
        Entry snapshot = entry;
        return snapshot != null && isFresh(snapshot) ? Optional.of(snapshot.report()) : Optional.empty();
    }

    /** The latest report even when expired, for status displays that say how old it is. */
    public Optional<DiscoveryReport> latest() {
        Entry snapshot = entry;
        return snapshot == null ? Optional.empty() : Optional.of(snapshot.report());
    }

    /** Whether a new probe is due: there is no report, or it has expired. */
    public boolean isStale() {
        Entry snapshot = entry;
        return snapshot == null || !isFresh(snapshot);
    }

    /** When the latest report expires; empty when there is none. */
    public Optional<Instant> expiresAt() {
        Entry snapshot = entry;
        return snapshot == null ? Optional.empty() : Optional.of(snapshot.expiresAt());
    }

    private boolean isFresh(Entry snapshot) {
        return clock.instant().isBefore(snapshot.expiresAt());
    }
}
