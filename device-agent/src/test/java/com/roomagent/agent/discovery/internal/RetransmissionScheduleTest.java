package com.roomagent.agent.discovery.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.roomagent.agent.discovery.ProbeSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetransmissionScheduleTest {

    @Test
    void transmissionsFollowTheDoublingIntervalsOfRfc5389() {
        RetransmissionSchedule schedule = new RetransmissionSchedule(ProbeSettings.defaults());

        assertEquals(4, schedule.maxTransmissions());
        assertEquals(Duration.ZERO, schedule.sendOffset(0));
        assertEquals(Duration.ofMillis(500), schedule.sendOffset(1));
        assertEquals(Duration.ofMillis(1_500), schedule.sendOffset(2));
        assertEquals(Duration.ofMillis(3_500), schedule.sendOffset(3));
        assertEquals(Duration.ofMillis(7_500), schedule.timeout());
    }

    @Test
    void theRfcsOwnExampleEndsAfterThirtyNineAndAHalfSeconds() {
        // RFC 5389 section 7.2.1: RTO 500 ms, Rc 7, Rm 16 -> sent at 0, 500, 1500, 3500, 7500,
        // 15500 and 31500 ms, failed at 39500 ms.
        RetransmissionSchedule schedule = new RetransmissionSchedule(ProbeSettings.defaults().toBuilder()
                .udpMaxTransmissions(7)
                .udpFinalWaitMultiplier(16)
                .build());

        assertEquals(Duration.ofMillis(15_500), schedule.sendOffset(5));
        assertEquals(Duration.ofMillis(31_500), schedule.sendOffset(6));
        assertEquals(Duration.ofMillis(39_500), schedule.timeout());
    }

    @Test
    void thereIsNoTransmissionBeyondRc() {
        RetransmissionSchedule schedule = new RetransmissionSchedule(ProbeSettings.defaults());

        assertThrows(IllegalArgumentException.class, () -> schedule.sendOffset(4));
    }
}
