package com.roomagent.agent.discovery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.roomagent.protocol.discovery.DiscoveryJson;
import com.roomagent.protocol.discovery.DiscoveryReport;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * Sends discovery reports to the cloud (R8): {@code POST
 * {signalingUri}/v1/devices/{deviceId}/discovery-reports}. Thread-safe. Does not own the {@link
 * HttpClient}; its creator does.
 */
public final class DiscoveryReportClient {
    private static final ObjectMapper JSON = DiscoveryJson.mapper();

    private final HttpClient http;
    private final URI signalingUri;
    private final Duration requestTimeout;

    /**
     * @param http the client, trusting the cloud's CA (see {@link CloudHttp})
     * @param signalingUri the signaling service's base URL
     * @param requestTimeout time allowed for the whole request once connected
     */
    public DiscoveryReportClient(HttpClient http, URI signalingUri, Duration requestTimeout) {
        this.http = Objects.requireNonNull(http, "http");
        this.signalingUri = Objects.requireNonNull(signalingUri, "signalingUri");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
    }

    /** Where the reports of {@code deviceId} go. */
    public URI uri(String deviceId) {
        String segment = URLEncoder.encode(deviceId, StandardCharsets.UTF_8).replace("+", "%20");
        return CloudExchange.resolve(signalingUri, "/v1/devices/" + segment + "/discovery-reports");
    }

    /**
     * Sends {@code report} under its device id.
     *
     * @throws CloudRequestException naming the step that failed
     */
    public void send(DiscoveryReport report) throws CloudRequestException {
        String body;
        try {
            body = JSON.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            // A record of strings, numbers and enums always serializes; failing here is a bug.
            throw new UncheckedIOException("cannot serialize the discovery report", e);
        }
        HttpRequest request = HttpRequest.newBuilder(uri(report.deviceId()))
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        CloudExchange.send(http, request);
    }
}
