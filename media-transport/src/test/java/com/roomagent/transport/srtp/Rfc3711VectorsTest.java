package com.roomagent.transport.srtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The AES-CM keystream and the key derivation reproduce RFC 3711 appendix B.2 and B.3. */
class Rfc3711VectorsTest {
    private final TestVectors vectors = TestVectors.rfc3711();

    @Test
    void theIvForSsrcZeroAndIndexZeroIsTheShiftedSalt() {
        byte[] iv = new byte[16];
        AesCounterMode.iv(vectors.hex("b2.sessionSalt"), 0, 0, iv);

        assertArrayEquals(vectors.hex("b2.offset"), iv);
    }

    @Test
    void theAesCmKeystreamMatchesAppendixB2AtTheStartAndTheEndOfTheSegment() {
        int length = (int) vectors.number("b2.segmentLength");
        byte[] keystream = new AesCounterMode(vectors.hex("b2.sessionKey")).keystream(vectors.hex("b2.offset"), length);

        assertArrayEquals(vectors.hex("b2.keystreamStart"), Arrays.copyOf(keystream, 48));
        assertArrayEquals(vectors.hex("b2.keystreamEnd"), Arrays.copyOfRange(keystream, length - 48, length));
    }

    @Test
    void encryptingZerosUnderSsrcZeroAndIndexZeroGivesTheAppendixB2Keystream() {
        byte[] zeros = new byte[48];
        byte[] out = new byte[48];
        new AesCounterMode(vectors.hex("b2.sessionKey"))
                .apply(vectors.hex("b2.sessionSalt"), 0, 0, zeros, 0, zeros.length, out, 0);

        assertArrayEquals(vectors.hex("b2.keystreamStart"), out);
    }

    @Test
    void theCipherKeySaltAndAuthKeyMatchAppendixB3() {
        byte[] key = vectors.hex("b3.masterKey");
        byte[] salt = vectors.hex("b3.masterSalt");

        assertArrayEquals(vectors.hex("b3.cipherKey"), KeyDerivation.prf(key, salt, KeyDerivation.RTP_ENCRYPTION, 16));
        assertArrayEquals(vectors.hex("b3.cipherSalt"), KeyDerivation.prf(key, salt, KeyDerivation.RTP_SALT, 14));
        assertArrayEquals(
                vectors.hex("b3.authKey94"), KeyDerivation.prf(key, salt, KeyDerivation.RTP_AUTHENTICATION, 94));
    }

    @Test
    void theSrtpSessionKeysOfTheProfileAreTheirPrefixesOfAppendixB3() {
        KeyDerivation.SessionKeys keys =
                KeyDerivation.rtp(SrtpMasterKey.of(vectors.hex("b3.masterKey"), vectors.hex("b3.masterSalt")));

        assertArrayEquals(vectors.hex("b3.cipherKey"), keys.encryptionKey());
        assertArrayEquals(vectors.hex("b3.cipherSalt"), keys.salt());
        assertArrayEquals(Arrays.copyOf(vectors.hex("b3.authKey94"), 20), keys.authenticationKey());
    }
}
