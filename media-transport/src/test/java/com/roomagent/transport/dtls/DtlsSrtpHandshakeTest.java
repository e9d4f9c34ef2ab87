package com.roomagent.transport.dtls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.transport.PacketKind;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DtlsSrtpHandshakeTest {
    /** Generous: two shared cores; a handshake takes tens of milliseconds when the path works. */
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final DtlsCertificate node = DtlsCertificate.selfSigned("media node", Clock.systemUTC());
    private final DtlsCertificate device = DtlsCertificate.selfSigned("room device", Clock.systemUTC());
    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void closeResources() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    @Test
    void deviceAndNodeDeriveTheSameKeysOverAnInMemoryChannel() throws Exception {
        InMemoryChannel[] channels = own(InMemoryChannel.pair());
        DtlsSrtpHandshake server =
                own(DtlsSrtpHandshake.server(channels[1], node)).attachTo(channels[1]);
        DtlsSrtpHandshake client = own(DtlsSrtpHandshake.client(channels[0], device, node.fingerprint()))
                .attachTo(channels[0]);

        SrtpKeyingMaterial clientKeys = client.keys(TIMEOUT);
        SrtpKeyingMaterial serverKeys = server.keys(TIMEOUT);

        assertEquals(serverKeys, clientKeys);
        assertNotEquals(
                java.util.HexFormat.of().formatHex(clientKeys.clientWriteKey()),
                java.util.HexFormat.of().formatHex(clientKeys.serverWriteKey()));
    }

    @Test
    void deviceAndNodeDeriveTheSameKeysOverLoopbackUdp() throws Exception {
        LoopbackUdpChannel[] channels = own(LoopbackUdpChannel.pair());
        DtlsSrtpHandshake server =
                own(DtlsSrtpHandshake.server(channels[1], node)).attachTo(channels[1]);
        DtlsSrtpHandshake client = own(DtlsSrtpHandshake.client(channels[0], device, node.fingerprint()))
                .attachTo(channels[0]);

        assertEquals(server.keys(TIMEOUT), client.keys(TIMEOUT));
    }

    @Test
    void deviceAndNodeDeriveTheSameKeysOverRfc4571FramedTcp() throws Exception {
        LoopbackTcpChannel[] channels = own(LoopbackTcpChannel.pair());
        DtlsSrtpHandshake server =
                own(DtlsSrtpHandshake.server(channels[1], node)).attachTo(channels[1]);
        DtlsSrtpHandshake client = own(DtlsSrtpHandshake.client(channels[0], device, node.fingerprint()))
                .attachTo(channels[0]);

        assertEquals(server.keys(TIMEOUT), client.keys(TIMEOUT));
    }

    @Test
    void theNodeCanRequireTheDeviceFingerprintFromSignaling() throws Exception {
        InMemoryChannel[] channels = own(InMemoryChannel.pair());
        DtlsSrtpHandshake server = own(DtlsSrtpHandshake.server(channels[1], node, device.fingerprint()))
                .attachTo(channels[1]);
        DtlsSrtpHandshake client = own(DtlsSrtpHandshake.client(channels[0], device, node.fingerprint()))
                .attachTo(channels[0]);

        assertEquals(server.keys(TIMEOUT), client.keys(TIMEOUT));
    }

    @Test
    void aNodeCertificateWithAnotherFingerprintIsRefusedNamingBoth() throws Exception {
        InMemoryChannel[] channels = own(InMemoryChannel.pair());
        DtlsCertificate impostor = DtlsCertificate.selfSigned("impostor", Clock.systemUTC());
        own(DtlsSrtpHandshake.server(channels[1], impostor)).attachTo(channels[1]);
        DtlsSrtpHandshake client = own(DtlsSrtpHandshake.client(channels[0], device, node.fingerprint()))
                .attachTo(channels[0]);

        DtlsHandshakeException refused = assertThrows(DtlsHandshakeException.class, () -> client.keys(TIMEOUT));

        assertEquals(DtlsHandshakeException.Reason.FINGERPRINT_MISMATCH, refused.reason());
        assertTrue(refused.getMessage().contains("fingerprint " + impostor.fingerprint()), refused.getMessage());
        assertTrue(refused.getMessage().contains("signaling announced " + node.fingerprint()), refused.getMessage());
        assertTrue(refused.getMessage().contains("no SRTP keys"), refused.getMessage());
    }

    @Test
    void aDeviceWithAnotherCertificateIsRefusedByANodeThatRequiresItsFingerprint() throws Exception {
        InMemoryChannel[] channels = own(InMemoryChannel.pair());
        DtlsCertificate announced = DtlsCertificate.selfSigned("announced device", Clock.systemUTC());
        DtlsSrtpHandshake server = own(DtlsSrtpHandshake.server(channels[1], node, announced.fingerprint()))
                .attachTo(channels[1]);
        DtlsSrtpHandshake client = own(DtlsSrtpHandshake.client(channels[0], device, node.fingerprint()))
                .attachTo(channels[0]);

        DtlsHandshakeException refused = assertThrows(DtlsHandshakeException.class, () -> server.keys(TIMEOUT));
        assertEquals(DtlsHandshakeException.Reason.FINGERPRINT_MISMATCH, refused.reason());
        assertThrows(DtlsHandshakeException.class, () -> client.keys(TIMEOUT));
    }

    @Test
    void aSilentPeerTimesOutWithAClearErrorWithinTheBound() throws Exception {
        InMemoryChannel[] channels = own(InMemoryChannel.pair());
        DtlsSrtpHandshake client = own(DtlsSrtpHandshake.client(channels[0], device, node.fingerprint()))
                .attachTo(channels[0]);

        long start = System.nanoTime();
        DtlsHandshakeException timedOut =
                assertThrows(DtlsHandshakeException.class, () -> client.keys(Duration.ofMillis(500)));
        Duration waited = Duration.ofNanos(System.nanoTime() - start);

        assertEquals(DtlsHandshakeException.Reason.TIMEOUT, timedOut.reason());
        assertTrue(timedOut.getMessage().contains("within 500 ms"), timedOut.getMessage());
        assertTrue(waited.compareTo(Duration.ofSeconds(15)) < 0, "waited " + waited);
        assertTrue(PacketKind.of(channels[0].sent().get(0)) == PacketKind.DTLS, "the ClientHello went out");
    }

    @Test
    void aChannelThatClosesDuringTheHandshakeFailsItAtOnce() throws Exception {
        InMemoryChannel[] channels = own(InMemoryChannel.pair());
        DtlsSrtpHandshake client = own(DtlsSrtpHandshake.client(channels[0], device, node.fingerprint()))
                .attachTo(channels[0]);
        waitUntil(() -> !channels[0].sent().isEmpty()); // the ClientHello is out, no answer comes

        channels[0].fail(new IOException("connection reset"));

        DtlsHandshakeException closed = assertThrows(DtlsHandshakeException.class, () -> client.keys(TIMEOUT));
        assertEquals(DtlsHandshakeException.Reason.CHANNEL_CLOSED, closed.reason());
        assertTrue(closed.getMessage().contains("connection reset"), closed.getMessage());
    }

    @Test
    void aChannelThatIsClosedWhenTheFirstFlightGoesOutFailsTheHandshakeAsChannelClosed() throws Exception {
        InMemoryChannel[] channels = own(InMemoryChannel.pair());
        DtlsSrtpHandshake client = own(DtlsSrtpHandshake.client(channels[0], device, node.fingerprint()));
        channels[0].close();

        DtlsHandshakeException closed = assertThrows(
                DtlsHandshakeException.class, () -> client.attachTo(channels[0]).keys(TIMEOUT));
        assertEquals(DtlsHandshakeException.Reason.CHANNEL_CLOSED, closed.reason());
        assertTrue(closed.getMessage().contains("closed during the DTLS handshake"), closed.getMessage());
    }

    @Test
    void packetsThatAreNotDtlsAreIgnoredAndTheHandshakeStillCompletes() throws Exception {
        InMemoryChannel[] channels = own(InMemoryChannel.pair());
        DtlsSrtpHandshake server =
                own(DtlsSrtpHandshake.server(channels[1], node)).attachTo(channels[1]);
        // Each end sees a STUN binding request, an SRTP packet and junk before and between DTLS flights.
        byte[] stun = {0x00, 0x01, 0x00, 0x00, 0x21, 0x12, (byte) 0xA4, 0x42, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        byte[] srtp = {(byte) 0x80, 0x60, 0x00, 0x01, 0, 0, 0, 0, 0, 0, 0, 1, 9, 9, 9, 9};
        byte[] junk = {(byte) 0xFF, 1, 2};
        for (byte[] packet : List.of(stun, srtp, junk, new byte[0])) {
            channels[1].inject(packet);
            channels[0].inject(packet);
        }
        DtlsSrtpHandshake client = own(DtlsSrtpHandshake.client(channels[0], device, node.fingerprint()))
                .attachTo(channels[0]);
        for (byte[] packet : List.of(stun, srtp, junk)) {
            channels[1].inject(packet);
            channels[0].inject(packet);
        }

        assertEquals(server.keys(TIMEOUT), client.keys(TIMEOUT));
        for (InMemoryChannel channel : channels) {
            for (byte[] sent : channel.sent()) {
                assertEquals(PacketKind.DTLS, PacketKind.of(sent), "the DTLS layer sends only DTLS records");
            }
        }
    }

    @Test
    void lostFlightsAreRetransmittedAndTheHandshakeStillCompletes() throws Exception {
        int deviceDatagramsWithoutLoss = handshakeAndClose();
        InMemoryChannel[] channels = own(InMemoryChannel.pair());
        java.util.concurrent.atomic.AtomicInteger serverSends = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger clientSends = new java.util.concurrent.atomic.AtomicInteger();
        // The node's first datagram (its HelloVerifyRequest) and the device's third are lost.
        channels[1].dropOutbound(packet -> serverSends.incrementAndGet() == 1);
        channels[0].dropOutbound(packet -> clientSends.incrementAndGet() == 3);
        DtlsSrtpHandshake server =
                own(DtlsSrtpHandshake.server(channels[1], node)).attachTo(channels[1]);
        DtlsSrtpHandshake client = own(DtlsSrtpHandshake.client(channels[0], device, node.fingerprint()))
                .attachTo(channels[0]);

        assertEquals(client.keys(TIMEOUT), server.keys(TIMEOUT));
        assertTrue(
                channels[0].sent().size() > deviceDatagramsWithoutLoss,
                "the device sent " + channels[0].sent().size() + " datagrams, " + deviceDatagramsWithoutLoss
                        + " without loss: it retransmitted");
    }

    @Test
    void aNewHandshakeOnANewChannelAfterFailoverGivesNewKeys() throws Exception {
        InMemoryChannel[] first = own(InMemoryChannel.pair());
        DtlsSrtpHandshake firstServer =
                own(DtlsSrtpHandshake.server(first[1], node)).attachTo(first[1]);
        DtlsSrtpHandshake firstClient = own(DtlsSrtpHandshake.client(first[0], device, node.fingerprint()))
                .attachTo(first[0]);
        SrtpKeyingMaterial before = firstClient.keys(TIMEOUT);
        assertEquals(before, firstServer.keys(TIMEOUT));

        LoopbackUdpChannel[] second = own(LoopbackUdpChannel.pair());
        DtlsSrtpHandshake secondServer =
                own(DtlsSrtpHandshake.server(second[1], node)).attachTo(second[1]);
        DtlsSrtpHandshake secondClient = own(DtlsSrtpHandshake.client(second[0], device, node.fingerprint()))
                .attachTo(second[0]);
        SrtpKeyingMaterial after = secondClient.keys(TIMEOUT);

        assertEquals(after, secondServer.keys(TIMEOUT));
        assertNotEquals(before, after);
    }

    @Test
    void closingReleasesTheConnectorThreadsAndLeavesTheChannelOpen() throws Exception {
        int threadsBefore = liveDtlsThreads();
        InMemoryChannel[] channels = own(InMemoryChannel.pair());
        DtlsSrtpHandshake server = DtlsSrtpHandshake.server(channels[1], node).attachTo(channels[1]);
        DtlsSrtpHandshake client = DtlsSrtpHandshake.client(channels[0], device, node.fingerprint())
                .attachTo(channels[0]);
        assertEquals(server.keys(TIMEOUT), client.keys(TIMEOUT));
        assertTrue(liveDtlsThreads() >= threadsBefore + 2, "each end runs a connector thread");

        client.close();
        server.close();
        client.close();

        assertEquals(threadsBefore, liveDtlsThreads());
        assertFalse(channels[0].isClosed());
        assertFalse(channels[1].isClosed());
    }

    @Test
    void theClientSendsItsHelloOnlyWhenStartedSoNoAnswerIsMissed() throws Exception {
        InMemoryChannel[] channels = own(InMemoryChannel.pair());
        DtlsSrtpHandshake client = own(DtlsSrtpHandshake.client(channels[0], device, node.fingerprint()));

        channels[0].onPacket(client::deliver);
        assertEquals(0, channels[0].sent().size(), "nothing before start");
        client.start().start();
        waitUntil(() -> !channels[0].sent().isEmpty());
        Thread.sleep(300); // well inside the first retransmission timeout (1 s)

        assertEquals(1, channels[0].sent().size(), "one ClientHello, however often start is called");
        assertEquals(PacketKind.DTLS, PacketKind.of(channels[0].sent().get(0)));
    }

    @Test
    void closingAnEstablishedHandshakeSendsCloseNotify() throws Exception {
        InMemoryChannel[] channels = own(InMemoryChannel.pair());
        DtlsSrtpHandshake server =
                own(DtlsSrtpHandshake.server(channels[1], node)).attachTo(channels[1]);
        DtlsSrtpHandshake client = own(DtlsSrtpHandshake.client(channels[0], device, node.fingerprint()))
                .attachTo(channels[0]);
        assertEquals(server.keys(TIMEOUT), client.keys(TIMEOUT));
        waitUntil(() -> lastRecordType(channels[0]) == APPLICATION_DATA); // the client's empty record
        int sentBefore = channels[0].sent().size();

        client.close();

        assertEquals(sentBefore + 1, channels[0].sent().size(), "one more record, sent before close returned");
        assertEquals(ALERT, lastRecordType(channels[0]), "RFC 5246 section 7.2.1: an alert record, close_notify");
    }

    @Test
    void closingReleasesEveryFileDescriptorTheHandshakeOpened() throws Exception {
        handshakeAndClose(); // loads every class (and opens its jar) before counting
        long before = openFileDescriptors();

        handshakeAndClose();

        assertEquals(before, openFileDescriptors());
    }

    @Test
    void aHandshakeClosedBeforeItCompletedGivesNoKeys() throws Exception {
        InMemoryChannel[] channels = own(InMemoryChannel.pair());
        DtlsSrtpHandshake client = DtlsSrtpHandshake.client(channels[0], device, node.fingerprint())
                .attachTo(channels[0]);

        client.close();

        DtlsHandshakeException closed = assertThrows(DtlsHandshakeException.class, () -> client.keys(TIMEOUT));
        assertTrue(closed.getMessage().contains("closed locally"), closed.getMessage());
    }

    /** DTLS record content types, RFC 5246 section 6.2.1. */
    private static final int ALERT = 21;

    private static final int APPLICATION_DATA = 23;

    private static int lastRecordType(InMemoryChannel channel) {
        List<byte[]> sent = channel.sent();
        return sent.isEmpty() ? -1 : sent.get(sent.size() - 1)[0];
    }

    /** Runs a loss-free handshake and closes it; returns how many datagrams the device sent. */
    private int handshakeAndClose() throws Exception {
        InMemoryChannel[] channels = InMemoryChannel.pair();
        try (DtlsSrtpHandshake server =
                        DtlsSrtpHandshake.server(channels[1], node).attachTo(channels[1]);
                DtlsSrtpHandshake client = DtlsSrtpHandshake.client(channels[0], device, node.fingerprint())
                        .attachTo(channels[0])) {
            assertEquals(server.keys(TIMEOUT), client.keys(TIMEOUT));
            return channels[0].sent().size();
        } finally {
            channels[0].close();
            channels[1].close();
        }
    }

    private static long openFileDescriptors() throws IOException {
        try (java.util.stream.Stream<java.nio.file.Path> fds =
                java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }

    /** Waits for I/O on the connector's thread, at most 10 s. */
    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "condition not met within 10 s");
            Thread.sleep(10);
        }
    }

    private static int liveDtlsThreads() {
        int count = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            String name = thread.getName();
            if (thread.isAlive()
                    && (name.startsWith(DtlsSrtpHandshake.THREAD_NAME_PREFIX) || name.startsWith("DTLS-"))) {
                count++;
            }
        }
        return count;
    }

    private <T extends AutoCloseable> T own(T resource) {
        resources.add(resource);
        return resource;
    }

    private <T extends AutoCloseable> T[] own(T[] pair) {
        for (T resource : pair) {
            resources.add(resource);
        }
        return pair;
    }
}
