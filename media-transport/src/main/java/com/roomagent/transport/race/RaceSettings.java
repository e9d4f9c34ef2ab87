package com.roomagent.transport.race;

import java.time.Duration;
import java.util.Objects;

/**
 * The transport race's timing. Every value is a {@link Duration}; the integrator maps each to an
 * agent setting of the same name.
 *
 * @param raceStagger how long after starting one candidate the race starts the next, unless the
 *     first fails sooner (then the next starts at once); RFC 8305 section 5's "Connection Attempt
 *     Delay"
 * @param graceWindow after the first candidate answers, how long a more preferred candidate still
 *     running may take to answer and win instead
 * @param attemptTimeout the longest one attempt (open the channel, connect, TLS handshake, STUN
 *     exchange) may take before it counts as failed
 * @param stunInitialRto the first STUN retransmission timeout over UDP, doubling after each
 *     retransmission (RFC 5389 section 7.2.1); TCP and TLS send once (section 7.2.2)
 * @param raceTimeout the deadline of the whole race: with no answer by then, it fails
 */
public record RaceSettings(
        Duration raceStagger,
        Duration graceWindow,
        Duration attemptTimeout,
        Duration stunInitialRto,
        Duration raceTimeout) {

    /**
     * The defaults, and why (docs/media-path.md explains them at more length):
     *
     * <ul>
     *   <li>raceStagger 200 ms: above the RTT to a media node discovery would pick (under 100 ms),
     *       so a working UDP path normally answers before TCP even starts and no TCP connection is
     *       wasted; a silently dropped UDP path costs 200 ms, not a multi-second STUN timeout. RFC
     *       8305 recommends 250 ms for DNS-less connection racing and at least 100 ms; OkHttp uses
     *       250 ms.
     *   <li>graceWindow 250 ms: a UDP answer whose first request was lost arrives one
     *       retransmission (stunInitialRto, 200 ms) plus an RTT late; 250 ms lets it still win
     *       over a TCP answer (R21: interactive media prefers UDP).
     *   <li>attemptTimeout 4 s: a TLS attempt over a slow path needs connect, a handshake of two
     *       round trips and a STUN exchange; UDP gets five requests (0, 0.2, 0.6, 1.4, 3 s).
     *   <li>stunInitialRto 200 ms: libwebrtc starts at 250 ms; RFC 5389 suggests 500 ms for
     *       unknown paths, too slow for a race whose later candidates start at 200 ms.
     *   <li>raceTimeout 10 s: four staggered attempts of 4 s each end by 4.6 s; the rest is
     *       margin for slow resolution, never a wait when every attempt has failed.
     * </ul>
     */
    public static RaceSettings defaults() {
        return new RaceSettings(
                Duration.ofMillis(200),
                Duration.ofMillis(250),
                Duration.ofSeconds(4),
                Duration.ofMillis(200),
                Duration.ofSeconds(10));
    }

    public RaceSettings {
        requirePositive("raceStagger", raceStagger);
        Objects.requireNonNull(graceWindow, "graceWindow");
        if (graceWindow.isNegative()) {
            throw new IllegalArgumentException("graceWindow must not be negative, got " + graceWindow);
        }
        requirePositive("attemptTimeout", attemptTimeout);
        requirePositive("stunInitialRto", stunInitialRto);
        requirePositive("raceTimeout", raceTimeout);
    }

    private static void requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }
}
