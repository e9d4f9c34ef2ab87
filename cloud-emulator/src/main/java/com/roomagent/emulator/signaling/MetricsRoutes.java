package com.roomagent.emulator.signaling;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.roomagent.emulator.metrics.MetricsStore;
import com.roomagent.protocol.metrics.MetricsBatch;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Optional;

/**
 * The metrics service (docs/cloud-emulator.md, "Metrics"), under the organization's metrics URL:
 * {@code POST /v1/batches} with a {@link MetricsBatch}, over mutual TLS: the device's certificate
 * is required, and its CN must be the batch's device id. A batch id already stored is answered
 * 200 {@code {"duplicate": true}} and not stored again; a new one 201. While the store is
 * unavailable (a test switch), every upload gets 503 with {@code Retry-After}.
 */
final class MetricsRoutes extends CloudServiceRoutes {
    /** Batches larger than this are refused with 413. */
    static final int MAX_BATCH_BYTES = 1024 * 1024;

    private final MetricsStore store;

    MetricsRoutes(ObjectMapper mapper, String basePath, MetricsStore store) {
        super(mapper, "metrics", basePath);
        this.store = store;
    }

    @Override
    int route(HttpExchange exchange, String method, String path) throws IOException, HttpError {
        if (!path.equals("/v1/batches")) {
            throw new HttpError(HttpURLConnection.HTTP_NOT_FOUND, "no such metrics endpoint: " + method + " " + path);
        }
        requireMethod(exchange, method, "POST");
        Optional<X509Certificate> client = clientCertificate(exchange);
        if (client.isEmpty()) {
            throw new HttpError(
                    HttpURLConnection.HTTP_UNAUTHORIZED,
                    "metrics uploads need the device's client certificate (mutual TLS); provision the device first");
        }
        if (!store.available()) {
            Exchanges.readBody(exchange, MAX_BATCH_BYTES);
            exchange.getResponseHeaders().set("Retry-After", "1");
            throw new HttpError(HttpURLConnection.HTTP_UNAVAILABLE, "the metrics service is unavailable");
        }
        byte[] body = Exchanges.readBody(exchange, MAX_BATCH_BYTES);
        MetricsBatch batch;
        try {
            batch = mapper.readValue(body, MetricsBatch.class);
        } catch (JsonProcessingException e) {
            throw new HttpError(
                    HttpURLConnection.HTTP_BAD_REQUEST, "malformed metrics batch: " + e.getOriginalMessage(), e);
        }
        if (batch == null) {
            throw new HttpError(HttpURLConnection.HTTP_BAD_REQUEST, "empty body; send a metrics batch");
        }
        Optional<String> subject = commonName(client.get());
        if (subject.isEmpty() || !subject.get().equals(batch.deviceId())) {
            throw new HttpError(
                    HttpURLConnection.HTTP_FORBIDDEN,
                    "deviceId '" + batch.deviceId() + "' is not the device of the client certificate ("
                            + client.get().getSubjectX500Principal().getName() + ")");
        }
        boolean stored = store.add(batch, client.get().getSubjectX500Principal().getName());
        int status = stored ? HttpURLConnection.HTTP_CREATED : HttpURLConnection.HTTP_OK;
        Exchanges.sendJson(exchange, status, Exchanges.json(mapper, Map.of("duplicate", !stored)));
        return status;
    }
}
