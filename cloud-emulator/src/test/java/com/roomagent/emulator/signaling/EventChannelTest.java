package com.roomagent.emulator.signaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.roomagent.emulator.CaTrust;
import com.roomagent.emulator.CloudEmulator;
import com.roomagent.emulator.DeviceKeys;
import com.roomagent.emulator.config.EmulatorConfig;
import com.roomagent.emulator.config.NodeConfig;
import com.roomagent.protocol.activation.ActivationCode;
import com.roomagent.protocol.activation.ActivationRequest;
import com.roomagent.protocol.activation.ActivationResponse;
import com.roomagent.protocol.discovery.DiscoveryReport;
import com.roomagent.protocol.signaling.Registration;
import com.roomagent.protocol.signaling.SignalingJson;
import com.roomagent.protocol.signaling.SignalingMessage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Registration and the event channel, spoken by hand with the JDK's clients (docs/signaling.md). */
class EventChannelTest {
    private static final long WAIT_SECONDS = 10;

    @TempDir
    Path stateDir;

    private CloudEmulator emulator;
    private String deviceId;
    private HttpClient device;

    @BeforeEach
    void startAndActivate() throws Exception {
        emulator = CloudEmulator.start(
                EmulatorConfig.loopback(NodeConfig.loopback("node").build()), stateDir);
        DeviceKeys keys = DeviceKeys.p256();
        ActivationResponse activation = emulator.provisioning()
                .activate(new ActivationRequest(
                        ActivationCode.parse(emulator.issueCode("org-test", Duration.ofMinutes(5))
                                        .activationCode())
                                .digits(),
                        keys.csrPem(),
                        "emulated-board",
                        "SERIAL-1"));
        deviceId = activation.deviceId();
        List<Certificate> chain = List.copyOf(CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(
                        String.join("\n", activation.certificateChainPem()).getBytes(StandardCharsets.US_ASCII))));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("device", keys.keys().getPrivate(), "pw".toCharArray(), chain.toArray(new Certificate[0]));
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(store, "pw".toCharArray());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        KeyStore anchors = KeyStore.getInstance("PKCS12");
        anchors.load(null, null);
        anchors.setCertificateEntry("ca", chain.get(chain.size() - 1));
        trust.init(anchors);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keyManagers.getKeyManagers(), trust.getTrustManagers(), null);
        device = HttpClient.newBuilder()
                .sslContext(tls)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private Registration register(HttpClient client) throws Exception {
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(emulator.signalingUri().resolve("/v1/devices/registrations"))
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, response.statusCode(), response.body());
        return SignalingJson.mapper().readValue(response.body(), Registration.class);
    }

    /** One channel, its messages in a queue. */
    private static final class Channel implements WebSocket.Listener {
        final BlockingQueue<SignalingMessage> messages = new LinkedBlockingQueue<>();
        final StringBuilder partial = new StringBuilder();
        WebSocket socket;

        static Channel open(HttpClient client, Registration registration) throws Exception {
            Channel channel = new Channel();
            channel.socket = client.newWebSocketBuilder()
                    .buildAsync(registration.eventChannelUrl(), channel)
                    .get(WAIT_SECONDS, TimeUnit.SECONDS);
            return channel;
        }

        void send(SignalingMessage message) throws Exception {
            socket.sendText(SignalingJson.write(message), true).get(WAIT_SECONDS, TimeUnit.SECONDS);
        }

        SignalingMessage next() throws InterruptedException {
            SignalingMessage message = messages.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            if (message == null) {
                throw new AssertionError("no message within " + WAIT_SECONDS + " s");
            }
            return message;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    messages.add(SignalingJson.read(partial.toString()));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }

    @Test
    void registeringAgainReplacesTheRegistrationInsteadOfAddingOne() throws Exception {
        Registration first = register(device);
        Registration second = register(device);

        assertEquals(deviceId, second.deviceId());
        assertFalse(first.registrationId().equals(second.registrationId()));
        assertEquals(1, emulator.registrations().size());
        assertEquals(2, emulator.registrations().issuedCount(deviceId));
        assertEquals(emulator.eventChannelUri(), second.eventChannelUrl());
    }

    @Test
    void aResumeReplaysOnlyTheEventsAfterTheLastOneTheDeviceHas() throws Exception {
        Registration registration = register(device);
        Channel first = Channel.open(device, registration);
        first.send(new SignalingMessage.Hello(registration.registrationId(), registration.resumeToken(), 0));
        SignalingMessage.Welcome fresh = assertInstanceOf(SignalingMessage.Welcome.class, first.next());
        assertFalse(fresh.resumed());
        for (String type : List.of("one", "two", "three")) {
            emulator.sendEvent(deviceId, type, JsonNodeFactory.instance.objectNode());
        }
        assertEquals(
                1, assertInstanceOf(SignalingMessage.Event.class, first.next()).seq());
        assertEquals(
                2, assertInstanceOf(SignalingMessage.Event.class, first.next()).seq());
        assertEquals(
                3, assertInstanceOf(SignalingMessage.Event.class, first.next()).seq());
        first.socket.abort(); // no ack: the device kept event 1 only

        Channel second = Channel.open(device, registration);
        second.send(new SignalingMessage.Hello(registration.registrationId(), registration.resumeToken(), 1));

        SignalingMessage.Welcome resumed = assertInstanceOf(SignalingMessage.Welcome.class, second.next());
        assertTrue(resumed.resumed());
        assertEquals(2, resumed.replaying());
        SignalingMessage.Event two = assertInstanceOf(SignalingMessage.Event.class, second.next());
        SignalingMessage.Event three = assertInstanceOf(SignalingMessage.Event.class, second.next());
        assertEquals(List.of(2L, 3L), List.of(two.seq(), three.seq()));
        assertEquals("three", three.event());
        second.send(new SignalingMessage.Ack(3));
        assertTrue(emulator.registrations().awaitAcknowledged(deviceId, 3, Duration.ofSeconds(WAIT_SECONDS)));
        second.socket.abort();

        Channel third = Channel.open(device, registration);
        third.send(new SignalingMessage.Hello(registration.registrationId(), registration.resumeToken(), 3));
        assertEquals(
                0,
                assertInstanceOf(SignalingMessage.Welcome.class, third.next()).replaying());
        third.send(new SignalingMessage.Ping(1));
        assertEquals(new SignalingMessage.Pong(1), third.next()); // nothing replayed before the pong
        assertEquals(1, emulator.registrations().issuedCount(deviceId));
    }

    @Test
    void anUnknownRegistrationIsToldToRegisterAgain() throws Exception {
        register(device);
        Channel channel = Channel.open(
                device, emulator.registrations().registration(deviceId).orElseThrow());

        channel.send(new SignalingMessage.Hello("reg-unknown", "token", 0));

        SignalingMessage.Error error = assertInstanceOf(SignalingMessage.Error.class, channel.next());
        assertEquals(SignalingMessage.Error.UNKNOWN_REGISTRATION, error.code());
    }

    @Test
    void anythingButHelloFirstIsRefused() throws Exception {
        Channel channel = Channel.open(device, register(device));

        channel.send(new SignalingMessage.Ping(1));

        SignalingMessage.Error error = assertInstanceOf(SignalingMessage.Error.class, channel.next());
        assertEquals(SignalingMessage.Error.BAD_MESSAGE, error.code());
        assertTrue(error.message().contains("must be hello"), error.message());
    }

    @Test
    void theChannelRefusesAClientWithoutACertificate() throws Exception {
        Registration registration = register(device);
        HttpClient anonymous = HttpClient.newBuilder()
                .sslContext(CaTrust.trusting(emulator.caCertificate()))
                .connectTimeout(Duration.ofSeconds(5))
                .build();

        ExecutionException refused =
                assertThrows(ExecutionException.class, () -> Channel.open(anonymous, registration));

        assertFalse(emulator.registrations().connected(deviceId), String.valueOf(refused.getCause()));
    }

    @Test
    void anAdministratorPushesAnEventOverHttpsWithTheAdminTokenOnly() throws Exception {
        Registration registration = register(device);
        Channel channel = Channel.open(device, registration);
        channel.send(new SignalingMessage.Hello(registration.registrationId(), registration.resumeToken(), 0));
        assertInstanceOf(SignalingMessage.Welcome.class, channel.next());
        HttpRequest.Builder push = HttpRequest.newBuilder(
                        emulator.signalingUri().resolve("/v1/admin/devices/" + deviceId + "/events"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"event\":\"demo.welcome\",\"body\":{\"text\":\"hi\"}}"));

        HttpResponse<String> anonymous = device.send(push.build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> admin = device.send(
                push.header("Authorization", "Bearer " + emulator.adminToken()).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(401, anonymous.statusCode(), anonymous.body());
        assertEquals(202, admin.statusCode(), admin.body());
        SignalingMessage.Event event = assertInstanceOf(SignalingMessage.Event.class, channel.next());
        assertEquals("demo.welcome", event.event());
        assertEquals("hi", event.body().path("text").asText());
    }

    @Test
    void discoveryReportsOnTheChannelAreStoredAndAcknowledged() throws Exception {
        Registration registration = register(device);
        Channel channel = Channel.open(device, registration);
        channel.send(new SignalingMessage.Hello(registration.registrationId(), registration.resumeToken(), 0));
        assertInstanceOf(SignalingMessage.Welcome.class, channel.next());
        DiscoveryReport report =
                new DiscoveryReport(deviceId, Instant.parse("2026-11-25T19:00:00Z"), 3, "boot", List.of());

        channel.send(new SignalingMessage.DiscoveryReportMessage(1, report));

        assertEquals(new SignalingMessage.Ack(1), channel.next());
        assertEquals(
                report, emulator.receivedDiscoveryReports().latest(deviceId).orElseThrow());
        assertEquals(0, emulator.reports().receivedCount(deviceId));
    }
}
