package com.roomagent.agent.signaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.roomagent.agent.daemon.TestIdentities;
import com.roomagent.agent.discovery.CloudHttp;
import com.roomagent.agent.discovery.TrustAnchors;
import com.roomagent.agent.provisioning.Backoff;
import com.roomagent.agent.proxy.HttpProxy;
import com.roomagent.agent.proxy.TinyProxy;
import com.roomagent.emulator.CloudEmulator;
import com.roomagent.emulator.config.EmulatorConfig;
import com.roomagent.emulator.config.NodeConfig;
import com.roomagent.provisioning.identity.DeviceIdentity;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Registration and the event channel through a real HTTP proxy (tinyproxy) with CONNECT (R4): mutual
 * TLS runs end to end inside the tunnel, so the proxy never sees the device's certificate or key.
 */
class SignalingThroughProxyTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path state;

    @TempDir
    Path proxyDir;

    @Test
    void registrationAndTheEventChannelBothTunnelThroughTheProxy() throws Exception {
        try (CloudEmulator emulator = CloudEmulator.start(
                        EmulatorConfig.loopback(NodeConfig.loopback("node").build()), state.resolve("cloud"));
                TinyProxy proxy = TinyProxy.start(
                        proxyDir,
                        emulator.signalingUri().getPort(),
                        emulator.eventChannelUri().getPort())) {
            DeviceIdentity identity = TestIdentities.provision(emulator, state.resolve("device"));
            String[] hostPort = proxy.hostAndPort().split(":");
            HttpProxy configured = new HttpProxy(hostPort[0], Integer.parseInt(hostPort[1]), "", "");
            SignalingClient client = new SignalingClient(
                    CloudHttp.client(
                            DeviceTls.sslContext(identity, Optional.of(TrustAnchors.read(emulator.caCertificate()))),
                            Duration.ofSeconds(2),
                            Optional.of(configured)),
                    emulator.signalingUri(),
                    new SignalingTiming(
                            Duration.ofSeconds(2),
                            Duration.ofSeconds(5),
                            new Backoff(Duration.ofMillis(100), Duration.ofMillis(400)),
                            Duration.ofSeconds(5),
                            Duration.ofSeconds(5)),
                    Clock.systemUTC(),
                    new Random(3));
            try (client) {
                client.start();
                long deadline = System.nanoTime() + WAIT.toNanos();
                while (!(client.state() instanceof SignalingState.Registered)) {
                    if (System.nanoTime() > deadline) {
                        fail("not registered through the proxy: " + client.state() + "\n" + proxy.log());
                    }
                    Thread.sleep(20);
                }
                long seq = emulator.sendEvent(identity.deviceId(), "demo.proxy", JsonNodeFactory.instance.objectNode());
                assertTrue(emulator.registrations().awaitAcknowledged(identity.deviceId(), seq, WAIT));
            }
            String log = proxy.log();
            assertTrue(
                    log.contains("CONNECT 127.0.0.1:" + emulator.signalingUri().getPort()), log);
            assertTrue(
                    log.contains(
                            "CONNECT 127.0.0.1:" + emulator.eventChannelUri().getPort()),
                    log);
            assertEquals(1, emulator.registrations().issuedCount(identity.deviceId()));
        }
    }
}
