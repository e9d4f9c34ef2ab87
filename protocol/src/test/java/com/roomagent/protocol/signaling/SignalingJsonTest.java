package com.roomagent.protocol.signaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.roomagent.protocol.discovery.DiscoveryReport;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignalingJsonTest {
    @Test
    void everyMessageTypeSurvivesARoundTrip() throws Exception {
        List<SignalingMessage> messages = List.of(
                new SignalingMessage.Hello("reg-1", "token", 7),
                new SignalingMessage.Welcome("reg-1", true, 2, 20),
                new SignalingMessage.Event(
                        3, "demo.welcome", SignalingJson.mapper().readTree("{\"text\":\"hi\"}")),
                new SignalingMessage.Ack(3),
                new SignalingMessage.Ping(1),
                new SignalingMessage.Pong(1),
                new SignalingMessage.DiscoveryReportMessage(
                        1, new DiscoveryReport("dev-1", Instant.parse("2026-11-25T18:00:00Z"), 12, "boot", List.of())),
                new SignalingMessage.Error(SignalingMessage.Error.UNKNOWN_REGISTRATION, "register again"));
        for (SignalingMessage message : messages) {
            assertEquals(message, SignalingJson.read(SignalingJson.write(message)));
        }
    }

    @Test
    void theTypeFieldNamesTheMessageAsTheDocumentationShows() {
        String hello = SignalingJson.write(new SignalingMessage.Hello("reg-1", "token", 0));
        assertTrue(hello.startsWith("{\"type\":\"hello\""), hello);
        String report = SignalingJson.write(new SignalingMessage.DiscoveryReportMessage(
                1, new DiscoveryReport("dev-1", Instant.parse("2026-11-25T18:00:00Z"), 12, "boot", List.of())));
        assertTrue(report.contains("\"type\":\"discovery.report\""), report);
        assertTrue(report.contains("\"startedAt\":\"2026-11-25T18:00:00Z\""), report);
    }

    @Test
    void unknownTypeAndNullAreRefused() {
        assertThrows(JsonProcessingException.class, () -> SignalingJson.read("{\"type\":\"teleport\"}"));
        assertThrows(JsonProcessingException.class, () -> SignalingJson.read("null"));
        assertThrows(JsonProcessingException.class, () -> SignalingJson.read("{\"seq\":1}"));
    }

    @Test
    void unknownFieldsFromANewerPeerAreIgnored() throws Exception {
        assertInstanceOf(
                SignalingMessage.Ack.class, SignalingJson.read("{\"type\":\"ack\",\"seq\":4,\"future\":true}"));
    }

    @Test
    void secretsStayOutOfToString() {
        assertFalse(new SignalingMessage.Hello("reg-1", "s3cret", 0).toString().contains("s3cret"));
        assertFalse(new Registration("reg-1", "dev-1", java.net.URI.create("wss://127.0.0.1/v1/events"), "s3cret")
                .toString()
                .contains("s3cret"));
    }
}
