package com.roomagent.agent.discovery.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationTextTest {

    @Test
    void shortDurationsReadInMillisecondsLongOnesInSeconds() {
        assertEquals("500 ms", DurationText.of(Duration.ofMillis(500)));
        assertEquals("3 s", DurationText.of(Duration.ofSeconds(3)));
        assertEquals("7.5 s", DurationText.of(Duration.ofMillis(7_500)));
        assertEquals("22.6 s", DurationText.of(Duration.ofMillis(22_600)));
    }
}
