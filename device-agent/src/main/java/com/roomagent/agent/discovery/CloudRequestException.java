package com.roomagent.agent.discovery;

import com.roomagent.agent.proxy.ProxyFailure;
import java.io.IOException;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A request to the signaling service failed. Says at which {@link Step}, for which URL, and why,
 * in a message an operator can act on (for example "GET https://.../v1/media-nodes failed at TLS:
 * certificate not trusted: ...").
 */
public final class CloudRequestException extends IOException {
    /** Where in the request the failure happened. */
    public enum Step {
        /** The TCP connection could not be opened: refused, unreachable, or timed out. */
        CONNECT("connect"),
        /**
         * The HTTP proxy failed: unreachable, no answer in time, refused the tunnel, or wants
         * credentials ({@link #proxyFailure()} says which).
         */
        PROXY("HTTP proxy"),
        /** The TLS handshake failed, typically an untrusted or mismatched server certificate. */
        TLS("TLS"),
        /** Connected, but the response did not arrive within the request timeout. */
        RESPONSE_TIMEOUT("response timeout"),
        /** The server answered with a status other than 2xx. */
        HTTP_STATUS("HTTP status"),
        /** The body was not the JSON expected. */
        BAD_BODY("response body"),
        /** The calling thread was interrupted while waiting. */
        INTERRUPTED("interrupted"),
        /** Any other I/O error on the connection. */
        IO("I/O");

        private final String label;

        Step(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final Step step;
    private final URI uri;
    private final int status;
    private final transient ProxyFailure proxyFailure;

    /**
     * @param status the HTTP status for {@link Step#HTTP_STATUS}, otherwise 0
     * @param cause the underlying error, kept for logs at debug level; may be null
     */
    public CloudRequestException(Step step, String method, URI uri, int status, String reason, Throwable cause) {
        super(method + " " + uri + " failed at " + step.label() + ": " + reason, cause);
        this.step = Objects.requireNonNull(step, "step");
        this.uri = Objects.requireNonNull(uri, "uri");
        this.status = status;
        this.proxyFailure = null;
    }

    /** A failure at the HTTP proxy: step {@link Step#PROXY}, the proxy's own message. */
    public CloudRequestException(ProxyFailure failure, String method, URI uri, Throwable cause) {
        super(
                method + " " + uri + " failed at " + Step.PROXY.label() + " ("
                        + failure.kind().id() + "): " + failure.message(),
                cause);
        this.step = Step.PROXY;
        this.uri = Objects.requireNonNull(uri, "uri");
        this.status = failure.status();
        this.proxyFailure = failure;
    }

    /** For {@link Step#PROXY}, what went wrong at the proxy. */
    public Optional<ProxyFailure> proxyFailure() {
        return Optional.ofNullable(proxyFailure);
    }

    public Step step() {
        return step;
    }

    public URI uri() {
        return uri;
    }

    /** The HTTP status when the step is {@link Step#HTTP_STATUS}. */
    public OptionalInt status() {
        return step == Step.HTTP_STATUS ? OptionalInt.of(status) : OptionalInt.empty();
    }
}
