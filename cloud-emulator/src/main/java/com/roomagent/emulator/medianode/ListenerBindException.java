package com.roomagent.emulator.medianode;

import com.roomagent.protocol.discovery.MediaTransport;
import java.io.IOException;
import java.net.InetSocketAddress;

/** A media node's listener could not bind its address; the cause is the JDK's bind error. */
public final class ListenerBindException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String nodeId;
    private final MediaTransport transport;
    private final transient InetSocketAddress address;

    ListenerBindException(String nodeId, MediaTransport transport, InetSocketAddress address, IOException cause) {
        super("node " + nodeId + " " + transport.id() + " cannot bind " + address + ": " + cause.getMessage(), cause);
        this.nodeId = nodeId;
        this.transport = transport;
        this.address = address;
    }

    public String nodeId() {
        return nodeId;
    }

    public MediaTransport transport() {
        return transport;
    }

    /** The address that could not be bound. */
    public InetSocketAddress address() {
        return address;
    }
}
