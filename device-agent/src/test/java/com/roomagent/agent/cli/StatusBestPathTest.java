package com.roomagent.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.protocol.discovery.DiscoveryReport;
import com.roomagent.protocol.discovery.MediaTransport;
import com.roomagent.protocol.discovery.PairResult;
import com.roomagent.protocol.discovery.ProbeFailure;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The status line that says which media path the latest discovery gives, or why there is none. */
class StatusBestPathTest {

    @Test
    void aReachableNodeIsShownWithItsTransportAndRoundTrip() {
        DiscoveryReport report = report(List.of(
                pair("near", MediaTransport.UDP, null, 6.25),
                pair("near", MediaTransport.TCP, null, 7),
                pair("far", MediaTransport.UDP, null, 40)));

        assertEquals("Best path:    near over udp (near:5004, 6.3 ms)", StatusCommand.bestPathLine(report, false));
    }

    @Test
    void withOnlyAProxyOutTheDeviceSaysMediaIsUnavailableAndWhy() {
        List<PairResult> blocked = new ArrayList<>();
        for (MediaTransport transport : MediaTransport.values()) {
            blocked.add(pair("near", transport, ProbeFailure.TIMEOUT, 0));
        }

        String line = StatusCommand.bestPathLine(report(blocked), true);

        assertTrue(line.startsWith("Best path:    unavailable: "), line);
        assertTrue(line.contains("never send media through an HTTP proxy"), line);
        assertTrue(line.endsWith("`room-agent diagnose` says what to change."), line);
    }

    @Test
    void withoutAProxyAnUnreachableNetworkIsStillNamed() {
        List<PairResult> blocked = new ArrayList<>();
        for (MediaTransport transport : MediaTransport.values()) {
            blocked.add(pair("near", transport, ProbeFailure.REFUSED, 0));
        }

        String line = StatusCommand.bestPathLine(report(blocked), false);

        assertTrue(line.contains("No media node answered over any transport"), line);
    }

    private static DiscoveryReport report(List<PairResult> results) {
        return new DiscoveryReport("room-1", Instant.parse("2026-11-25T10:00:00Z"), 7600, "manual", results);
    }

    private static PairResult pair(String node, MediaTransport transport, ProbeFailure failure, double rtt) {
        boolean reachable = failure == null;
        return new PairResult(
                node,
                transport,
                node + ":" + transport.defaultPort(),
                reachable,
                reachable ? rtt : null,
                reachable ? List.of(rtt) : List.of(),
                reachable ? 1 : 0,
                reachable ? "192.0.2.2:40000" : null,
                failure,
                reachable ? null : "no answer");
    }
}
