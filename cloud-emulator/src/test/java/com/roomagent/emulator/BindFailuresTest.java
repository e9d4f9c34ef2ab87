package com.roomagent.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.emulator.EmulatorStartException.Failure;
import java.net.BindException;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** The operating system's bind errors, as the JDK reports them on Linux, turned into advice. */
class BindFailuresTest {
    private static final String SOURCE = "/etc/emulator.json";

    @Test
    void privilegedPortWithoutPrivilegeSuggestsRootOrAHigherPort() {
        EmulatorStartException e = BindFailures.describe(
                "node eu-1 tls",
                new InetSocketAddress("127.0.1.2", 443),
                new BindException("Permission denied"),
                SOURCE);

        assertEquals(Failure.PORT_NEEDS_PRIVILEGE, e.failure());
        assertTrue(e.getMessage().startsWith("node eu-1 tls cannot bind 127.0.1.2:443"), e.getMessage());
        assertTrue(e.getMessage().contains("run as root"), e.getMessage());
        assertTrue(e.getMessage().contains("port of 1024 or more in " + SOURCE), e.getMessage());
    }

    @Test
    void addressInUseNamesTheFileToEdit() {
        EmulatorStartException e = BindFailures.describe(
                "signaling",
                new InetSocketAddress("127.0.0.1", 8443),
                new BindException("Address already in use"),
                SOURCE);

        assertEquals(Failure.PORT_IN_USE, e.failure());
        assertTrue(e.getMessage().contains("change the port in " + SOURCE), e.getMessage());
    }

    @Test
    void foreignAddressExplainsLoopbackAliases() {
        EmulatorStartException e = BindFailures.describe(
                "node x udp",
                new InetSocketAddress("192.0.2.1", 5004),
                new BindException("Cannot assign requested address"),
                SOURCE);

        assertEquals(Failure.ADDRESS_NOT_LOCAL, e.failure());
        assertTrue(e.getMessage().contains("not on this machine"), e.getMessage());
    }

    @Test
    void anythingElseKeepsTheSystemsWords() {
        EmulatorStartException e = BindFailures.describe(
                "node x udp", new InetSocketAddress("127.0.0.1", 5004), new BindException("Strange failure"), SOURCE);

        assertEquals(Failure.LISTEN_FAILED, e.failure());
        assertTrue(e.getMessage().contains("Strange failure"), e.getMessage());
    }
}
