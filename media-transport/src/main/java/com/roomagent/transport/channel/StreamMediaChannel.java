package com.roomagent.transport.channel;

import com.roomagent.protocol.discovery.MediaTransport;
import com.roomagent.protocol.framing.FramingException;
import com.roomagent.protocol.framing.StreamFraming;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A media channel over a TCP or TLS connection, every packet framed with a 16-bit length (RFC 4571
 * section 2, as ICE-TCP frames STUN and media, RFC 6544 section 3). Writers are serialised on the
 * output stream; the reader thread alone reads. A frame longer than {@code maxPacketBytes}, or a
 * stream that ends inside a frame, ends the channel with a {@link FramingException}: the stream has
 * lost its packet boundaries.
 */
final class StreamMediaChannel extends BaseMediaChannel {
    private static final Logger LOG = LoggerFactory.getLogger(StreamMediaChannel.class);

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final Object writeLock = new Object();

    StreamMediaChannel(MediaTransport transport, Socket socket, int maxPacketBytes) throws IOException {
        super(
                transport,
                (InetSocketAddress) socket.getLocalSocketAddress(),
                (InetSocketAddress) socket.getRemoteSocketAddress(),
                maxPacketBytes);
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    @Override
    public void send(byte[] packet) throws IOException {
        checkSendable(packet);
        try {
            synchronized (writeLock) {
                StreamFraming.RFC4571.writePacket(out, packet);
                out.flush();
            }
        } catch (IOException e) {
            if (isClosed()) {
                throw closedError();
            }
            IOException cause = new IOException(
                    "sending a " + packet.length + "-byte frame over "
                            + transport().id() + " to " + remoteAddress() + " failed: " + e.getMessage(),
                    e);
            fail(cause);
            throw cause;
        }
    }

    @Override
    byte[] readPacket() throws IOException {
        byte[] packet;
        try {
            packet = StreamFraming.RFC4571.readPacket(in);
        } catch (EOFException e) {
            throw new EOFException("the media node " + remoteAddress() + " closed the "
                    + transport().id() + " connection");
        }
        if (packet.length > maxPacketBytes) {
            throw new FramingException("the media node " + remoteAddress() + " sent a frame of " + packet.length
                    + " bytes over " + transport().id() + ", more than maxPacketBytes " + maxPacketBytes
                    + "; closing the connection");
        }
        return packet;
    }

    @Override
    void closeSocket() {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("event=stream-close-failed remote={} error=\"{}\"", remoteAddress(), e.getMessage());
        }
    }
}
