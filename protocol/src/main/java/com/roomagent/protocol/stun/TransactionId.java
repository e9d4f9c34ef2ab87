package com.roomagent.protocol.stun;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

/**
 * The 96-bit transaction ID of a STUN message (RFC 5389 §6): chosen by the client, echoed by the
 * server, and the only thing that ties a response to its request. Immutable.
 */
public final class TransactionId {
    /** Length of a transaction ID on the wire, in bytes (RFC 5389 §6). */
    public static final int LENGTH = 12;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] bytes;

    private TransactionId(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * Returns a fresh ID from a {@link SecureRandom}. RFC 5389 §6 asks for a cryptographically
     * random ID so that an off-path attacker cannot forge a response to a request it did not see.
     */
    public static TransactionId random() {
        byte[] bytes = new byte[LENGTH];
        RANDOM.nextBytes(bytes);
        return new TransactionId(bytes);
    }

    /**
     * Returns the ID with these bytes; the array is copied.
     *
     * @throws IllegalArgumentException unless the array has exactly 12 bytes
     */
    public static TransactionId of(byte[] twelveBytes) {
        Objects.requireNonNull(twelveBytes, "twelveBytes");
        if (twelveBytes.length != LENGTH) {
            throw new IllegalArgumentException(
                    "a STUN transaction ID has " + LENGTH + " bytes, got " + twelveBytes.length);
        }
        return new TransactionId(twelveBytes.clone());
    }

    /** Reads the 12 bytes at {@code offset}; the caller has checked that they exist. */
    static TransactionId read(byte[] data, int offset) {
        return new TransactionId(Arrays.copyOfRange(data, offset, offset + LENGTH));
    }

    /** Returns a copy of the 12 bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Returns byte {@code index} (0 to 11) without copying, for the XOR of XOR-MAPPED-ADDRESS. */
    byte byteAt(int index) {
        return bytes[index];
    }

    void writeTo(WireWriter writer) {
        writer.bytes(bytes, 0, LENGTH);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TransactionId && Arrays.equals(bytes, ((TransactionId) other).bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** Returns the 24 lowercase hex digits of the ID, as packet captures show it. */
    @Override
    public String toString() {
        return Hex.encode(bytes);
    }
}
