package com.roomagent.agent.discovery.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DefaultRoutesTest {

    @Test
    void ipv4DefaultRoutesAreTheUpRoutesToZeroWithZeroMask() throws IOException {
        List<String> routes = DefaultRoutes.parseIpv4(resource("proc-net-route.txt"));

        assertEquals(
                List.of("default via 192.168.1.1 dev wlan0 metric 600", "default via 10.0.0.1 dev eth0 metric 100"),
                routes);
    }

    @Test
    void ipv6DefaultRoutesSkipTheKernelsRejectRouteOnLoopback() throws IOException {
        List<String> routes = DefaultRoutes.parseIpv6(resource("proc-net-ipv6_route.txt"));

        assertEquals(List.of("default via fd00:0:0:0:0:0:0:1 dev eth0 metric 1024"), routes);
    }

    @Test
    void garbageAndEmptyTablesYieldNoRoutes() {
        assertEquals(List.of(), DefaultRoutes.parseIpv4(""));
        assertEquals(List.of(), DefaultRoutes.parseIpv4("eth0 00000000 zz 0003 0 0 0 00000000"));
        assertEquals(List.of(), DefaultRoutes.parseIpv6("not a routing table at all"));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = DefaultRoutesTest.class.getResourceAsStream("/discovery/" + name)) {
            if (in == null) {
                throw new IOException("missing test resource /discovery/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }
}
