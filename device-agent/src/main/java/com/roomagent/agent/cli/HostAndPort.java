package com.roomagent.agent.cli;

import java.net.InetSocketAddress;

/** Parses {@code host:port} and {@code [ipv6]:port} as a person types them. */
final class HostAndPort {
    private HostAndPort() {}

    /**
     * Returns an unresolved address; resolution happens at probe time so a name that does not
     * resolve is reported as a probe failure, with its reason.
     *
     * @throws IllegalArgumentException saying what is wrong and what was expected
     */
    static InetSocketAddress parse(String text) {
        String host;
        String port;
        if (text.startsWith("[")) {
            int close = text.indexOf("]:");
            if (close < 0) {
                throw new IllegalArgumentException("'" + text + "' is not [IPv6]:PORT");
            }
            host = text.substring(1, close);
            port = text.substring(close + 2);
            if (host.isEmpty()) {
                // InetAddress reads "" as loopback: the probe would silently go to this machine.
                throw new IllegalArgumentException("'" + text + "' has no host between the brackets");
            }
        } else {
            int colon = text.lastIndexOf(':');
            if (colon <= 0 || text.indexOf(':') != colon) {
                throw new IllegalArgumentException(
                        "'" + text + "' is not HOST:PORT (write IPv6 addresses as [address]:port)");
            }
            host = text.substring(0, colon);
            port = text.substring(colon + 1);
        }
        int number;
        try {
            number = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the port in '" + text + "' is not a number");
        }
        if (number < 1 || number > 65535) {
            throw new IllegalArgumentException("the port in '" + text + "' is outside 1-65535");
        }
        return InetSocketAddress.createUnresolved(host, number);
    }
}
