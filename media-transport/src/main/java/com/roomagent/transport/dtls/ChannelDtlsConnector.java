package com.roomagent.transport.dtls;

import java.io.IOException;
import java.net.InetSocketAddress;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;

/**
 * A Scandium connector that starts on a {@link ChannelDatagramSocket} instead of binding a UDP
 * socket (the agent listens on no port, R1): Scandium's documented {@code init(bindAddress,
 * socket, mtu)} seam. Starts once; a new handshake gets a new connector.
 */
final class ChannelDtlsConnector extends DTLSConnector {
    /**
     * The MTU the connector fragments handshake flights for: IPv6's minimum (RFC 8200 section 5),
     * so a flight fits any path and any RFC 4571 frame without IP fragmentation.
     */
    static final int MTU = 1280;

    private final ChannelDatagramSocket socket;

    ChannelDtlsConnector(DtlsConnectorConfig config, ChannelDatagramSocket socket) {
        super(config);
        this.socket = socket;
    }

    @Override
    protected void start(InetSocketAddress bindAddress) throws IOException {
        if (isRunning()) {
            return;
        }
        init(bindAddress, socket, MTU);
    }
}
