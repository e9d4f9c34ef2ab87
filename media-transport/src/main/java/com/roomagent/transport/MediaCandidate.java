package com.roomagent.transport;

import com.roomagent.protocol.discovery.MediaNode;
import com.roomagent.protocol.discovery.MediaTransport;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One way to reach one media node: a transport and the node's port for it.
 *
 * @param nodeId the node's id from the node list
 * @param host the node's address as the node list gives it: an IP literal or a DNS name; TLS
 *     checks the node's certificate against it (an IP literal against the IP address entries)
 * @param transport UDP, TCP, TLS or last-resort UDP
 * @param port the node's port for that transport
 */
public record MediaCandidate(String nodeId, String host, MediaTransport transport, int port) {

    public MediaCandidate {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(transport, "transport");
        if (port < 1 || port > 0xFFFF) {
            throw new IllegalArgumentException("port must be 1-65535, got " + port + " for node " + nodeId);
        }
    }

    /**
     * The candidates of each node in turn, each node's in the R12 preference order (UDP 5004, TCP
     * 5004, TLS 443, UDP 33434), skipping transports a node does not offer. {@code nodes} is
     * ranked best first, as discovery ranks them.
     */
    public static List<MediaCandidate> ranked(List<MediaNode> nodes) {
        List<MediaCandidate> candidates = new ArrayList<>();
        for (MediaNode node : nodes) {
            for (MediaTransport transport : MediaTransport.values()) {
                node.port(transport)
                        .ifPresent(port -> candidates.add(new MediaCandidate(node.id(), node.host(), transport, port)));
            }
        }
        return List.copyOf(candidates);
    }

    /** For logs and reports: {@code node-a udp 192.0.2.1:5004}. */
    public String describe() {
        String hostPort = host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
        return nodeId + " " + transport.id() + " " + hostPort;
    }
}
