package com.roomagent.av.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Current and previous receive keys, on a clock the test holds. */
class KeySlotsTest {
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private final KeySlots slots = new KeySlots(Duration.ofSeconds(10));

    @Test
    void aNewSessionHasOneCurrentSlotAndNoPrevious() {
        assertEquals(0, slots.current());
        assertEquals(-1, slots.previous(T0));
        assertEquals(1, slots.idle());
    }

    @Test
    void aRekeyKeepsThePreviousKeysForTheRetentionTime() {
        slots.activate(slots.idle(), T0);

        assertEquals(1, slots.current());
        assertEquals(0, slots.previous(T0.plusSeconds(9)));
        assertEquals(-1, slots.previous(T0.plusSeconds(10)));
    }

    @Test
    void theNextRekeyReusesTheOldestSlot() {
        slots.activate(slots.idle(), T0);
        slots.activate(slots.idle(), T0.plusSeconds(60));

        assertEquals(0, slots.current());
        assertEquals(1, slots.previous(T0.plusSeconds(61)));
    }

    @Test
    void activatingTheCurrentSlotIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> slots.activate(slots.current(), T0));
    }
}
