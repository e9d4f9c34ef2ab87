package com.roomagent.emulator.medianode;

import java.time.Duration;

/**
 * Bounds on the TCP and TLS listeners of a media node, so that a misbehaving client can neither
 * exhaust threads nor hold a connection forever.
 *
 * @param maxConnections connections served at once per listener; more are closed on accept
 * @param idleTimeout a connection that sends nothing for this long is closed
 * @param handshakeTimeout a TLS handshake that takes longer fails and the connection is closed
 */
public record StreamLimits(int maxConnections, Duration idleTimeout, Duration handshakeTimeout) {
    /** 64 connections per listener, 60 s idle timeout, 10 s handshake timeout. */
    public static final StreamLimits DEFAULT = new StreamLimits(64, Duration.ofSeconds(60), Duration.ofSeconds(10));

    public StreamLimits {
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1, was " + maxConnections);
        }
        if (idleTimeout.isNegative()
                || idleTimeout.isZero()
                || handshakeTimeout.isNegative()
                || handshakeTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
    }
}
