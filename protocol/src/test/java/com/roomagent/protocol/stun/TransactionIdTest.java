package com.roomagent.protocol.stun;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TransactionIdTest {
    private static final byte[] BYTES = TestVectors.hex("b7e7a701bc34d686fa87dfae");

    @Test
    void idOfTwelveBytesPrintsAsLowercaseHex() {
        assertEquals("b7e7a701bc34d686fa87dfae", TransactionId.of(BYTES).toString());
    }

    @Test
    void idOfAnyOtherLengthIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> TransactionId.of(new byte[11]));
        assertThrows(IllegalArgumentException.class, () -> TransactionId.of(new byte[13]));
    }

    @Test
    void idIsNotChangedThroughTheArraysItWasMadeFromOrGave() {
        byte[] source = BYTES.clone();
        TransactionId id = TransactionId.of(source);
        source[0] = 0;
        id.bytes()[1] = 0;

        assertArrayEquals(BYTES, id.bytes());
    }

    @Test
    void idsWithTheSameBytesAreEqual() {
        assertEquals(TransactionId.of(BYTES), TransactionId.of(BYTES.clone()));
        assertEquals(
                TransactionId.of(BYTES).hashCode(),
                TransactionId.of(BYTES.clone()).hashCode());
    }

    @Test
    void randomIdsDiffer() {
        assertNotEquals(TransactionId.random(), TransactionId.random());
    }
}
