package com.roomagent.emulator.provisioning;

import com.roomagent.protocol.activation.CloudError;
import java.util.Objects;

/**
 * A provisioning request the cloud refuses, with the {@link CloudError} the device receives: a
 * stable error id ({@link CloudError#UNKNOWN_CODE} and the other constants) and a sentence for the
 * installer. The HTTP adapter chooses the status from the id.
 */
public final class ProvisioningException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient CloudError error;

    public ProvisioningException(CloudError error) {
        super(error.error() + ": " + error.message());
        this.error = Objects.requireNonNull(error, "error");
    }

    ProvisioningException(String errorId, String message) {
        this(new CloudError(errorId, message, null));
    }

    /** What the device is told. */
    public CloudError error() {
        return error;
    }
}
