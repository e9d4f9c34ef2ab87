package com.roomagent.protocol.discovery;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One media node from the cloud's node list (R6).
 *
 * @param id stable identifier, unique within the list
 * @param kind cloud node or Video Mesh node
 * @param region where the node runs, for people reading reports (for example {@code eu-west})
 * @param host the address media is sent to: an IP literal or a DNS name
 * @param ports the port of every transport the node offers; a transport the node does not offer
 *     is absent
 */
public record MediaNode(String id, NodeKind kind, String region, String host, Map<MediaTransport, Integer> ports) {

    public MediaNode {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(host, "host");
        ports = ports.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(ports));
    }

    /** The node's port for {@code transport}, or empty when it does not offer that transport. */
    public Optional<Integer> port(MediaTransport transport) {
        return Optional.ofNullable(ports.get(transport));
    }
}
