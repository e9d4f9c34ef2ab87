package com.roomagent.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** How {@code probe} reads its target as a person types it. */
class HostAndPortTest {
    @Test
    void ipv4AddressAndPortAreSplitAtTheColon() {
        InetSocketAddress address = HostAndPort.parse("192.0.2.10:3478");

        assertEquals("192.0.2.10", address.getHostString());
        assertEquals(3478, address.getPort());
    }

    @Test
    void aHostNameIsLeftUnresolvedForTheProbeToResolve() {
        InetSocketAddress address = HostAndPort.parse("stun.example.invalid:443");

        assertTrue(address.isUnresolved());
        assertEquals("stun.example.invalid", address.getHostString());
        assertEquals(443, address.getPort());
    }

    @Test
    void bracketedIpv6AddressIsReadWithoutItsBrackets() {
        InetSocketAddress address = HostAndPort.parse("[2001:db8::1]:3478");

        assertEquals("2001:db8::1", address.getHostString());
        assertEquals(3478, address.getPort());
    }

    @Test
    void missingPortIsRejectedAskingForHostColonPort() {
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> HostAndPort.parse("192.0.2.10"));

        assertEquals("'192.0.2.10' is not HOST:PORT (write IPv6 addresses as [address]:port)", error.getMessage());
    }

    @Test
    void unbracketedIpv6AddressIsRejectedWithTheBracketSyntax() {
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> HostAndPort.parse("2001:db8::1:3478"));

        assertTrue(error.getMessage().contains("[address]:port"), error.getMessage());
    }

    @Test
    void bracketedAddressWithoutPortIsRejected() {
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> HostAndPort.parse("[2001:db8::1]"));

        assertEquals("'[2001:db8::1]' is not [IPv6]:PORT", error.getMessage());
    }

    @Test
    void emptyHostIsRejectedRatherThanProbingThisMachine() {
        // InetAddress resolves "" to loopback, so an empty host would silently probe localhost.
        assertThrows(IllegalArgumentException.class, () -> HostAndPort.parse(":3478"));
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> HostAndPort.parse("[]:3478"));

        assertTrue(error.getMessage().contains("no host"), error.getMessage());
    }

    @Test
    void portThatIsNotANumberIsRejected() {
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> HostAndPort.parse("192.0.2.10:stun"));

        assertEquals("the port in '192.0.2.10:stun' is not a number", error.getMessage());
    }

    @Test
    void portOutsideTheTcpRangeIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> HostAndPort.parse("192.0.2.10:0"));
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> HostAndPort.parse("192.0.2.10:70000"));

        assertEquals("the port in '192.0.2.10:70000' is outside 1-65535", error.getMessage());
    }
}
