package com.roomagent.protocol.activation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * The body of every 4xx and 5xx answer of the cloud's device-facing API, so the device can tell
 * the installer exactly what went wrong.
 *
 * @param error a stable identifier, one of the constants below
 * @param message a sentence for people: what happened and what to do
 * @param retryAfterSeconds for {@link #RATE_LIMITED}, when to try again; null otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudError(String error, String message, Long retryAfterSeconds) {
    /** No such activation code. */
    public static final String UNKNOWN_CODE = "unknown-code";
    /** The code was already used to activate a device (codes are single use). */
    public static final String CODE_USED = "code-used";
    /** The code's validity ended. */
    public static final String CODE_EXPIRED = "code-expired";
    /** Too many attempts from this device or address; see retryAfterSeconds. */
    public static final String RATE_LIMITED = "rate-limited";
    /** The certificate signing request is not valid PKCS#10, or its key is not EC P-256. */
    public static final String BAD_CSR = "bad-csr";
    /** The request body is not what the endpoint expects. */
    public static final String BAD_REQUEST = "bad-request";
    /** No such pairing session. */
    public static final String UNKNOWN_PAIRING = "unknown-pairing";
    /** The pairing session ended before an administrator approved it. */
    public static final String PAIRING_EXPIRED = "pairing-expired";
    /** The administrator's credentials are missing or wrong. */
    public static final String UNAUTHORIZED = "unauthorized";

    public CloudError {
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(message, "message");
    }
}
