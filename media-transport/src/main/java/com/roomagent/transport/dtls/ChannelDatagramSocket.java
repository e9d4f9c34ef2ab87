package com.roomagent.transport.dtls;

import com.roomagent.transport.MediaChannel;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketException;
import java.util.Arrays;

/**
 * The seam Scandium's {@code DTLSConnector} offers for a transport of our own: a {@code
 * DatagramSocket} handed to its {@code init}, whose {@link #send(DatagramPacket)} puts each record
 * flight on the {@link MediaChannel}. Inbound datagrams do not come through {@link
 * #receive(DatagramPacket)}: the connector runs no receiver thread, and {@link DtlsSrtpHandshake}
 * feeds them to {@code processDatagram}. It never binds an OS socket; it does not own the channel,
 * so closing it leaves the channel open.
 */
final class ChannelDatagramSocket extends DatagramSocket {
    private static final int BUFFER_SIZE = 64 * 1024;

    private final MediaChannel channel;
    private final InetSocketAddress localAddress;
    private volatile boolean closed;

    /**
     * The super constructor with a null address makes an unbound JDK socket we never bind or use;
     * {@link #close()} releases it.
     */
    ChannelDatagramSocket(MediaChannel channel, InetSocketAddress localAddress) throws SocketException {
        super((SocketAddress) null);
        this.channel = channel;
        this.localAddress = localAddress;
    }

    @Override
    public void send(DatagramPacket packet) throws IOException {
        if (closed) {
            throw new SocketException("DTLS socket over the " + channel.transport() + " media channel is closed");
        }
        int offset = packet.getOffset();
        channel.send(Arrays.copyOfRange(packet.getData(), offset, offset + packet.getLength()));
    }

    @Override
    public void receive(DatagramPacket packet) throws IOException {
        throw new SocketException("DTLS datagrams from a media channel arrive through processDatagram, not receive");
    }

    @Override
    public void bind(SocketAddress address) {
        // Bound by construction to the channel's local end; nothing to bind.
    }

    @Override
    public boolean isBound() {
        return true;
    }

    @Override
    public InetAddress getLocalAddress() {
        return localAddress.getAddress();
    }

    @Override
    public int getLocalPort() {
        return localAddress.getPort();
    }

    @Override
    public SocketAddress getLocalSocketAddress() {
        return localAddress;
    }

    @Override
    public void setReceiveBufferSize(int size) {
        // The channel owns its buffers.
    }

    @Override
    public int getReceiveBufferSize() {
        return BUFFER_SIZE;
    }

    @Override
    public void setSendBufferSize(int size) {
        // The channel owns its buffers.
    }

    @Override
    public int getSendBufferSize() {
        return BUFFER_SIZE;
    }

    @Override
    public void setReuseAddress(boolean on) {
        // No OS socket is bound.
    }

    @Override
    public boolean getReuseAddress() {
        return false;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    /** Marks the socket closed and releases the unused JDK socket; the channel stays open. */
    @Override
    public void close() {
        closed = true;
        super.close();
    }
}
