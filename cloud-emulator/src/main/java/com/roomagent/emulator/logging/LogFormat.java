package com.roomagent.emulator.logging;

import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** How values appear in log lines, so that every line of every component greps the same way. */
public final class LogFormat {
    private LogFormat() {}

    /**
     * {@code 127.0.1.1:5004} or {@code [::1]:5004}: the numeric address, never a host name (which
     * {@link InetSocketAddress#toString()} prefixes when it happens to know one).
     */
    public static String address(SocketAddress address) {
        if (!(address instanceof InetSocketAddress)) {
            return String.valueOf(address);
        }
        InetSocketAddress inet = (InetSocketAddress) address;
        if (inet.getAddress() == null) {
            return inet.getHostString() + ":" + inet.getPort();
        }
        String host = inet.getAddress().getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + inet.getPort();
    }
}
