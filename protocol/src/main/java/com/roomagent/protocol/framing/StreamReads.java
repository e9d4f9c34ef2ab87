package com.roomagent.protocol.framing;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/** Reads that loop over short reads, which TCP and TLS streams return at any byte boundary. */
final class StreamReads {
    private StreamReads() {}

    /**
     * Reads the first {@code buffer.length} bytes of a packet.
     *
     * @throws EOFException if the stream ends before the first byte: a clean end between packets
     * @throws FramingException if it ends after the first byte, inside the packet
     */
    static void readStart(InputStream in, byte[] buffer, String what) throws IOException {
        int got = read(in, buffer, 0, buffer.length);
        if (got == 0 && buffer.length > 0) {
            throw new EOFException("the stream ended between packets");
        }
        requireComplete(what, buffer.length, got);
    }

    /**
     * Reads exactly {@code length} bytes into {@code buffer} at {@code offset}.
     *
     * @throws FramingException if the stream ends first
     */
    static void readRest(InputStream in, byte[] buffer, int offset, int length, String what) throws IOException {
        requireComplete(what, length, read(in, buffer, offset, length));
    }

    private static void requireComplete(String what, int expected, int got) throws FramingException {
        if (got < expected) {
            throw new FramingException(
                    "the stream ended inside " + what + ": expected " + expected + " bytes, got " + got);
        }
    }

    /** Reads until {@code length} bytes or the end of the stream; returns how many were read. */
    private static int read(InputStream in, byte[] buffer, int offset, int length) throws IOException {
        int total = 0;
        while (total < length) {
            int n = in.read(buffer, offset + total, length - total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }
}
