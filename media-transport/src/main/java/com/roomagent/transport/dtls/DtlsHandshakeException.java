package com.roomagent.transport.dtls;

import java.io.IOException;

/**
 * A DTLS-SRTP handshake that produced no keys, with the reason a caller acts on: a {@link
 * Reason#FINGERPRINT_MISMATCH} means the node is not the one signaling announced (do not retry on
 * another transport to the same node; report it), a {@link Reason#TIMEOUT} or {@link
 * Reason#CHANNEL_CLOSED} means the path failed (fail over), a {@link Reason#FAILED} handshake is a
 * protocol or configuration error (alert, no common cipher suite).
 */
public final class DtlsHandshakeException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Why the handshake gave no keys. */
    public enum Reason {
        /** The peer's certificate does not have the fingerprint from signaling. */
        FINGERPRINT_MISMATCH,
        /** No completed handshake within the caller's timeout. */
        TIMEOUT,
        /** The media channel closed or failed during the handshake. */
        CHANNEL_CLOSED,
        /** The handshake failed otherwise: an alert, no common parameters, a local error. */
        FAILED
    }

    private final Reason reason;

    public DtlsHandshakeException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public DtlsHandshakeException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
