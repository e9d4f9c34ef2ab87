package com.roomagent.transport.dtls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * RFC 5764 section 4.2's split of the exported material; material 0x00..0x3b makes each byte's
 * origin visible. {@link SrtpKeyingMaterial#exported()} is what av-pipeline's {@code
 * SrtpKeyPair.fromKeyingMaterial} takes, and it splits the same way.
 */
class SrtpKeyingMaterialTest {
    private static final byte[] MATERIAL = range(0, 60);

    @Test
    void splitsClientKeyServerKeyClientSaltServerSaltInThatOrder() {
        SrtpKeyingMaterial keys = SrtpKeyingMaterial.fromExported(MATERIAL);

        assertArrayEquals(range(0, 16), keys.clientWriteKey());
        assertArrayEquals(range(16, 32), keys.serverWriteKey());
        assertArrayEquals(range(32, 46), keys.clientWriteSalt());
        assertArrayEquals(range(46, 60), keys.serverWriteSalt());
    }

    @Test
    void eachRoleSendsWithItsOwnWriteKeyAndSalt() {
        SrtpKeyingMaterial keys = SrtpKeyingMaterial.fromExported(MATERIAL);

        assertArrayEquals(keys.clientWriteKey(), keys.localWriteKey(DtlsRole.CLIENT));
        assertArrayEquals(keys.clientWriteSalt(), keys.localWriteSalt(DtlsRole.CLIENT));
        assertArrayEquals(keys.serverWriteKey(), keys.localWriteKey(DtlsRole.SERVER));
        assertArrayEquals(keys.serverWriteSalt(), keys.localWriteSalt(DtlsRole.SERVER));
    }

    @Test
    void theExportedFormIsTheInputUnchangedAndCopied() {
        byte[] input = MATERIAL.clone();
        SrtpKeyingMaterial keys = SrtpKeyingMaterial.fromExported(input);
        input[0] = 99;
        byte[] out = keys.exported();
        out[1] = 99;

        assertArrayEquals(MATERIAL, keys.exported());
    }

    @Test
    void materialOfAnotherLengthIsRefused() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> SrtpKeyingMaterial.fromExported(new byte[59]));
        assertEquals("SRTP keying material for SRTP_AES128_CM_HMAC_SHA1_80 has 60 bytes, got 59", e.getMessage());
    }

    @Test
    void itsTextShowsNoKeyBytes() {
        SrtpKeyingMaterial keys = SrtpKeyingMaterial.fromExported(MATERIAL);
        String text = keys.toString();

        assertFalse(text.contains(HexFormat.of().formatHex(range(0, 4))), text);
        assertFalse(text.contains(HexFormat.of().formatHex(range(16, 20))), text);
        assertEquals("SrtpKeyingMaterial[profile=SRTP_AES128_CM_HMAC_SHA1_80, tag=" + keys.tag() + "]", text);
    }

    @Test
    void destroyingOverwritesTheMaterial() {
        SrtpKeyingMaterial keys = SrtpKeyingMaterial.fromExported(MATERIAL);
        keys.destroy();

        assertArrayEquals(new byte[60], keys.exported());
        assertNotEquals(SrtpKeyingMaterial.fromExported(MATERIAL), keys);
    }

    private static byte[] range(int from, int to) {
        byte[] bytes = new byte[to - from];
        for (int i = from; i < to; i++) {
            bytes[i - from] = (byte) i;
        }
        return bytes;
    }
}
