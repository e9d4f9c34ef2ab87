package com.roomagent.emulator.signaling;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.roomagent.emulator.provisioning.AdminToken;
import com.roomagent.protocol.signaling.Registration;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsExchange;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code POST /v1/devices/registrations} (docs/signaling.md, "Registration"): a device proves who
 * it is with its client certificate (mutual TLS, verified against the emulator's CA during the
 * handshake) and gets its registration; registering again replaces the previous one. Also the
 * administrator's {@code POST /v1/admin/devices/{deviceId}/events}.
 */
final class RegistrationRoutes {
    static final String PATH = "/v1/devices/registrations";
    private static final int MAX_BODY_BYTES = 16 * 1024;

    /** {@code POST /v1/admin/devices/{deviceId}/events} (admin): push an event to a device. */
    static final Pattern PUSH = Pattern.compile("/v1/admin/devices/([A-Za-z0-9._~:-]{1,128})/events");

    private final Registrations registrations;
    private final URI eventChannelUrl;
    private final AdminToken adminToken;

    RegistrationRoutes(Registrations registrations, URI eventChannelUrl, AdminToken adminToken) {
        this.registrations = registrations;
        this.eventChannelUrl = eventChannelUrl;
        this.adminToken = adminToken;
    }

    /** What an administrator pushes: {@code {"event": "demo.welcome", "body": {...}}}. */
    record PushRequest(String event, JsonNode body) {}

    /** Pushes an event to {@code deviceId}; answers 202 with its {@code seq}. */
    int push(HttpExchange exchange, ObjectMapper mapper, String deviceId) throws IOException, HttpError {
        if (!adminToken.authorizes(exchange.getRequestHeaders().getFirst("Authorization"))) {
            throw new HttpError(
                    HttpURLConnection.HTTP_UNAUTHORIZED,
                    "send Authorization: Bearer <the content of admin-token in the emulator's state directory>");
        }
        PushRequest request;
        try {
            request = mapper.readValue(Exchanges.readBody(exchange, MAX_BODY_BYTES), PushRequest.class);
        } catch (JsonProcessingException e) {
            throw new HttpError(
                    HttpURLConnection.HTTP_BAD_REQUEST,
                    "send {\"event\": \"name\", \"body\": {...}}: " + e.getOriginalMessage(),
                    e);
        }
        if (request == null || request.event() == null || request.event().isBlank()) {
            throw new HttpError(HttpURLConnection.HTTP_BAD_REQUEST, "the event needs a name: {\"event\": \"name\"}");
        }
        long seq;
        try {
            seq = registrations.push(
                    deviceId, request.event(), request.body() == null ? mapper.createObjectNode() : request.body());
        } catch (IllegalStateException e) {
            throw new HttpError(HttpURLConnection.HTTP_NOT_FOUND, e.getMessage(), e);
        }
        Exchanges.sendJson(exchange, HttpURLConnection.HTTP_ACCEPTED, Exchanges.json(mapper, Map.of("seq", seq)));
        return HttpURLConnection.HTTP_ACCEPTED;
    }

    int register(HttpExchange exchange, ObjectMapper mapper) throws IOException, HttpError {
        // The body is reserved for future device details; read it so the connection stays usable.
        Exchanges.readBody(exchange, MAX_BODY_BYTES);
        Optional<String> device = exchange instanceof HttpsExchange https
                ? ClientCertificates.deviceId(https.getSSLSession())
                : Optional.empty();
        if (device.isEmpty()) {
            throw new HttpError(
                    HttpURLConnection.HTTP_UNAUTHORIZED,
                    "registration needs the device certificate: connect with mutual TLS, presenting the"
                            + " certificate the cloud issued at activation");
        }
        Registration registration = registrations.register(device.get(), eventChannelUrl);
        Exchanges.sendJson(exchange, HttpURLConnection.HTTP_CREATED, Exchanges.json(mapper, registration));
        return HttpURLConnection.HTTP_CREATED;
    }
}
