package com.roomagent.protocol.stun;

import java.util.Objects;

/**
 * The bytes are not a valid STUN message. The message says what is wrong and where: byte offsets
 * count from the first byte of the STUN header, attribute types are in hex. The usual response is
 * to drop the datagram (RFC 5389 §7.3); see {@link StunUnknownAttributesException} for the one
 * case that deserves an answer.
 */
public class StunParseException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Which rule the bytes broke. */
    public enum Reason {
        /** Fewer bytes than a header, or than the header's length field announces. */
        TRUNCATED,
        /** Not STUN at all: the top two bits are set, or the magic cookie is wrong (RFC 5389 §6). */
        NOT_STUN,
        /** The length field is not a multiple of 4, or more bytes follow than it announces. */
        BAD_LENGTH,
        /**
         * An attribute overruns the message, has a value of the wrong length or format, or sits
         * where it may not (anything after FINGERPRINT).
         */
        BAD_ATTRIBUTE,
        /** FINGERPRINT does not match the message (RFC 5389 §15.5). */
        FINGERPRINT_MISMATCH,
        /** A comprehension-required attribute this codec does not know (RFC 5389 §7.3). */
        UNKNOWN_REQUIRED_ATTRIBUTE
    }

    private final Reason reason;

    public StunParseException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public StunParseException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
