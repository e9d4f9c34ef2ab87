package com.roomagent.emulator.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.protocol.discovery.MediaTransport;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Configurations built in code are held to the same rules as files. */
class ConfigValidatorTest {
    @Test
    void loopbackConfigurationWithEphemeralPortsIsValid() throws Exception {
        EmulatorConfig config = EmulatorConfig.loopback(
                NodeConfig.loopback("a").build(), NodeConfig.loopback("b").build());

        assertEquals(config, ConfigValidator.validate(config));
    }

    @Test
    void negativeDelayIsRejected() {
        EmulatorConfig config = EmulatorConfig.loopback(
                NodeConfig.loopback("a").delay(Duration.ofMillis(-1)).build());

        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> ConfigValidator.validate(config));

        assertTrue(e.getMessage().startsWith(EmulatorConfig.BUILT_IN_CODE + ": node 'a' (nodes[0]): delayMillis"));
    }

    @Test
    void modeForATransportTheNodeDoesNotOfferIsRejected() {
        EmulatorConfig config = EmulatorConfig.loopback(NodeConfig.builder("a", "127.0.0.1")
                .port(MediaTransport.UDP, 0)
                .mode(MediaTransport.TCP, TransportMode.DROP)
                .build());

        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> ConfigValidator.validate(config));

        assertTrue(e.getMessage().contains("transports.tcp is set but ports.tcp is not"), e.getMessage());
    }

    @Test
    void wildcardAddressIsRejected() {
        EmulatorConfig config = EmulatorConfig.loopback(NodeConfig.loopback("a").build())
                .withSignaling(new SignalingConfig("0.0.0.0", 0, 10));

        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> ConfigValidator.validate(config));

        assertTrue(e.getMessage().contains("signaling.host is '0.0.0.0'; use a specific unicast address"));
    }

    @Test
    void ipLiteralsAreParsedWithoutDns() {
        assertTrue(IpLiteral.parse("127.0.1.1").isPresent());
        assertTrue(IpLiteral.parse("::1").isPresent());
        assertTrue(IpLiteral.parse("256.0.0.1").isEmpty());
        assertTrue(IpLiteral.parse("localhost").isEmpty());
        assertTrue(IpLiteral.parse("1.2.3").isEmpty());
    }
}
