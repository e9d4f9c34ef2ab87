package com.roomagent.agent.metrics;

import com.roomagent.agent.discovery.CloudExchange;
import com.roomagent.agent.discovery.CloudRequestException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Objects;

/**
 * Uploads one batch: {@code POST {metricsUrl}/v1/batches}, JSON, over the injected client (mutual
 * TLS with the device identity). Sending the same batch twice is safe: the service keeps one copy
 * per batch id. Thread-safe; does not own the client.
 */
public final class MetricsUploader {
    private final HttpClient http;
    private final URI batchesUri;
    private final Duration requestTimeout;

    public MetricsUploader(HttpClient http, URI metricsUrl, Duration requestTimeout) {
        this.http = Objects.requireNonNull(http, "http");
        this.batchesUri = CloudExchange.resolve(metricsUrl, "/v1/batches");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
    }

    /** Where batches go. */
    public URI batchesUri() {
        return batchesUri;
    }

    /**
     * Sends {@code json}, a serialized batch.
     *
     * @throws CloudRequestException naming the step that failed
     */
    public void upload(byte[] json) throws CloudRequestException {
        CloudExchange.send(
                http,
                HttpRequest.newBuilder(batchesUri)
                        .timeout(requestTimeout)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(json))
                        .build());
    }
}
