package com.roomagent.protocol.framing;

import com.roomagent.protocol.stun.StunMessages;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;

/**
 * How packets are delimited on a byte stream. Methods neither buffer, flush nor close: the caller
 * owns the stream. A stream is read by one thread at a time and written by one at a time.
 *
 * <p>Reads loop over short reads. The end of the stream before a packet's first byte is a clean
 * close and throws {@link java.io.EOFException}; inside a packet it throws {@link
 * FramingException}, saying how many bytes were expected and how many came.
 */
public enum StreamFraming {
    /**
     * RFC 4571 §2: each packet is preceded by its length as a 16-bit big-endian integer; ICE-TCP
     * (RFC 6544 §3) frames STUN and media this way. A zero-length frame is legal and reads as an
     * empty packet.
     */
    RFC4571 {
        @Override
        public void writePacket(OutputStream out, byte[] packet) throws IOException {
            Objects.requireNonNull(out, "out");
            if (packet.length > MAX_RFC4571_PACKET) {
                throw new IllegalArgumentException(
                        "an RFC 4571 frame carries at most 65535 bytes, got " + packet.length);
            }
            // One write of prefix and packet, so an unbuffered socket stream sends one segment.
            byte[] frame = new byte[2 + packet.length];
            frame[0] = (byte) (packet.length >>> 8);
            frame[1] = (byte) packet.length;
            System.arraycopy(packet, 0, frame, 2, packet.length);
            out.write(frame);
        }

        @Override
        public byte[] readPacket(InputStream in) throws IOException {
            byte[] prefix = new byte[2];
            StreamReads.readStart(in, prefix, "an RFC 4571 length prefix");
            int length = ((prefix[0] & 0xFF) << 8) | (prefix[1] & 0xFF);
            byte[] packet = new byte[length];
            StreamReads.readRest(in, packet, 0, length, "an RFC 4571 frame of " + length + " bytes");
            return packet;
        }
    },

    /**
     * RFC 5389 §7.2.2: STUN messages back to back with no framing, delimited by the length field
     * of their own 20-byte header; at most 65535 + 20 bytes each. Only STUN can travel this way.
     */
    PLAIN_STUN {
        @Override
        public void writePacket(OutputStream out, byte[] packet) throws IOException {
            Objects.requireNonNull(out, "out");
            // A packet whose length field disagrees with its size would desynchronise the reader.
            if (!isStunHeader(packet) || STUN_HEADER + bodyLength(packet) != packet.length) {
                throw new IllegalArgumentException(
                        "only a whole STUN message, its length field matching its size, can be sent without"
                                + " framing (RFC 5389 §7.2.2)");
            }
            out.write(packet);
        }

        @Override
        public byte[] readPacket(InputStream in) throws IOException {
            byte[] header = new byte[STUN_HEADER];
            StreamReads.readStart(in, header, "a STUN header");
            if (!isStunHeader(header)) {
                throw new FramingException("the stream carries a 20-byte header that is not STUN (first byte"
                        + " 0-3, magic cookie 0x2112A442, length a multiple of 4; RFC 5389 §6)");
            }
            int length = bodyLength(header);
            byte[] message = new byte[STUN_HEADER + length];
            System.arraycopy(header, 0, message, 0, STUN_HEADER);
            StreamReads.readRest(
                    in, message, STUN_HEADER, length, "the " + length + " attribute bytes of a STUN message");
            return message;
        }
    };

    /** The largest packet an RFC 4571 prefix can announce, in bytes. */
    public static final int MAX_RFC4571_PACKET = 0xFFFF;

    private static final int STUN_HEADER = 20;

    /**
     * Writes one packet.
     *
     * @throws IllegalArgumentException if this framing cannot carry the packet
     */
    public abstract void writePacket(OutputStream out, byte[] packet) throws IOException;

    /**
     * Reads one packet, blocking until it is complete.
     *
     * @throws java.io.EOFException if the stream ends cleanly before the packet
     * @throws FramingException if it ends inside the packet or the header is invalid
     */
    public abstract byte[] readPacket(InputStream in) throws IOException;

    private static boolean isStunHeader(byte[] header) {
        return StunMessages.looksLikeStun(header, 0, header.length) && bodyLength(header) % 4 == 0;
    }

    private static int bodyLength(byte[] header) {
        return ((header[2] & 0xFF) << 8) | (header[3] & 0xFF);
    }
}
