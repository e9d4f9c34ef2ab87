package com.roomagent.emulator.signaling;

import com.roomagent.protocol.activation.CloudError;
import java.util.Optional;

/**
 * A request the signaling server refuses, with the status and the message of the error body.
 * Discovery endpoints answer {@code {"error": "..."}}; provisioning endpoints answer a {@link
 * CloudError}, which this carries when set. Thrown by request handling and turned into a response
 * in one place ({@link SignalingRoutes}).
 */
final class HttpError extends Exception {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient Optional<CloudError> cloudError;

    HttpError(int status, String message) {
        this(status, message, null);
    }

    HttpError(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.cloudError = Optional.empty();
    }

    /** A refusal of a provisioning endpoint, answered with {@code error} as the body. */
    HttpError(int status, CloudError error, Throwable cause) {
        super(error.message(), cause);
        this.status = status;
        this.cloudError = Optional.of(error);
    }

    int status() {
        return status;
    }

    /** The body of a provisioning endpoint's refusal; empty for discovery endpoints. */
    Optional<CloudError> cloudError() {
        return cloudError;
    }
}
