package com.roomagent.av.srtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The split of DTLS-exported keying material, RFC 5764 section 4.2: client key, server key, client
 * salt, server salt. Material 0x00..0x3b makes every byte's origin visible.
 */
class SrtpKeyPairTest {
    private static final byte[] MATERIAL = new byte[60];

    static {
        for (int i = 0; i < MATERIAL.length; i++) {
            MATERIAL[i] = (byte) i;
        }
    }

    @Test
    void theClientSendsWithTheClientWriteKeyAndSalt() {
        SrtpKeyPair client = SrtpKeyPair.fromKeyingMaterial(MATERIAL, DtlsRole.CLIENT);

        assertArrayEquals(range(0, 16), client.local().masterKey());
        assertArrayEquals(range(32, 46), client.local().masterSalt());
        assertArrayEquals(range(16, 32), client.remote().masterKey());
        assertArrayEquals(range(46, 60), client.remote().masterSalt());
    }

    @Test
    void theServerSeesTheSameKeysTheOtherWayRound() {
        SrtpKeyPair client = SrtpKeyPair.fromKeyingMaterial(MATERIAL, DtlsRole.CLIENT);
        SrtpKeyPair server = SrtpKeyPair.fromKeyingMaterial(MATERIAL, DtlsRole.SERVER);

        assertEquals(client.reversed(), server);
        assertEquals(client.local(), server.remote());
    }

    @Test
    void materialOfAnotherLengthIsRefused() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> SrtpKeyPair.fromKeyingMaterial(new byte[59], DtlsRole.CLIENT));
        assertEquals("SRTP keying material for SRTP_AES128_CM_HMAC_SHA1_80 has 60 bytes, got 59", e.getMessage());
    }

    @Test
    void theMaterialIsNotModified() {
        byte[] material = MATERIAL.clone();
        SrtpKeyPair.fromKeyingMaterial(material, DtlsRole.CLIENT);
        assertEquals(HexFormat.of().formatHex(MATERIAL), HexFormat.of().formatHex(material));
    }

    private static byte[] range(int from, int to) {
        byte[] bytes = new byte[to - from];
        for (int i = from; i < to; i++) {
            bytes[i - from] = (byte) i;
        }
        return bytes;
    }
}
