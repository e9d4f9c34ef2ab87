package com.roomagent.protocol.discovery;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The ways media can reach a media node, in the preference order of R12: UDP on the media port
 * (5004), TCP on the media port (5004), TLS on 443, and UDP on the last-resort port (33434), which
 * ISPs often rate-limit and which is never preferred. {@link #ordinal()} is the preference rank.
 *
 * <p>The port of each transport is the node's to advertise (see {@link MediaNode#ports()}); the
 * defaults here are the ones the source document names.
 */
public enum MediaTransport {
    UDP("udp", Protocol.UDP, 5004),
    TCP("tcp", Protocol.TCP, 5004),
    TLS("tls", Protocol.TLS, 443),
    UDP_LAST_RESORT("udp-last-resort", Protocol.UDP, 33434);

    /** The socket protocol under a transport. */
    public enum Protocol {
        UDP,
        TCP,
        TLS
    }

    private final String id;
    private final Protocol protocol;
    private final int defaultPort;

    MediaTransport(String id, Protocol protocol, int defaultPort) {
        this.id = id;
        this.protocol = protocol;
        this.defaultPort = defaultPort;
    }

    /** The name used on the wire and in reports, for example {@code udp-last-resort}. */
    @JsonValue
    public String id() {
        return id;
    }

    public Protocol protocol() {
        return protocol;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /**
     * Returns the transport named {@code id}.
     *
     * @throws IllegalArgumentException naming the accepted ids, when {@code id} is none of them
     */
    @JsonCreator
    public static MediaTransport fromId(String id) {
        for (MediaTransport transport : values()) {
            if (transport.id.equals(id)) {
                return transport;
            }
        }
        throw new IllegalArgumentException(
                "unknown media transport '" + id + "'; expected one of udp, tcp, tls, udp-last-resort");
    }
}
