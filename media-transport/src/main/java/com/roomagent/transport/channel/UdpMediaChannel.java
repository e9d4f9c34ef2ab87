package com.roomagent.transport.channel;

import com.roomagent.protocol.discovery.MediaTransport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A media channel over a connected UDP socket: one local port sends to and receives from the
 * node's port only (R13); the kernel drops datagrams from anyone else. An ICMP port unreachable
 * for an earlier datagram ends the channel with a {@link PortUnreachableException}, so a node
 * that refuses UDP fails fast instead of timing out.
 */
final class UdpMediaChannel extends BaseMediaChannel {
    private static final Logger LOG = LoggerFactory.getLogger(UdpMediaChannel.class);
    private static final int MAX_DATAGRAM = 65_535;

    private final DatagramChannel socket;
    private final ByteBuffer readBuffer = ByteBuffer.allocate(MAX_DATAGRAM);

    private UdpMediaChannel(
            MediaTransport transport,
            DatagramChannel socket,
            InetSocketAddress local,
            InetSocketAddress remote,
            int max) {
        super(transport, local, remote, max);
        this.socket = socket;
    }

    /** Binds an ephemeral port on the wildcard address and connects it to {@code remote}. */
    static UdpMediaChannel open(MediaTransport transport, InetSocketAddress remote, int maxPacketBytes)
            throws IOException {
        DatagramChannel socket = DatagramChannel.open();
        try {
            socket.bind(null);
            socket.connect(remote);
            InetSocketAddress local = (InetSocketAddress) socket.getLocalAddress();
            return new UdpMediaChannel(transport, socket, local, remote, maxPacketBytes);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    @Override
    public void send(byte[] packet) throws IOException {
        checkSendable(packet);
        try {
            socket.write(ByteBuffer.wrap(packet));
        } catch (PortUnreachableException e) {
            IOException cause = portUnreachable();
            fail(cause);
            throw cause;
        } catch (IOException e) {
            if (isClosed()) {
                throw closedError();
            }
            throw new IOException(
                    "sending " + packet.length + " bytes over UDP to " + remoteAddress() + " failed: " + e.getMessage(),
                    e);
        }
    }

    @Override
    byte[] readPacket() throws IOException {
        readBuffer.clear();
        int length;
        try {
            length = socket.read(readBuffer);
        } catch (PortUnreachableException e) {
            throw portUnreachable();
        }
        if (length < 0) {
            throw new IOException("the UDP socket to " + remoteAddress() + " was closed");
        }
        if (length > maxPacketBytes) {
            LOG.debug("event=datagram-dropped remote={} bytes={} reason=oversized", remoteAddress(), length);
            return null;
        }
        return Arrays.copyOf(readBuffer.array(), length);
    }

    @Override
    void closeSocket() {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("event=udp-close-failed remote={} error=\"{}\"", remoteAddress(), e.getMessage());
        }
    }

    private PortUnreachableException portUnreachable() {
        return new PortUnreachableException("ICMP port unreachable from " + remoteAddress()
                + ": nothing listens on that UDP port, or a firewall" + " rejects it");
    }
}
