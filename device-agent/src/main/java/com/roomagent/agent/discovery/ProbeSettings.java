package com.roomagent.agent.discovery;

import com.roomagent.protocol.discovery.MediaTransport;
import com.roomagent.protocol.framing.StreamFraming;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How one node is probed over one transport (R7). Every duration is a {@link Duration}; the
 * defaults are those of {@link #defaults()}.
 *
 * <p>Over UDP a STUN transaction follows RFC 5389 section 7.2.1: the request is sent at 0, RTO,
 * 3 RTO, 7 RTO... (the interval doubles), {@code udpMaxTransmissions} times in all (Rc), and the
 * transaction fails when no answer arrived {@code udpFinalWaitMultiplier} initial RTOs (Rm) after
 * the last transmission. The RFC's Rc = 7 and Rm = 16 make a silently dropped path cost 39.5 s;
 * discovery runs at registration and on every network change (R9) and should finish in a few
 * seconds, so the defaults are Rc = 4 and Rm = 8: transmissions at 0, 0.5, 1.5 and 3.5 s, then a
 * 4 s wait, 7.5 s in all. Four transmissions still ride out the loss of three packets in a row.
 *
 * @param udpInitialRto the first retransmission timeout over UDP (RTO in RFC 5389 section 7.2.1);
 *     default 500 ms, the RFC's value for unknown paths
 * @param udpMaxTransmissions transmissions of one request over UDP (Rc); default 4
 * @param udpFinalWaitMultiplier wait after the last UDP transmission, in initial RTOs (Rm); default 8
 * @param connectTimeout time allowed to open a TCP connection; default 3 s
 * @param tlsHandshakeTimeout time allowed for the TLS handshake after the connection opened;
 *     default 3 s
 * @param streamResponseTimeout time allowed for the answer to one request over TCP or TLS; default
 *     5 s
 * @param samplesPerPair STUN transactions per node and transport, whose median RTT is reported;
 *     default 3
 * @param sampleInterval pause between two samples of one node and transport; default 50 ms
 * @param streamFraming how STUN messages are delimited over TCP and TLS; default {@link
 *     StreamFraming#RFC4571}, as our media nodes carry media framed that way (ARCHITECTURE.md)
 * @param software the SOFTWARE attribute (RFC 5389 section 15.10) sent in every request, or empty to
 *     send none; default empty
 */
public record ProbeSettings(
        Duration udpInitialRto,
        int udpMaxTransmissions,
        int udpFinalWaitMultiplier,
        Duration connectTimeout,
        Duration tlsHandshakeTimeout,
        Duration streamResponseTimeout,
        int samplesPerPair,
        Duration sampleInterval,
        StreamFraming streamFraming,
        Optional<String> software) {

    /** RFC 5389 section 15.10: SOFTWARE is fewer than 128 characters. */
    private static final int MAX_SOFTWARE_CHARACTERS = 127;

    public ProbeSettings {
        requirePositive("udpInitialRto", udpInitialRto);
        requireAtLeast("udpMaxTransmissions", udpMaxTransmissions, 1);
        requireAtLeast("udpFinalWaitMultiplier", udpFinalWaitMultiplier, 1);
        requirePositive("connectTimeout", connectTimeout);
        requirePositive("tlsHandshakeTimeout", tlsHandshakeTimeout);
        requirePositive("streamResponseTimeout", streamResponseTimeout);
        requireAtLeast("samplesPerPair", samplesPerPair, 1);
        Objects.requireNonNull(sampleInterval, "sampleInterval");
        if (sampleInterval.isNegative()) {
            throw new IllegalArgumentException("sampleInterval must not be negative, was " + sampleInterval);
        }
        Objects.requireNonNull(streamFraming, "streamFraming");
        Objects.requireNonNull(software, "software");
        if (software.isPresent() && software.get().length() > MAX_SOFTWARE_CHARACTERS) {
            throw new IllegalArgumentException(
                    "software must be at most " + MAX_SOFTWARE_CHARACTERS + " characters (RFC 5389 section 15.10), was "
                            + software.get().length());
        }
        // Rc - 1 doublings must stay far from overflowing a Duration; 30 transmissions of a 1 ms
        // RTO already take 12 days.
        if (udpMaxTransmissions > 30) {
            throw new IllegalArgumentException("udpMaxTransmissions must be at most 30, was " + udpMaxTransmissions);
        }
    }

    /** The defaults documented on each component. */
    public static ProbeSettings defaults() {
        return new ProbeSettings(
                Duration.ofMillis(500),
                4,
                8,
                Duration.ofSeconds(3),
                Duration.ofSeconds(3),
                Duration.ofSeconds(5),
                3,
                Duration.ofMillis(50),
                StreamFraming.RFC4571,
                Optional.empty());
    }

    /** A builder starting from these settings. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * The longest one UDP transaction can take before it is declared unanswered: the last of Rc
     * transmissions goes out at RTO x (2^(Rc-1) - 1) and the client then waits Rm x RTO (RFC 5389
     * section 7.2.1). 7.5 s with the defaults.
     */
    public Duration udpTransactionTimeout() {
        long lastTransmissionInRtos = (1L << (udpMaxTransmissions - 1)) - 1;
        return udpInitialRto.multipliedBy(lastTransmissionInRtos + udpFinalWaitMultiplier);
    }

    /**
     * The worst-case time one node takes over {@code transport}, so the bound of a whole probe is
     * known before it starts. It assumes every sample answers at the last moment: samples are
     * sequential and each gets its full transaction timeout. A path that drops everything costs much
     * less, one transaction timeout (plus connect and handshake), because a pair stops at its first
     * unanswered transaction. Name resolution is not included: the system resolver bounds it.
     */
    public Duration pairTimeout(MediaTransport transport) {
        Duration pauses = sampleInterval.multipliedBy(samplesPerPair - 1L);
        return switch (transport.protocol()) {
            case UDP -> udpTransactionTimeout().multipliedBy(samplesPerPair).plus(pauses);
            case TCP ->
                connectTimeout
                        .plus(streamResponseTimeout.multipliedBy(samplesPerPair))
                        .plus(pauses);
            case TLS ->
                connectTimeout
                        .plus(tlsHandshakeTimeout)
                        .plus(streamResponseTimeout.multipliedBy(samplesPerPair))
                        .plus(pauses);
        };
    }

    /** The longest {@link #pairTimeout} over every transport. */
    public Duration maxPairTimeout() {
        Duration max = Duration.ZERO;
        for (MediaTransport transport : MediaTransport.values()) {
            Duration candidate = pairTimeout(transport);
            if (candidate.compareTo(max) > 0) {
                max = candidate;
            }
        }
        return max;
    }

    private static void requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }

    private static void requireAtLeast(String name, int value, int minimum) {
        if (value < minimum) {
            throw new IllegalArgumentException(name + " must be at least " + minimum + ", was " + value);
        }
    }

    /** Builds {@link ProbeSettings}; {@link #build()} validates. Not thread-safe. */
    public static final class Builder {
        private Duration udpInitialRto;
        private int udpMaxTransmissions;
        private int udpFinalWaitMultiplier;
        private Duration connectTimeout;
        private Duration tlsHandshakeTimeout;
        private Duration streamResponseTimeout;
        private int samplesPerPair;
        private Duration sampleInterval;
        private StreamFraming streamFraming;
        private Optional<String> software;

        private Builder(ProbeSettings from) {
            udpInitialRto = from.udpInitialRto;
            udpMaxTransmissions = from.udpMaxTransmissions;
            udpFinalWaitMultiplier = from.udpFinalWaitMultiplier;
            connectTimeout = from.connectTimeout;
            tlsHandshakeTimeout = from.tlsHandshakeTimeout;
            streamResponseTimeout = from.streamResponseTimeout;
            samplesPerPair = from.samplesPerPair;
            sampleInterval = from.sampleInterval;
            streamFraming = from.streamFraming;
            software = from.software;
        }

        public Builder udpInitialRto(Duration value) {
            udpInitialRto = value;
            return this;
        }

        public Builder udpMaxTransmissions(int value) {
            udpMaxTransmissions = value;
            return this;
        }

        public Builder udpFinalWaitMultiplier(int value) {
            udpFinalWaitMultiplier = value;
            return this;
        }

        public Builder connectTimeout(Duration value) {
            connectTimeout = value;
            return this;
        }

        public Builder tlsHandshakeTimeout(Duration value) {
            tlsHandshakeTimeout = value;
            return this;
        }

        public Builder streamResponseTimeout(Duration value) {
            streamResponseTimeout = value;
            return this;
        }

        public Builder samplesPerPair(int value) {
            samplesPerPair = value;
            return this;
        }

        public Builder sampleInterval(Duration value) {
            sampleInterval = value;
            return this;
        }

        public Builder streamFraming(StreamFraming value) {
            streamFraming = value;
            return this;
        }

        /** The SOFTWARE attribute value; null or empty sends none. */
        public Builder software(String value) {
            software = value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
            return this;
        }

        /**
         * @throws IllegalArgumentException naming the setting that is out of range
         */
        public ProbeSettings build() {
            return new ProbeSettings(
                    udpInitialRto,
                    udpMaxTransmissions,
                    udpFinalWaitMultiplier,
                    connectTimeout,
                    tlsHandshakeTimeout,
                    streamResponseTimeout,
                    samplesPerPair,
                    sampleInterval,
                    streamFraming,
                    software);
        }
    }
}
