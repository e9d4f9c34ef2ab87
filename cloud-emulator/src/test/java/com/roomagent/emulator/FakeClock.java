package com.roomagent.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that moves only when a test advances it: expiry and rate limits without waiting. It
 * starts at the real time, so certificates issued with it are valid for TLS clients on the real
 * clock. Thread-safe.
 */
public final class FakeClock extends Clock {
    private volatile Instant now;

    public FakeClock() {
        this(Instant.now());
    }

    public FakeClock(Instant start) {
        this.now = start;
    }

    public synchronized void advance(Duration step) {
        now = now.plus(step);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
