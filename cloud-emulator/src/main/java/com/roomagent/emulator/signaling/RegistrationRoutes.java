package com.roomagent.emulator.signaling;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.roomagent.protocol.signaling.Registration;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsExchange;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.Optional;

/**
 * {@code POST /v1/devices/registrations} (docs/signaling.md, "Registration"): a device proves who
 * it is with its client certificate (mutual TLS, verified against the emulator's CA during the
 * handshake) and gets its registration; registering again replaces the previous one.
 */
final class RegistrationRoutes {
    static final String PATH = "/v1/devices/registrations";
    private static final int MAX_BODY_BYTES = 16 * 1024;

    private final Registrations registrations;
    private final URI eventChannelUrl;

    RegistrationRoutes(Registrations registrations, URI eventChannelUrl) {
        this.registrations = registrations;
        this.eventChannelUrl = eventChannelUrl;
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
