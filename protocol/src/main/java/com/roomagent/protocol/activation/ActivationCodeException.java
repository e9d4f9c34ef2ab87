package com.roomagent.protocol.activation;

/**
 * A typed activation code that cannot be right, found on the device before any network call.
 * The message says what is wrong and where, in the installer's terms, and never repeats the code.
 */
public final class ActivationCodeException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What is wrong with the code. */
    public enum Reason {
        /** A character that is neither a digit nor a separator. */
        MALFORMED,
        /** Too few or too many digits. */
        WRONG_LENGTH,
        /** A group's check digit does not match: a digit in that group is mistyped. */
        CHECK_DIGIT
    }

    private final Reason reason;
    private final int position;

    ActivationCodeException(Reason reason, int position, String message) {
        super(message);
        this.reason = reason;
        this.position = position;
    }

    public Reason reason() {
        return reason;
    }

    /**
     * Where the problem is, counted from 1: the character position for {@link Reason#MALFORMED},
     * the group number (1 to 4) for {@link Reason#CHECK_DIGIT}, the number of digits found for
     * {@link Reason#WRONG_LENGTH}.
     */
    public int position() {
        return position;
    }
}
