package com.roomagent.agent.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.protocol.discovery.MediaTransport;
import com.roomagent.protocol.framing.StreamFraming;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProbeSettingsTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        ProbeSettings defaults = ProbeSettings.defaults();

        assertEquals(Duration.ofMillis(500), defaults.udpInitialRto());
        assertEquals(4, defaults.udpMaxTransmissions());
        assertEquals(8, defaults.udpFinalWaitMultiplier());
        assertEquals(Duration.ofSeconds(3), defaults.connectTimeout());
        assertEquals(Duration.ofSeconds(3), defaults.tlsHandshakeTimeout());
        assertEquals(Duration.ofSeconds(5), defaults.streamResponseTimeout());
        assertEquals(3, defaults.samplesPerPair());
        assertEquals(Duration.ofMillis(50), defaults.sampleInterval());
        assertEquals(StreamFraming.RFC4571, defaults.streamFraming());
        assertEquals(Optional.empty(), defaults.software());
    }

    @Test
    void aSilentUdpTransactionCostsSevenAndAHalfSecondsByDefault() {
        // 0, 0.5, 1.5, 3.5 s, then 8 x 0.5 s.
        assertEquals(Duration.ofMillis(7_500), ProbeSettings.defaults().udpTransactionTimeout());
    }

    @Test
    void rfcDefaultsGiveTheRfcsThirtyNineAndAHalfSeconds() {
        ProbeSettings rfc = ProbeSettings.defaults().toBuilder()
                .udpMaxTransmissions(7)
                .udpFinalWaitMultiplier(16)
                .build();

        assertEquals(Duration.ofMillis(39_500), rfc.udpTransactionTimeout());
    }

    @Test
    void pairTimeoutIsTheWorstCaseOfEverySampleAnsweringLast() {
        ProbeSettings defaults = ProbeSettings.defaults();

        assertEquals(Duration.ofMillis(3 * 7_500 + 2 * 50), defaults.pairTimeout(MediaTransport.UDP));
        assertEquals(Duration.ofMillis(3 * 7_500 + 2 * 50), defaults.pairTimeout(MediaTransport.UDP_LAST_RESORT));
        assertEquals(Duration.ofMillis(3_000 + 3 * 5_000 + 2 * 50), defaults.pairTimeout(MediaTransport.TCP));
        assertEquals(Duration.ofMillis(3_000 + 3_000 + 3 * 5_000 + 2 * 50), defaults.pairTimeout(MediaTransport.TLS));
        assertEquals(defaults.pairTimeout(MediaTransport.UDP), defaults.maxPairTimeout());
    }

    @Test
    void outOfRangeValuesAreRefusedNamingTheSetting() {
        ProbeSettings.Builder builder = ProbeSettings.defaults().toBuilder();

        IllegalArgumentException rto = assertThrows(
                IllegalArgumentException.class,
                () -> builder.udpInitialRto(Duration.ZERO).build());
        assertTrue(rto.getMessage().startsWith("udpInitialRto must be positive"), rto.getMessage());

        IllegalArgumentException samples = assertThrows(
                IllegalArgumentException.class,
                () -> ProbeSettings.defaults().toBuilder().samplesPerPair(0).build());
        assertEquals("samplesPerPair must be at least 1, was 0", samples.getMessage());

        IllegalArgumentException interval = assertThrows(
                IllegalArgumentException.class,
                () -> ProbeSettings.defaults().toBuilder()
                        .sampleInterval(Duration.ofMillis(-1))
                        .build());
        assertTrue(interval.getMessage().startsWith("sampleInterval must not be negative"), interval.getMessage());

        IllegalArgumentException software = assertThrows(
                IllegalArgumentException.class,
                () -> ProbeSettings.defaults().toBuilder()
                        .software("x".repeat(128))
                        .build());
        assertTrue(software.getMessage().contains("RFC 5389 section 15.10"), software.getMessage());
    }

    @Test
    void emptySoftwareMeansNoAttribute() {
        assertEquals(
                Optional.empty(),
                ProbeSettings.defaults().toBuilder().software("").build().software());
        assertEquals(
                Optional.of("room-agent/0.1"),
                ProbeSettings.defaults().toBuilder()
                        .software("room-agent/0.1")
                        .build()
                        .software());
    }
}
