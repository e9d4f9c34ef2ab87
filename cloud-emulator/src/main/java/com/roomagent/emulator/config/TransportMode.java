package com.roomagent.emulator.config;

import java.util.Optional;

/**
 * How a media node treats one transport: the emulator's way of reproducing what firewalls and
 * broken deployments do to a probe (docs/cloud-emulator.md, "Media node behaviour").
 */
public enum TransportMode {
    /** Bound, and every binding request is answered after the node's delay. */
    SERVE("serve"),
    /**
     * Bound, but nothing is ever answered: a firewall that drops silently. UDP datagrams are read
     * and discarded; TCP and TLS connections are accepted and their bytes discarded (no TLS
     * handshake), so the client runs into its own timeout.
     */
    DROP("drop"),
    /**
     * Not bound: the port is advertised but nothing listens, so UDP gets ICMP port unreachable and
     * TCP connections get a reset.
     */
    CLOSED("closed"),
    /** TLS only: served with a certificate that the emulator's CA did not issue. */
    BAD_CERTIFICATE("bad-certificate");

    private final String id;

    TransportMode(String id) {
        this.id = id;
    }

    /** The name used in configuration files, for example {@code bad-certificate}. */
    public String id() {
        return id;
    }

    /** The mode named {@code id} in a configuration file, or empty when there is none. */
    public static Optional<TransportMode> fromId(String id) {
        for (TransportMode mode : values()) {
            if (mode.id.equals(id)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
