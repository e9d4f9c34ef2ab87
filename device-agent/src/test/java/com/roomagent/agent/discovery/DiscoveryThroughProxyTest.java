package com.roomagent.agent.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.agent.proxy.HttpProxy;
import com.roomagent.agent.proxy.ProxyFailure;
import com.roomagent.agent.proxy.TinyProxy;
import com.roomagent.emulator.CloudEmulator;
import com.roomagent.protocol.discovery.MediaNode;
import com.roomagent.protocol.discovery.MediaTransport;
import com.roomagent.protocol.discovery.PairResult;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Behind an HTTP proxy the node list goes through the proxy (R4) and the STUN probes go straight
 * to the nodes (R5): tinyproxy allows CONNECT to the signaling port only, and every node is
 * reached directly on every transport all the same.
 */
@Timeout(60)
class DiscoveryThroughProxyTest {
    @TempDir
    Path state;

    @TempDir
    Path proxyDir;

    @Test
    void nodeListGoesThroughTheProxyAndStunGoesStraightToTheNodes() throws Exception {
        try (CloudEmulator emulator = Emulators.start(
                        state, Emulators.node("open", "127.0.1.1").build());
                TinyProxy proxy =
                        TinyProxy.start(proxyDir, emulator.signalingUri().getPort())) {
            HttpClient http =
                    CloudHttp.client(Emulators.trust(emulator), Duration.ofSeconds(2), Optional.of(proxyAt(proxy)));

            List<MediaNode> nodes = new NodeListClient(http, emulator.signalingUri(), Duration.ofSeconds(5))
                    .fetch()
                    .nodes();
            List<PairResult> results = new MediaNodeProber(Emulators.FAST, Emulators.trust(emulator)).probeAll(nodes);

            String log = proxy.log();
            assertTrue(
                    log.contains("CONNECT 127.0.0.1:" + emulator.signalingUri().getPort()), log);
            assertEquals(4, results.size());
            results.forEach(result -> assertTrue(result.reachable(), result::toString));
            for (MediaTransport transport : MediaTransport.values()) {
                int port = nodes.get(0).port(transport).orElseThrow();
                assertFalse(log.contains("127.0.1.1:" + port), "a probe went through the proxy:\n" + log);
            }
        }
    }

    @Test
    void nodeListThroughAProxyForbiddingTheSignalingPortFailsAtTheProxy() throws Exception {
        try (CloudEmulator emulator = Emulators.start(
                        state, Emulators.node("open", "127.0.1.1").build());
                TinyProxy proxy = TinyProxy.start(proxyDir, TinyProxy.freeTcpPort())) {
            HttpClient http =
                    CloudHttp.client(Emulators.trust(emulator), Duration.ofSeconds(2), Optional.of(proxyAt(proxy)));
            NodeListClient nodeLists = new NodeListClient(http, emulator.signalingUri(), Duration.ofSeconds(5));

            CloudRequestException error =
                    org.junit.jupiter.api.Assertions.assertThrows(CloudRequestException.class, nodeLists::fetch);

            assertEquals(CloudRequestException.Step.PROXY, error.step());
            assertEquals(
                    ProxyFailure.Kind.REFUSED,
                    error.proxyFailure().orElseThrow().kind());
            assertTrue(error.getMessage().contains("failed at HTTP proxy (proxy-refused)"), error.getMessage());
        }
    }

    private static HttpProxy proxyAt(TinyProxy proxy) {
        String[] hostPort = proxy.hostAndPort().split(":");
        return new HttpProxy(hostPort[0], Integer.parseInt(hostPort[1]), "", "");
    }
}
