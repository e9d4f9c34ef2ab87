package com.roomagent.agent.discovery.internal;

import com.roomagent.protocol.discovery.MediaTransport;
import java.util.Objects;

/**
 * One node and transport to probe.
 *
 * @param nodeId the node's id in the node list, or {@code host:port} for a single server
 * @param transport the transport, whose protocol picks the prober
 * @param host an IP literal or a DNS name
 * @param port the transport's port on that host
 */
public record ProbeTarget(String nodeId, MediaTransport transport, String host, int port) {
    public ProbeTarget {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1 to 65535, was " + port + " for node " + nodeId);
        }
    }

    /** {@code host:port}, with an IPv6 literal in brackets, as in reports. */
    public String hostPort() {
        return hostPort(host, port);
    }

    public static String hostPort(String host, int port) {
        return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]:" + port : host + ":" + port;
    }
}
