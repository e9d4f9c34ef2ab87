package com.roomagent.transport.dtls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The structure of the export, computed a third way: RFC 5246 section 5's PRF written out here
 * (checked against the IETF TLS list's P_SHA256 vector), applied as RFC 5705 section 4 says with
 * no context, {@code PRF(master_secret, label, client_random + server_random)[60]}, to the master
 * secret and randoms of a real handshake, gives exactly what Scandium exported.
 */
class Rfc5705ExporterTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void thePrfWrittenHereMatchesTheIetfP_sha256Vector() throws Exception {
        Properties vector = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/tls/prf-sha256-vector.properties")) {
            vector.load(in);
        }
        byte[] output = prf(
                HEX.parseHex(vector.getProperty("secret")),
                vector.getProperty("label"),
                HEX.parseHex(vector.getProperty("seed")),
                100);

        assertEquals(vector.getProperty("output"), HEX.formatHex(output));
    }

    @Test
    void scandiumExportsPrfOfMasterSecretLabelAndBothRandomsWithNoContext() throws Exception {
        DtlsCertificate node = DtlsCertificate.selfSigned("media node", Clock.systemUTC());
        DtlsCertificate device = DtlsCertificate.selfSigned("room device", Clock.systemUTC());
        InMemoryChannel[] channels = InMemoryChannel.pair();
        ExecutorService bcThread = Executors.newSingleThreadExecutor();
        try (DtlsSrtpHandshake client = DtlsSrtpHandshake.client(channels[0], device, node.fingerprint())
                .attachTo(channels[0])) {
            Future<BcDtlsPeer.ServerResult> bcServer =
                    bcThread.submit(() -> BcDtlsPeer.runServerKeepingSecrets(channels[1], node, true));
            SrtpKeyingMaterial exported = client.keys(Duration.ofSeconds(30));
            BcDtlsPeer.ServerResult server = bcServer.get(30, TimeUnit.SECONDS);

            byte[] seed = new byte[64];
            System.arraycopy(server.clientRandom(), 0, seed, 0, 32);
            System.arraycopy(server.serverRandom(), 0, seed, 32, 32);
            byte[] expected = prf(server.masterSecret(), DtlsSrtp.EXPORTER_LABEL, seed, SrtpKeyingMaterial.LENGTH);

            assertEquals(HEX.formatHex(expected), HEX.formatHex(exported.exported()));
        } finally {
            bcThread.shutdownNow();
            channels[0].close();
            channels[1].close();
        }
    }

    /** RFC 5246 section 5: PRF(secret, label, seed) = P_SHA256(secret, label + seed). */
    private static byte[] prf(byte[] secret, String label, byte[] seed, int length) throws Exception {
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(secret, "HmacSHA256"));
        byte[] labelBytes = label.getBytes(StandardCharsets.US_ASCII);
        byte[] labelSeed = new byte[labelBytes.length + seed.length];
        System.arraycopy(labelBytes, 0, labelSeed, 0, labelBytes.length);
        System.arraycopy(seed, 0, labelSeed, labelBytes.length, seed.length);
        byte[] out = new byte[length];
        byte[] a = labelSeed; // A(0)
        int written = 0;
        while (written < length) {
            a = hmac.doFinal(a); // A(i) = HMAC(secret, A(i-1))
            hmac.update(a);
            byte[] block = hmac.doFinal(labelSeed);
            int n = Math.min(block.length, length - written);
            System.arraycopy(block, 0, out, written, n);
            written += n;
        }
        return out;
    }
}
