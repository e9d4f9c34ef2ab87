package com.roomagent.agent.provisioning;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.roomagent.agent.proxy.ProxyFailure;
import com.roomagent.protocol.activation.ActivationRequest;
import com.roomagent.protocol.activation.ActivationResponse;
import com.roomagent.protocol.activation.CloudError;
import com.roomagent.protocol.activation.PairingRequest;
import com.roomagent.protocol.activation.PairingSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The device's side of the activation service (docs/cloud-emulator.md, "Provisioning"): {@code POST
 * /v1/activations}, {@code POST /v1/pairings} and {@code GET /v1/pairings/{id}} under the cloud's
 * base URL, over HTTPS with the cloud's trust. Every failure is an {@link EnrollmentException}
 * naming its cause. Blocking; thread-safe. Does not own the {@link HttpClient}.
 */
public final class EnrollmentClient {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final HttpClient http;
    private final URI base;
    private final Duration requestTimeout;
    private final Clock clock;

    /**
     * @param http a client trusting the cloud's CA (see {@code discovery.CloudHttp})
     * @param base the cloud's base URL ({@code cloud.signalingUrl})
     * @param requestTimeout time allowed for one request once connected
     * @param clock the device's clock, named in a clock-far-off message and a rate limit's end
     */
    public EnrollmentClient(HttpClient http, URI base, Duration requestTimeout, Clock clock) {
        this.http = Objects.requireNonNull(http, "http");
        this.base = Objects.requireNonNull(base, "base");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The base URL the client talks to. */
    public URI base() {
        return base;
    }

    /**
     * Enrolls with an activation code.
     *
     * @throws EnrollmentException with the cause: the code refused, rate limited, unreachable...
     */
    public ActivationResponse activate(ActivationRequest request) throws EnrollmentException {
        HttpResponse<String> response = send(post("/v1/activations", request));
        if (response.statusCode() != 200) {
            throw refusal(response);
        }
        return parse(response, ActivationResponse.class, "an activation");
    }

    /**
     * Opens a pairing session: what the display shows, and where to poll.
     *
     * @throws EnrollmentException when the session cannot be opened
     */
    public PairingSession startPairing(PairingRequest request) throws EnrollmentException {
        HttpResponse<String> response = send(post("/v1/pairings", request));
        if (response.statusCode() != 201 && response.statusCode() != 200) {
            throw refusal(response);
        }
        return parse(response, PairingSession.class, "a pairing session");
    }

    /**
     * Polls a pairing session.
     *
     * @return the activation once an administrator approved the device; empty while pending
     * @throws EnrollmentException {@link EnrollmentException.Failure#PAIRING_EXPIRED} once the
     *     session ended unapproved, or another cause when the poll itself failed
     */
    public Optional<ActivationResponse> pollPairing(String pairingId) throws EnrollmentException {
        String segment = URLEncoder.encode(pairingId, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(resolve("/v1/pairings/" + segment))
                .timeout(requestTimeout)
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() == 202) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw refusal(response);
        }
        return Optional.of(parse(response, ActivationResponse.class, "an approved pairing"));
    }

    private HttpRequest post(String path, Object body) {
        String text;
        try {
            text = JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            // Records of strings always serialize; failing here is a bug.
            throw new UncheckedIOException("cannot serialize " + body.getClass().getSimpleName(), e);
        }
        return HttpRequest.newBuilder(resolve(path))
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8))
                .build();
    }

    private HttpResponse<String> send(HttpRequest request) throws EnrollmentException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            Optional<ProxyFailure> atProxy = ProxyFailure.classify(e, http, request.uri());
            if (atProxy.isPresent()) {
                ProxyFailure.reportTo(http, request.uri(), atProxy.get(), e);
                throw EnrollmentFailures.fromProxy(atProxy.get(), e);
            }
            throw EnrollmentFailures.fromIo(e, request.uri(), clock);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw EnrollmentFailures.fromIo(
                    new IOException("interrupted while waiting for the cloud", e), request.uri(), clock);
        }
    }

    private EnrollmentException refusal(HttpResponse<String> response) {
        Optional<ProxyFailure> atProxy = ProxyFailure.fromResponse(
                http,
                response.request().uri(),
                response.statusCode(),
                response.headers().allValues("Proxy-Authenticate"));
        if (atProxy.isPresent()) {
            return EnrollmentFailures.fromProxy(atProxy.get(), null);
        }
        CloudError error = null;
        try {
            error = JSON.readValue(response.body(), CloudError.class);
        } catch (JsonProcessingException | RuntimeException e) {
            // Not our cloud's error body (a proxy's page, an empty body): the status alone speaks.
        }
        Long retryAfter = response.headers()
                .firstValue("Retry-After")
                .flatMap(EnrollmentClient::seconds)
                .orElse(null);
        return EnrollmentFailures.fromStatus(response.statusCode(), error, retryAfter, response.uri(), clock);
    }

    private static Optional<Long> seconds(String header) {
        try {
            return Optional.of(Long.parseLong(header.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty(); // an HTTP date: rare, and the body carries the seconds anyway
        }
    }

    private static <T> T parse(HttpResponse<String> response, Class<T> type, String what) throws EnrollmentException {
        try {
            return JSON.readValue(response.body(), type);
        } catch (JsonProcessingException | RuntimeException e) {
            throw EnrollmentFailures.badResponse(
                    "HTTP " + response.statusCode() + " did not carry " + what + " ("
                            + e.getClass().getSimpleName() + ")",
                    e);
        }
    }

    private URI resolve(String path) {
        String text = base.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return URI.create(text + path);
    }
}
