package com.roomagent.hal.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationTextTest {
    @Test
    void readsTheShortAndTheIsoForms() {
        assertEquals(Duration.ofMillis(30), DurationText.parse("30ms"));
        assertEquals(Duration.ofSeconds(5), DurationText.parse(" 5s "));
        assertEquals(Duration.ofMinutes(2), DurationText.parse("2m"));
        assertEquals(Duration.ofHours(1), DurationText.parse("1h"));
        assertEquals(Duration.ofSeconds(5), DurationText.parse("PT5S"));
    }

    @Test
    void refusesAnythingElse() {
        assertThrows(IllegalArgumentException.class, () -> DurationText.parse("5 seconds"));
        assertThrows(IllegalArgumentException.class, () -> DurationText.parse("-5s"));
    }

    @Test
    void writesTheLargestWholeUnit() {
        assertEquals("30ms", DurationText.format(Duration.ofMillis(30)));
        assertEquals("5s", DurationText.format(Duration.ofSeconds(5)));
        assertEquals("2m", DurationText.format(Duration.ofMinutes(2)));
        assertEquals("1500ms", DurationText.format(Duration.ofMillis(1500)));
    }
}
