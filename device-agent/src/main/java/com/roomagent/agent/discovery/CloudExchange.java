package com.roomagent.agent.discovery;

import com.roomagent.agent.discovery.CloudRequestException.Step;
import com.roomagent.agent.discovery.internal.FailureClassifier;
import com.roomagent.agent.proxy.ProxyFailure;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * One HTTPS request to the signaling service, with every failure turned into a {@link
 * CloudRequestException} that names its step. Shared by the node list, report and registration clients.
 */
public final class CloudExchange {
    private static final int BODY_EXCERPT_CHARACTERS = 200;

    private CloudExchange() {}

    /** {@code base} with {@code path} appended, whether or not {@code base} ends with a slash. */
    public static URI resolve(URI base, String path) {
        String text = base.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return URI.create(text + path);
    }

    /**
     * Sends {@code request} and returns the response body when the status is 2xx.
     *
     * @throws CloudRequestException at the step that failed
     */
    public static String send(HttpClient http, HttpRequest request) throws CloudRequestException {
        return new String(sendForBytes(http, request), StandardCharsets.UTF_8);
    }

    /**
     * Sends {@code request} and returns the response body's exact bytes when the status is 2xx
     * (for content whose bytes matter, such as a signed upgrade manifest).
     *
     * @throws CloudRequestException at the step that failed
     */
    public static byte[] sendForBytes(HttpClient http, HttpRequest request) throws CloudRequestException {
        URI uri = request.uri();
        String method = request.method();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CloudRequestException(Step.INTERRUPTED, method, uri, 0, "interrupted while waiting", e);
        } catch (IOException e) {
            Optional<ProxyFailure> atProxy = ProxyFailure.classify(e, http, uri);
            if (atProxy.isPresent()) {
                ProxyFailure.reportTo(http, uri, atProxy.get(), e);
                throw new CloudRequestException(atProxy.get(), method, uri, e);
            }
            throw classify(e, method, uri);
        }
        int status = response.statusCode();
        Optional<ProxyFailure> atProxy =
                ProxyFailure.fromResponse(http, uri, status, response.headers().allValues("Proxy-Authenticate"));
        if (atProxy.isPresent()) {
            throw new CloudRequestException(atProxy.get(), method, uri, null);
        }
        if (status < 200 || status > 299) {
            throw new CloudRequestException(
                    Step.HTTP_STATUS,
                    method,
                    uri,
                    status,
                    "status " + status + ": " + excerpt(new String(response.body(), StandardCharsets.UTF_8)),
                    null);
        }
        return response.body();
    }

    private static CloudRequestException classify(IOException error, String method, URI uri) {
        String target = uri.getHost() + ":" + port(uri);
        if (error instanceof HttpConnectTimeoutException) {
            return new CloudRequestException(
                    Step.CONNECT, method, uri, 0, "connection to " + target + " timed out", error);
        }
        if (error instanceof HttpTimeoutException) {
            return new CloudRequestException(
                    Step.RESPONSE_TIMEOUT, method, uri, 0, "no response within the request timeout", error);
        }
        // The HTTP client wraps the socket's error; the innermost one says what happened.
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SSLException) {
                return new CloudRequestException(
                        Step.TLS,
                        method,
                        uri,
                        0,
                        FailureClassifier.classify((SSLException) cause, target, "TLS")
                                .detail(),
                        error);
            }
        }
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                String reason = FailureClassifier.classify((ConnectException) cause, target, "connect")
                        .detail();
                return new CloudRequestException(Step.CONNECT, method, uri, 0, reason, error);
            }
        }
        return new CloudRequestException(
                Step.IO,
                method,
                uri,
                0,
                FailureClassifier.classify(error, target, "request").detail(),
                error);
    }

    private static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : 443;
    }

    /** The start of a body on one line, enough to recognise an error page or message. */
    static String excerpt(String body) {
        if (body == null || body.isBlank()) {
            return "(empty body)";
        }
        String line = body.strip().replaceAll("\\s+", " ");
        return line.length() <= BODY_EXCERPT_CHARACTERS ? line : line.substring(0, BODY_EXCERPT_CHARACTERS) + "...";
    }
}
