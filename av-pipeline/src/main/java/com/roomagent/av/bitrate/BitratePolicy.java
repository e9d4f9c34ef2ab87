package com.roomagent.av.bitrate;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The video bitrate target, from the transport and from what the far end's RTCP receiver reports
 * say about our stream (MISSION.md R21). Pure: fed with numbers, returns numbers, keeps no state.
 *
 * <p>Rules, applied to the current target on every new receiver report:
 *
 * <ol>
 *   <li>The target stays within {@code [minimumKbps, maximum for the transport]}; TCP and TLS have
 *       a lower maximum than UDP (head-of-line blocking and retransmissions make a queue build up
 *       sooner), and a fail-over to them cuts the target at once.
 *   <li>Loss (UDP): the loss-based controller of Google Congestion Control
 *       (draft-ietf-rmcat-gcc-02, section 6): above {@value #HIGH_LOSS} fraction lost the target
 *       drops to {@code target * (1 - 0.5 * loss)}; below {@value #LOW_LOSS} it grows by 5 %;
 *       between them it holds.
 *   <li>Delay (TCP and TLS): retransmissions hide loss, so a round-trip time above the ceiling
 *       counts as congestion and cuts the target by 15 %; otherwise the loss rule applies (it
 *       sees no loss and grows the target).
 * </ol>
 */
public final class BitratePolicy {
    /** Above this fraction lost the target drops (GCC's 10 %). */
    public static final double HIGH_LOSS = 0.10;
    /** Below this fraction lost the target grows (GCC's 2 %). */
    public static final double LOW_LOSS = 0.02;
    /** Growth per report while the path is clean (GCC's 5 %). */
    static final double INCREASE = 1.05;
    /** The cut when a reliable transport's round trip exceeds the ceiling. */
    static final double DELAY_DECREASE = 0.85;

    /** The default ceiling of the round-trip time over TCP and TLS before the target is cut. */
    public static final Duration DEFAULT_ROUND_TRIP_CEILING = Duration.ofMillis(400);

    /**
     * The range of video targets, in kbit/s.
     *
     * @param minimumKbps the floor, whatever the reports say (video below it is not worth sending)
     * @param maximumUdpKbps the ceiling over UDP
     * @param maximumReliableKbps the ceiling over TCP and TLS: at most {@code maximumUdpKbps}
     */
    public record Limits(int minimumKbps, int maximumUdpKbps, int maximumReliableKbps) {
        /** 720p30 H.264 constrained baseline: 2.5 Mbit/s over UDP, 1.5 over TCP/TLS, never below 150 kbit/s. */
        public static final Limits HD_720P30 = new Limits(150, 2500, 1500);

        public Limits {
            if (minimumKbps < 1 || maximumReliableKbps < minimumKbps || maximumUdpKbps < maximumReliableKbps) {
                throw new IllegalArgumentException("bitrate limits must satisfy 1 <= minimum <= reliable maximum"
                        + " <= UDP maximum, got " + minimumKbps + ", " + maximumReliableKbps + ", " + maximumUdpKbps);
            }
        }
    }

    /**
     * What the far end reported about our stream in its last RTCP receiver report block.
     *
     * @param fractionLost 0 to 1, the RTCP "fraction lost" (RFC 3550 section 6.4.1) divided by 256
     * @param roundTripTime from the report's LSR and DLSR (RFC 3550 section 6.4.1), when known
     */
    public record Report(double fractionLost, Optional<Duration> roundTripTime) {
        public Report {
            if (!(fractionLost >= 0 && fractionLost <= 1)) {
                throw new IllegalArgumentException("fractionLost must be 0..1, got " + fractionLost);
            }
            Objects.requireNonNull(roundTripTime, "roundTripTime");
        }
    }

    private final Limits limits;
    private final Duration roundTripCeiling;

    public BitratePolicy(Limits limits, Duration roundTripCeiling) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.roundTripCeiling = Objects.requireNonNull(roundTripCeiling, "roundTripCeiling");
    }

    public BitratePolicy(Limits limits) {
        this(limits, DEFAULT_ROUND_TRIP_CEILING);
    }

    public Limits limits() {
        return limits;
    }

    /** The highest target over {@code transport}. */
    public int maximumKbps(TransportKind transport) {
        return transport.isReliable() ? limits.maximumReliableKbps() : limits.maximumUdpKbps();
    }

    /** Where a session starts before any report: two thirds of the transport's maximum. */
    public int initialKbps(TransportKind transport) {
        return clamp(maximumKbps(transport) * 2 / 3, transport);
    }

    /** The target after the transport changed (no report yet): the current one, within the new range. */
    public int onTransport(int currentKbps, TransportKind transport) {
        return clamp(currentKbps, transport);
    }

    /** The target after a new receiver report about our stream. */
    public int next(int currentKbps, TransportKind transport, Report report) {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(report, "report");
        double target = clamp(currentKbps, transport);
        boolean delayed = transport.isReliable()
                && report.roundTripTime()
                        .map(rtt -> rtt.compareTo(roundTripCeiling) > 0)
                        .orElse(false);
        if (delayed) {
            target *= DELAY_DECREASE;
        } else if (report.fractionLost() > HIGH_LOSS) {
            target *= 1 - 0.5 * report.fractionLost();
        } else if (report.fractionLost() < LOW_LOSS) {
            target *= INCREASE;
        }
        return clamp((int) Math.round(target), transport);
    }

    private int clamp(int kbps, TransportKind transport) {
        return Math.max(limits.minimumKbps(), Math.min(maximumKbps(transport), kbps));
    }
}
