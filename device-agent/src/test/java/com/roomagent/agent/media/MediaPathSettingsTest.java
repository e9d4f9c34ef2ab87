package com.roomagent.agent.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.agent.config.AgentConfiguration;
import com.roomagent.agent.config.ConfigurationLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaPathSettingsTest {
    @TempDir
    Path configDir;

    @TempDir
    Path stateDir;

    private AgentConfiguration load(Map<String, String> overrides) throws Exception {
        return new ConfigurationLoader(configDir, stateDir, Map.of(), new Properties(), overrides).load();
    }

    @Test
    void theDefaultSettingsGiveTheDocumentedTimings() throws Exception {
        assertEquals(MediaPathSettings.defaults(), MediaPathSettings.from(load(Map.of())));
    }

    @Test
    void eachMediaSettingReachesTheRaceKeepaliveAndHandshake() throws Exception {
        MediaPathSettings settings = MediaPathSettings.from(load(Map.of(
                "media.raceStagger", "150ms",
                "media.graceWindow", "100ms",
                "media.attemptTimeout", "3s",
                "media.raceTimeout", "8s",
                "media.keepaliveInterval", "1s",
                "media.consentTimeout", "6s",
                "media.mediaTimeout", "4s",
                "media.dtlsHandshakeTimeout", "7s",
                "media.retryMinDelay", "500ms",
                "media.retryMaxDelay", "20s")));
        assertEquals(Duration.ofMillis(150), settings.race().raceStagger());
        assertEquals(Duration.ofMillis(100), settings.race().graceWindow());
        assertEquals(Duration.ofSeconds(3), settings.race().attemptTimeout());
        assertEquals(Duration.ofSeconds(8), settings.race().raceTimeout());
        assertEquals(Duration.ofSeconds(1), settings.keepalive().keepaliveInterval());
        assertEquals(Duration.ofSeconds(6), settings.keepalive().consentTimeout());
        assertEquals(Duration.ofSeconds(4), settings.keepalive().mediaTimeout());
        assertEquals(Duration.ofSeconds(7), settings.dtlsHandshakeTimeout());
        assertEquals(Duration.ofMillis(500), settings.retry().initial());
        assertEquals(Duration.ofSeconds(20), settings.retry().max());
    }

    @Test
    void aRetryMaximumBelowTheMinimumWaitsTheMinimum() throws Exception {
        MediaPathSettings settings =
                MediaPathSettings.from(load(Map.of("media.retryMinDelay", "5s", "media.retryMaxDelay", "1s")));
        assertEquals(Duration.ofSeconds(5), settings.retry().max());
    }

    @Test
    void aConsentTimeoutNotLongerThanTheKeepaliveIntervalIsRefusedNamingBothSettings() throws Exception {
        AgentConfiguration configuration = load(Map.of("media.keepaliveInterval", "5s", "media.consentTimeout", "5s"));
        IllegalArgumentException refused =
                assertThrows(IllegalArgumentException.class, () -> MediaPathSettings.from(configuration));
        assertTrue(refused.getMessage().contains("media.consentTimeout"), refused.getMessage());
    }
}
