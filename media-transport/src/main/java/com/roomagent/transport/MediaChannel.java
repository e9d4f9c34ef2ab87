package com.roomagent.transport;

import com.roomagent.protocol.discovery.MediaTransport;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * One media flow to one media node: a datagram channel over UDP, TCP or TLS (R13). STUN, DTLS and
 * SRTP/SRTCP share it and are told apart by {@link PacketKind} (RFC 7983); over TCP and TLS every
 * packet is framed with a 16-bit length (RFC 4571), which the channel adds and removes, so what is
 * above it never knows which transport it has. It is symmetric: one local port sends and
 * receives. It never goes through an HTTP proxy (R5).
 */
public interface MediaChannel extends AutoCloseable {

    /** The transport this channel runs over. */
    MediaTransport transport();

    /** The local end of the 5-tuple. */
    InetSocketAddress localAddress();

    /** The media node's end of the 5-tuple. */
    InetSocketAddress remoteAddress();

    /**
     * Sends one packet (a whole STUN message, DTLS record flight or SRTP packet).
     *
     * @throws IOException when the channel is closed or the transport fails; the message says which
     */
    void send(byte[] packet) throws IOException;

    /**
     * Sets who receives every packet that arrives from now on, on the channel's own reader thread.
     * Replaces any receiver set before. Real channels start reading when the first receiver is set;
     * packets that arrive earlier wait in the socket's buffer. On a channel with a {@code
     * StunSession}, the session is the receiver: set the layer above with {@code
     * StunSession.downstream} instead.
     */
    void onPacket(PacketReceiver receiver);

    /** Sets who hears once when the channel fails or is closed by the other side. */
    void onClosed(ChannelClosedListener listener);

    /** Whether {@link #close()} was called or the transport failed. */
    boolean isClosed();

    /** Closes the socket and stops the reader; idempotent, never throws. */
    @Override
    void close();

    /** Receives packets from a channel. */
    @FunctionalInterface
    interface PacketReceiver {
        void packet(byte[] packet);
    }

    /** Hears that a channel has stopped, and why. */
    @FunctionalInterface
    interface ChannelClosedListener {
        /** {@code cause} is null when the channel was closed locally. */
        void closed(IOException cause);
    }
}
