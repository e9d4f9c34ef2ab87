package com.roomagent.agent.signaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.roomagent.agent.daemon.TestIdentities;
import com.roomagent.agent.discovery.CloudHttp;
import com.roomagent.agent.discovery.CloudRequestException;
import com.roomagent.agent.discovery.TrustAnchors;
import com.roomagent.agent.provisioning.Backoff;
import com.roomagent.emulator.CloudEmulator;
import com.roomagent.emulator.config.EmulatorConfig;
import com.roomagent.emulator.config.NodeConfig;
import com.roomagent.emulator.config.SignalingConfig;
import com.roomagent.protocol.discovery.DiscoveryReport;
import com.roomagent.protocol.signaling.SignalingMessage;
import com.roomagent.provisioning.identity.DeviceIdentity;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The signaling client against the real cloud emulator, in process, on loopback with ephemeral ports. */
class SignalingClientTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final SignalingTiming FAST = new SignalingTiming(
            Duration.ofSeconds(2),
            Duration.ofSeconds(5),
            new Backoff(Duration.ofMillis(100), Duration.ofMillis(400)),
            Duration.ofSeconds(5),
            Duration.ofSeconds(5));

    @TempDir
    Path stateDir;

    private final List<AutoCloseable> open = new ArrayList<>();
    private final List<SignalingMessage.Event> received = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private CloudEmulator emulator(EmulatorConfig config, String name) throws Exception {
        CloudEmulator emulator = CloudEmulator.start(config, stateDir.resolve(name));
        open.add(emulator);
        return emulator;
    }

    private CloudEmulator emulator() throws Exception {
        return emulator(EmulatorConfig.loopback(NodeConfig.loopback("node").build()), "emulator");
    }

    private static HttpClient deviceHttp(CloudEmulator trusted, DeviceIdentity identity) throws Exception {
        return CloudHttp.client(
                DeviceTls.sslContext(identity, Optional.of(TrustAnchors.read(trusted.caCertificate()))),
                Duration.ofSeconds(2));
    }

    private SignalingClient client(CloudEmulator emulator, DeviceIdentity identity) throws Exception {
        SignalingClient client = new SignalingClient(
                deviceHttp(emulator, identity), emulator.signalingUri(), FAST, Clock.systemUTC(), new Random(7));
        client.addListener(new SignalingListener() {
            @Override
            public void stateChanged(SignalingState state) {}

            @Override
            public void eventReceived(SignalingMessage.Event event) {
                synchronized (received) {
                    received.add(event);
                }
            }
        });
        open.add(client);
        return client;
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    private List<Long> receivedSeqs() {
        synchronized (received) {
            return received.stream().map(SignalingMessage.Event::seq).toList();
        }
    }

    @Test
    void registersOverMutualTlsAndOpensTheEventChannel() throws Exception {
        CloudEmulator emulator = emulator();
        DeviceIdentity identity = TestIdentities.provision(emulator, stateDir.resolve("device"));
        SignalingClient client = client(emulator, identity);

        client.start();

        await("registered", () -> client.state() instanceof SignalingState.Registered);
        SignalingState.Registered registered = (SignalingState.Registered) client.state();
        assertEquals(
                emulator.registrations()
                        .registration(identity.deviceId())
                        .orElseThrow()
                        .registrationId(),
                registered.registrationId());
        assertEquals(emulator.eventChannelUri(), registered.eventChannelUrl());
        assertTrue(emulator.registrations().awaitConnected(identity.deviceId(), WAIT));
        assertEquals("registered", client.status().state());
    }

    @Test
    void registrationWithoutACertificateIsRefusedWithAClearError() throws Exception {
        CloudEmulator emulator = emulator();
        HttpClient anonymous =
                CloudHttp.client(TrustAnchors.sslContextTrusting(emulator.caCertificate()), Duration.ofSeconds(2));

        CloudRequestException refused = assertThrows(
                CloudRequestException.class,
                () -> new RegistrationClient(anonymous, emulator.signalingUri(), Duration.ofSeconds(5)).register());

        assertEquals(401, refused.status().orElseThrow());
        assertTrue(refused.getMessage().contains("device certificate"), refused.getMessage());
        assertEquals(0, emulator.registrations().size());
    }

    @Test
    void aCertificateFromAnotherCaIsRefusedAndTheClientSaysFailed() throws Exception {
        CloudEmulator emulator = emulator();
        CloudEmulator stranger =
                emulator(EmulatorConfig.loopback(NodeConfig.loopback("other").build()), "stranger");
        DeviceIdentity foreign = TestIdentities.provision(stranger, stateDir.resolve("foreign"));

        CloudRequestException refused = assertThrows(
                CloudRequestException.class,
                () -> new RegistrationClient(
                                deviceHttp(emulator, foreign), emulator.signalingUri(), Duration.ofSeconds(5))
                        .register());
        // TLS 1.3: the server checks the client certificate after the client's handshake is done, so
        // the refusal shows as a connection closed without an answer.
        assertTrue(refused.status().isEmpty(), refused.getMessage());

        SignalingClient client = client(emulator, foreign);
        client.start();
        await("failed", () -> client.state() instanceof SignalingState.Failed);
        assertTrue(
                ((SignalingState.Failed) client.state()).reason().contains("refused the device certificate"),
                client.state().toString());
        assertEquals(0, emulator.registrations().size());
    }

    @Test
    void eventsAreDeliveredAndAcknowledgedAndDiscoveryReportsReachTheCloud() throws Exception {
        CloudEmulator emulator = emulator();
        DeviceIdentity identity = TestIdentities.provision(emulator, stateDir.resolve("device"));
        SignalingClient client = client(emulator, identity);
        client.start();
        assertTrue(emulator.registrations().awaitConnected(identity.deviceId(), WAIT));

        long seq = emulator.sendEvent(
                identity.deviceId(),
                "demo.hello",
                JsonNodeFactory.instance.objectNode().put("text", "hi"));

        assertTrue(emulator.registrations().awaitAcknowledged(identity.deviceId(), seq, WAIT));
        assertEquals(List.of(seq), receivedSeqs());
        assertEquals("hi", received.get(0).body().path("text").asText());
        assertEquals(seq, client.status().lastEventSeq());

        DiscoveryReport report = new DiscoveryReport(identity.deviceId(), Instant.now(), 5, "boot", List.of());
        client.sendDiscoveryReport(report);
        assertEquals(Optional.of(report), emulator.receivedDiscoveryReports().awaitLatest(identity.deviceId(), WAIT));
    }

    @Test
    void afterTheCloudRestartsTheDeviceRegistersAgainOnceWithoutDuplicates() throws Exception {
        EmulatorConfig ephemeral =
                EmulatorConfig.loopback(NodeConfig.loopback("node").build());
        CloudEmulator first = CloudEmulator.start(ephemeral, stateDir.resolve("cloud"));
        DeviceIdentity identity = TestIdentities.provision(first, stateDir.resolve("device"));
        EmulatorConfig samePorts = ephemeral.withSignaling(
                new SignalingConfig("127.0.0.1", first.signalingUri().getPort(), 10)
                        .withEventChannel("127.0.0.1", first.eventChannelUri().getPort()));
        SignalingClient client;
        String before;
        try {
            client = client(first, identity);
            client.start();
            await("registered", () -> client.state() instanceof SignalingState.Registered);
            before = client.status().registrationId();
        } finally {
            first.close();
        }
        await("reconnecting", () -> client.state() instanceof SignalingState.Reconnecting);

        CloudEmulator second = emulator(samePorts, "cloud");

        await("registered again", () -> client.state() instanceof SignalingState.Registered);
        assertEquals(1, second.registrations().size());
        assertEquals(1, second.registrations().issuedCount(identity.deviceId()));
        assertNotEquals(before, client.status().registrationId());
        assertEquals(
                second.registrations()
                        .registration(identity.deviceId())
                        .orElseThrow()
                        .registrationId(),
                client.status().registrationId());
        assertEquals(1, client.status().reconnects());
    }

    @Test
    void aChannelThatStopsAnsweringIsDeclaredDeadAndResumedOnceTheCloudAnswersAgain() throws Exception {
        CloudEmulator emulator = emulator();
        DeviceIdentity identity = TestIdentities.provision(emulator, stateDir.resolve("device"));
        SignalingTiming heartbeats = new SignalingTiming(
                Duration.ofSeconds(2),
                Duration.ofSeconds(2),
                new Backoff(Duration.ofMillis(100), Duration.ofMillis(400)),
                Duration.ofMillis(300),
                Duration.ofMillis(500));
        SignalingClient client = new SignalingClient(
                deviceHttp(emulator, identity), emulator.signalingUri(), heartbeats, Clock.systemUTC(), new Random(11));
        open.add(client);
        client.start();
        await("registered", () -> client.state() instanceof SignalingState.Registered);

        emulator.registrations().silence(identity.deviceId(), true);

        await("the dead channel noticed", () -> client.state() instanceof SignalingState.Reconnecting);
        assertTrue(
                client.status().cause().contains("no pong within 500 ms"),
                client.status().cause());

        emulator.registrations().silence(identity.deviceId(), false);

        await("registered again", () -> client.state() instanceof SignalingState.Registered);
        assertEquals(1, emulator.registrations().issuedCount(identity.deviceId()));
    }

    @Test
    void aResumedChannelDeliversEveryEventExactlyOnceUnderOneRegistration() throws Exception {
        CloudEmulator emulator = emulator();
        DeviceIdentity identity = TestIdentities.provision(emulator, stateDir.resolve("device"));
        String device = identity.deviceId();
        SignalingClient client = client(emulator, identity);
        client.start();
        assertTrue(emulator.registrations().awaitConnected(device, WAIT));
        long first = emulator.sendEvent(device, "demo.one", JsonNodeFactory.instance.objectNode());
        assertTrue(emulator.registrations().awaitAcknowledged(device, first, WAIT));

        assertTrue(emulator.registrations().disconnect(device));
        long second = emulator.sendEvent(device, "demo.two", JsonNodeFactory.instance.objectNode());
        long third = emulator.sendEvent(device, "demo.three", JsonNodeFactory.instance.objectNode());

        assertTrue(emulator.registrations().awaitAcknowledged(device, third, WAIT));
        await(
                "resumed",
                () -> client.status().reconnects() == 1
                        && "registered".equals(client.status().state()));
        assertEquals(List.of(first, second, third), receivedSeqs());
        assertEquals(1, emulator.registrations().issuedCount(device));
        assertEquals(1, emulator.registrations().size());
        assertEquals(List.of(), emulator.registrations().held(device));
        assertInstanceOf(SignalingState.Registered.class, client.state());
    }
}
