package com.roomagent.emulator.signaling;

import static com.roomagent.emulator.EmulatorApi.error;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.roomagent.emulator.CloudEmulator;
import com.roomagent.emulator.DeviceKeys;
import com.roomagent.emulator.EmulatorApi;
import com.roomagent.emulator.FakeClock;
import com.roomagent.emulator.config.EmulatorConfig;
import com.roomagent.emulator.config.NodeConfig;
import com.roomagent.emulator.config.RateLimitConfig;
import com.roomagent.emulator.config.SignalingConfig;
import com.roomagent.protocol.activation.ActivationCode;
import com.roomagent.protocol.activation.ActivationRequest;
import com.roomagent.protocol.activation.CloudError;
import com.roomagent.protocol.activation.PairingRequest;
import com.roomagent.protocol.discovery.MediaTransport;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Guessing codes: a token bucket per address, on activations and pairings together. */
class RateLimitApiTest {
    private static final int BURST = 3;
    private static final Duration REFILL = Duration.ofSeconds(60);

    @TempDir
    Path stateDir;

    private final FakeClock clock = new FakeClock();
    private CloudEmulator emulator;
    private EmulatorApi api;

    @BeforeEach
    void start() throws Exception {
        emulator = CloudEmulator.start(
                EmulatorConfig.loopback(NodeConfig.loopback("node")
                                .withoutTransport(MediaTransport.TLS)
                                .build())
                        .withSignaling(SignalingConfig.loopbackEphemeral()
                                .withActivationRateLimit(new RateLimitConfig(BURST, REFILL))),
                stateDir,
                clock);
        api = new EmulatorApi(emulator);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void failedGuessesBeyondTheBurstAre429WithRetryAfter() throws Exception {
        for (int i = 0; i < BURST; i++) {
            assertEquals(404, guess().statusCode(), "guess " + (i + 1) + " is answered");
        }

        HttpResponse<String> limited = guess();

        assertEquals(429, limited.statusCode());
        assertEquals("60", limited.headers().firstValue("Retry-After").orElseThrow());
        CloudError error = error(limited);
        assertEquals(CloudError.RATE_LIMITED, error.error());
        assertEquals(60L, error.retryAfterSeconds());
    }

    @Test
    void aTokenComesBackAfterTheRefillInterval() throws Exception {
        for (int i = 0; i <= BURST; i++) {
            guess();
        }
        clock.advance(Duration.ofSeconds(30));
        assertEquals("30", guess().headers().firstValue("Retry-After").orElseThrow());

        clock.advance(Duration.ofSeconds(30));

        assertEquals(404, guess().statusCode());
        assertEquals(429, guess().statusCode());
    }

    @Test
    void pairingsShareTheBucketOfActivations() throws Exception {
        for (int i = 0; i < BURST; i++) {
            guess();
        }

        HttpResponse<String> pairing =
                api.post("/v1/pairings", new PairingRequest(DeviceKeys.p256().csrPem(), "RoomKit 1", "SN-3"));

        assertEquals(429, pairing.statusCode());
        assertEquals(CloudError.RATE_LIMITED, error(pairing).error());
    }

    private HttpResponse<String> guess() throws Exception {
        String code = ActivationCode.generate(new SecureRandom()).formatted();
        return api.post(
                "/v1/activations", new ActivationRequest(code, DeviceKeys.p256().csrPem(), "RK", "SN"));
    }
}
