package com.roomagent.protocol.stun;

import java.util.Arrays;

/** A growable big-endian byte buffer for building one message; not thread-safe. */
final class WireWriter {
    private byte[] buffer;
    private int size;

    WireWriter(int initialCapacity) {
        buffer = new byte[initialCapacity];
    }

    int size() {
        return size;
    }

    /** The backing array, valid up to {@link #size()}; not a copy. */
    byte[] array() {
        return buffer;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buffer, size);
    }

    void u8(int value) {
        ensure(1);
        buffer[size++] = (byte) value;
    }

    void u16(int value) {
        ensure(2);
        buffer[size++] = (byte) (value >>> 8);
        buffer[size++] = (byte) value;
    }

    void u32(long value) {
        ensure(4);
        buffer[size++] = (byte) (value >>> 24);
        buffer[size++] = (byte) (value >>> 16);
        buffer[size++] = (byte) (value >>> 8);
        buffer[size++] = (byte) value;
    }

    void u64(long value) {
        u32(value >>> 32);
        u32(value);
    }

    void bytes(byte[] source, int offset, int length) {
        ensure(length);
        System.arraycopy(source, offset, buffer, size, length);
        size += length;
    }

    /** Pads to the next multiple of 4 with {@code padding} (RFC 5389 §15). */
    void padTo4(byte padding) {
        while ((size & 3) != 0) {
            u8(padding);
        }
    }

    /** Overwrites two bytes already written, for the message length field. */
    void setU16(int position, int value) {
        buffer[position] = (byte) (value >>> 8);
        buffer[position + 1] = (byte) value;
    }

    private void ensure(int more) {
        if (size + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
        }
    }
}
