package com.roomagent.emulator.config;

import com.roomagent.protocol.discovery.MediaTransport;
import com.roomagent.protocol.discovery.NodeKind;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * One emulated media node.
 *
 * @param id unique node id, as the node list shows it
 * @param kind cloud node or Video Mesh node
 * @param region shown in the node list, for people reading reports
 * @param host the IP literal the node binds and advertises, for example {@code 127.0.1.1}
 * @param ports the port of every transport the node offers, 0 for an ephemeral port; a transport
 *     absent here is neither bound nor advertised; iterates in {@link MediaTransport} order
 * @param delay simulated one-way latency: every answer leaves this long after its request arrived
 * @param modes how each transport behaves; a transport absent here is {@link TransportMode#SERVE}
 */
public record NodeConfig(
        String id,
        NodeKind kind,
        String region,
        String host,
        Map<MediaTransport, Integer> ports,
        Duration delay,
        Map<MediaTransport, TransportMode> modes) {

    public NodeConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(delay, "delay");
        ports = inTransportOrder(ports);
        modes = inTransportOrder(modes);
    }

    /** An immutable copy iterating in {@link MediaTransport} order, so logs and errors are stable. */
    private static <V> Map<MediaTransport, V> inTransportOrder(Map<MediaTransport, V> map) {
        EnumMap<MediaTransport, V> copy = new EnumMap<>(MediaTransport.class);
        map.forEach((transport, value) -> copy.put(transport, Objects.requireNonNull(value, transport.id())));
        return Collections.unmodifiableMap(copy);
    }

    /** How {@code transport} behaves on this node. */
    public TransportMode mode(MediaTransport transport) {
        return modes.getOrDefault(transport, TransportMode.SERVE);
    }

    /** A builder with no transports, kind cloud, region "unknown", no delay. */
    public static Builder builder(String id, String host) {
        return new Builder(id, host);
    }

    /**
     * A builder for a cloud node on 127.0.0.1 offering all four transports on ephemeral ports,
     * region "loopback", no delay: tests adjust modes and delay from there.
     */
    public static Builder loopback(String id) {
        Builder builder = new Builder(id, "127.0.0.1").region("loopback");
        for (MediaTransport transport : MediaTransport.values()) {
            builder.port(transport, 0);
        }
        return builder;
    }

    /** Builds a {@link NodeConfig}; not thread-safe. */
    public static final class Builder {
        private final String id;
        private final String host;
        private NodeKind kind = NodeKind.CLOUD;
        private String region = "unknown";
        private Duration delay = Duration.ZERO;
        private final Map<MediaTransport, Integer> ports = new EnumMap<>(MediaTransport.class);
        private final Map<MediaTransport, TransportMode> modes = new EnumMap<>(MediaTransport.class);

        private Builder(String id, String host) {
            this.id = Objects.requireNonNull(id, "id");
            this.host = Objects.requireNonNull(host, "host");
        }

        public Builder kind(NodeKind value) {
            kind = Objects.requireNonNull(value, "kind");
            return this;
        }

        public Builder region(String value) {
            region = Objects.requireNonNull(value, "region");
            return this;
        }

        public Builder delay(Duration value) {
            delay = Objects.requireNonNull(value, "delay");
            return this;
        }

        /** Offers {@code transport} on {@code port} (0 for an ephemeral port). */
        public Builder port(MediaTransport transport, int port) {
            ports.put(transport, port);
            return this;
        }

        /** Stops offering {@code transport}: it is neither bound nor advertised. */
        public Builder withoutTransport(MediaTransport transport) {
            ports.remove(transport);
            modes.remove(transport);
            return this;
        }

        public Builder mode(MediaTransport transport, TransportMode mode) {
            modes.put(transport, Objects.requireNonNull(mode, "mode"));
            return this;
        }

        public NodeConfig build() {
            return new NodeConfig(id, kind, region, host, ports, delay, modes);
        }
    }
}
