package com.roomagent.agent.signaling;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.roomagent.agent.discovery.CloudExchange;
import com.roomagent.agent.discovery.CloudRequestException;
import com.roomagent.protocol.signaling.Registration;
import com.roomagent.protocol.signaling.SignalingJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Objects;

/**
 * {@code POST {signalingUrl}/v1/devices/registrations} over mutual TLS (docs/signaling.md,
 * "Registration"). Thread-safe. Does not own the {@link HttpClient}: it must carry the device's TLS
 * context ({@link DeviceTls}).
 */
public final class RegistrationClient {
    /** The registration path under the signaling URL. */
    public static final String PATH = "/v1/devices/registrations";

    private final HttpClient http;
    private final URI signalingUri;
    private final Duration requestTimeout;

    public RegistrationClient(HttpClient http, URI signalingUri, Duration requestTimeout) {
        this.http = Objects.requireNonNull(http, "http");
        this.signalingUri = Objects.requireNonNull(signalingUri, "signalingUri");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
    }

    /** Where registrations go. */
    public URI uri() {
        return CloudExchange.resolve(signalingUri, PATH);
    }

    /**
     * Registers the device the TLS context's certificate names, replacing its previous registration.
     *
     * @throws CloudRequestException naming the step that failed (a refused certificate shows as a TLS
     *     failure or status 401)
     * @throws SignalingException when the answer is not a registration
     */
    public Registration register() throws CloudRequestException, SignalingException {
        HttpRequest request = HttpRequest.newBuilder(uri())
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build();
        String body = CloudExchange.send(http, request);
        try {
            Registration registration = SignalingJson.mapper().readValue(body, Registration.class);
            if (registration == null) {
                throw new SignalingException("the cloud answered the registration at " + uri() + " with null");
            }
            return registration;
        } catch (JsonProcessingException e) {
            throw new SignalingException(
                    "the cloud's answer to the registration at " + uri() + " is not a registration: "
                            + e.getOriginalMessage(),
                    e);
        }
    }
}
