package com.roomagent.transport.dtls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Our Scandium endpoint against Bouncy Castle's DTLS, an independent implementation: both export
 * with {@value DtlsSrtp#EXPORTER_LABEL}, no context, 60 bytes, and must hold the same bytes, in
 * both directions; and BC's server certificate is checked by our fingerprint rule.
 */
class BouncyCastleCrossCheckTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final DtlsCertificate node = DtlsCertificate.selfSigned("media node", Clock.systemUTC());
    private final DtlsCertificate device = DtlsCertificate.selfSigned("room device", Clock.systemUTC());
    private final ExecutorService bcThread = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "bc-dtls-peer");
        thread.setDaemon(true);
        return thread;
    });
    private final InMemoryChannel[] channels = InMemoryChannel.pair();

    @AfterEach
    void close() throws InterruptedException {
        bcThread.shutdownNow();
        bcThread.awaitTermination(5, TimeUnit.SECONDS);
        channels[0].close();
        channels[1].close();
    }

    @Test
    void scandiumClientAndBouncyCastleServerExportTheSameKeyingMaterial() throws Exception {
        Future<byte[]> bcServer = bcThread.submit(() -> BcDtlsPeer.runServer(channels[1], node, true));
        try (DtlsSrtpHandshake client = DtlsSrtpHandshake.client(channels[0], device, node.fingerprint())
                .attachTo(channels[0])) {
            SrtpKeyingMaterial ours = client.keys(TIMEOUT);
            byte[] theirs = bcServer.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

            assertEquals(SrtpKeyingMaterial.LENGTH, theirs.length);
            assertEquals(HexFormat.of().formatHex(theirs), HexFormat.of().formatHex(ours.exported()));
        }
    }

    @Test
    void bouncyCastleClientAndScandiumServerExportTheSameKeyingMaterial() throws Exception {
        try (DtlsSrtpHandshake server =
                DtlsSrtpHandshake.server(channels[1], node).attachTo(channels[1])) {
            Future<byte[]> bcClient = bcThread.submit(() -> BcDtlsPeer.runClient(channels[0], node.fingerprint()));
            byte[] theirs = bcClient.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            SrtpKeyingMaterial ours = server.keys(TIMEOUT);

            assertEquals(HexFormat.of().formatHex(theirs), HexFormat.of().formatHex(ours.exported()));
            assertArrayEquals(java.util.Arrays.copyOfRange(theirs, 0, 16), ours.clientWriteKey());
            assertArrayEquals(java.util.Arrays.copyOfRange(theirs, 46, 60), ours.serverWriteSalt());
        }
    }

    @Test
    void aBouncyCastleServerWithAnotherCertificateIsRefusedByFingerprint() throws Exception {
        DtlsCertificate impostor = DtlsCertificate.selfSigned("impostor", Clock.systemUTC());
        bcThread.submit(() -> BcDtlsPeer.runServer(channels[1], impostor, true));
        try (DtlsSrtpHandshake client = DtlsSrtpHandshake.client(channels[0], device, node.fingerprint())
                .attachTo(channels[0])) {
            DtlsHandshakeException refused = assertThrows(DtlsHandshakeException.class, () -> client.keys(TIMEOUT));
            assertEquals(DtlsHandshakeException.Reason.FINGERPRINT_MISMATCH, refused.reason());
        }
    }

    @Test
    void aServerThatSendsAnEmptySessionIdIsRefusedWithAClearErrorBecauseScandiumCannotExport() throws Exception {
        bcThread.submit(() -> BcDtlsPeer.runServer(channels[1], node, false));
        try (DtlsSrtpHandshake client = DtlsSrtpHandshake.client(channels[0], device, node.fingerprint())
                .attachTo(channels[0])) {
            DtlsHandshakeException refused = assertThrows(DtlsHandshakeException.class, () -> client.keys(TIMEOUT));
            assertEquals(DtlsHandshakeException.Reason.FAILED, refused.reason());
            assertTrue(refused.getMessage().contains("empty session_id"), refused.getMessage());
        }
    }
}
