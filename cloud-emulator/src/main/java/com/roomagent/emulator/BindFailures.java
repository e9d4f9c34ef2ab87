package com.roomagent.emulator;

import com.roomagent.emulator.EmulatorStartException.Failure;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Locale;

/**
 * Turns the JDK's terse bind errors ("Permission denied", "Address already in use") into messages
 * an operator can act on. The JDK reports them all as {@link java.net.BindException} with the
 * operating system's text, so the text is what there is to classify.
 */
final class BindFailures {
    private static final int FIRST_UNPRIVILEGED_PORT = 1024;

    private BindFailures() {}

    /**
     * @param who what was being bound, for example "node mesh-lan-1 udp" or "signaling"
     * @param source the configuration's source, named so the operator knows which file to edit
     */
    static EmulatorStartException describe(String who, InetSocketAddress address, IOException cause, String source) {
        String detail = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
        String where = who + " cannot bind " + address.getAddress().getHostAddress() + ":" + address.getPort();
        if (detail.contains("already in use")) {
            return new EmulatorStartException(
                    Failure.PORT_IN_USE,
                    where + ": the port is in use by another process; stop it, or change the port in " + source
                            + " (0 for an ephemeral port)",
                    cause);
        }
        if (detail.contains("permission denied") && address.getPort() < FIRST_UNPRIVILEGED_PORT) {
            return new EmulatorStartException(
                    Failure.PORT_NEEDS_PRIVILEGE,
                    where + ": ports below " + FIRST_UNPRIVILEGED_PORT + " need privilege; run as root, grant"
                            + " CAP_NET_BIND_SERVICE to java, or use a port of " + FIRST_UNPRIVILEGED_PORT
                            + " or more in " + source,
                    cause);
        }
        if (detail.contains("cannot assign requested address")) {
            return new EmulatorStartException(
                    Failure.ADDRESS_NOT_LOCAL,
                    where + ": the address is not on this machine; on Linux every 127.x.y.z address is"
                            + " loopback, elsewhere add it as an alias of the loopback interface, or change the"
                            + " host in " + source,
                    cause);
        }
        return new EmulatorStartException(
                Failure.LISTEN_FAILED, where + ": " + cause.getMessage() + " (configured in " + source + ")", cause);
    }
}
