package com.roomagent.emulator.signaling;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.roomagent.protocol.activation.CloudError;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;

/** Reading bounded request bodies and writing JSON responses on the JDK's {@link HttpExchange}. */
final class Exchanges {
    private static final String JSON = "application/json; charset=utf-8";
    // Beyond this, a refused body is not worth reading: the connection is closed instead.
    private static final int MAX_DISCARD_BYTES = 16 * 1024 * 1024;

    private Exchanges() {}

    /**
     * Reads the whole request body, refusing more than {@code limitBytes}. A refused body is still
     * read and discarded, up to {@value #MAX_DISCARD_BYTES} bytes, so that the client, which is
     * still sending, receives the 413 instead of a connection reset.
     *
     * @throws HttpError 413 when the declared or actual body is larger than the limit
     */
    static byte[] readBody(HttpExchange exchange, int limitBytes) throws IOException, HttpError {
        try (InputStream in = exchange.getRequestBody()) {
            String declared = exchange.getRequestHeaders().getFirst("Content-Length");
            if (declared != null && declaredLength(declared) > limitBytes) {
                discard(in);
                throw tooLarge(limitBytes);
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            byte[] buffer = new byte[16 * 1024];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                if (body.size() + read > limitBytes) {
                    discard(in);
                    throw tooLarge(limitBytes);
                }
                body.write(buffer, 0, read);
            }
            return body.toByteArray();
        }
    }

    private static long declaredLength(String header) throws HttpError {
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            throw new HttpError(HttpURLConnection.HTTP_BAD_REQUEST, "Content-Length is not a number", e);
        }
    }

    /** Reads and drops what is left of the body, at most {@value #MAX_DISCARD_BYTES} bytes. */
    private static void discard(InputStream in) throws IOException {
        byte[] sink = new byte[64 * 1024];
        long discarded = 0;
        for (int read = in.read(sink); read >= 0 && discarded < MAX_DISCARD_BYTES; read = in.read(sink)) {
            discarded += read;
        }
    }

    private static HttpError tooLarge(int limitBytes) {
        return new HttpError(
                HttpURLConnection.HTTP_ENTITY_TOO_LARGE, "request body is larger than " + limitBytes + " bytes");
    }

    /** Sends {@code status} with {@code body} as JSON and closes the exchange. */
    static void sendJson(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", JSON);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Sends {@code status} with no body and closes the exchange. */
    static void sendEmpty(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    /** Sends the JSON error body {@code {"error": message}}. */
    static void sendError(HttpExchange exchange, ObjectMapper mapper, int status, String message) throws IOException {
        sendJson(exchange, status, json(mapper, new ErrorBody(message)));
    }

    /**
     * Sends a provisioning refusal: {@code error} as the body, and for {@link
     * CloudError#RATE_LIMITED} the {@code Retry-After} header in seconds (RFC 9110 section 10.2.3).
     */
    static void sendCloudError(HttpExchange exchange, ObjectMapper mapper, int status, CloudError error)
            throws IOException {
        if (error.retryAfterSeconds() != null) {
            exchange.getResponseHeaders().set("Retry-After", Long.toString(error.retryAfterSeconds()));
        }
        sendJson(exchange, status, json(mapper, error));
    }

    /** Sends {@code status} with an HTML page and closes the exchange. */
    static void sendHtml(HttpExchange exchange, int status, String html) throws IOException {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    static byte[] json(ObjectMapper mapper, Object value) throws JsonProcessingException {
        return mapper.writeValueAsBytes(value);
    }

    /** The body of every 4xx and 5xx response. */
    record ErrorBody(String error) {}
}
